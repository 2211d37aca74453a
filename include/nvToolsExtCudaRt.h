/* NVTX 2 spelling: the same as <nvtx3/nvToolsExtCudaRt.h>. */
#include "nvtx3/nvToolsExtCudaRt.h"
