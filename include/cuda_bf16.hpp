/*
 * CUDA splits bfloat16 into cuda_bf16.h (declarations) and cuda_bf16.hpp
 * (definitions), and programs sometimes include the .hpp by name. cucl keeps
 * everything in cuda_bf16.h.
 */
#ifndef __CUDA_BF16_HPP__
#define __CUDA_BF16_HPP__

#include "cuda_bf16.h"

#endif /* __CUDA_BF16_HPP__ */
