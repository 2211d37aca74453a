/*
 * The single include point for OpenCL: the Khronos C++ bindings pinned to
 * OpenCL 1.2 host calls, without exceptions (errors come back as cl_int), so
 * RAII handles release every object and no code calls clRelease* by hand.
 */
#ifndef CUCL_BACKEND_CL_H
#define CUCL_BACKEND_CL_H

#ifndef CL_TARGET_OPENCL_VERSION // backend/shared_virtual_memory.cpp asks for 2.0
#define CL_TARGET_OPENCL_VERSION 120
#endif
#define CL_HPP_TARGET_OPENCL_VERSION 120
#define CL_HPP_MINIMUM_OPENCL_VERSION 120
#include <CL/opencl.hpp>

#endif // CUCL_BACKEND_CL_H
