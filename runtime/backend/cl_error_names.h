// Symbolic names of OpenCL status codes, for diagnostics.
#ifndef CUCL_BACKEND_CL_ERROR_NAMES_H
#define CUCL_BACKEND_CL_ERROR_NAMES_H

#include "backend/cl.h"

namespace cucl::backend {

// "CL_OUT_OF_RESOURCES" etc.; "CL_UNKNOWN_ERROR" for codes it does not know.
const char *clErrorName(cl_int status);

} // namespace cucl::backend

#endif // CUCL_BACKEND_CL_ERROR_NAMES_H
