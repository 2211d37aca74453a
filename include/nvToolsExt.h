/* NVTX 2 spelling: the same as <nvtx3/nvToolsExt.h>. */
#include "nvtx3/nvToolsExt.h"
