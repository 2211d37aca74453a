/* NVTX 2 spelling: the same as <nvtx3/nvToolsExtCuda.h>. */
#include "nvtx3/nvToolsExtCuda.h"
