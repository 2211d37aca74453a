/* Placeholder: translator-only device declarations. */
#include <__clang_cuda_builtin_vars.h>
