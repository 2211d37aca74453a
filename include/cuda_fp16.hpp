/*
 * CUDA splits half precision into cuda_fp16.h (declarations) and
 * cuda_fp16.hpp (definitions), and programs sometimes include the .hpp by
 * name. cucl keeps everything in cuda_fp16.h.
 */
#ifndef __CUDA_FP16_HPP__
#define __CUDA_FP16_HPP__

#include "cuda_fp16.h"

#endif /* __CUDA_FP16_HPP__ */
