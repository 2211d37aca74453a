// cudaMemcpy3D's parameters checked and resolved into a box copy: shared by
// cudaMemcpy3D(Async) and graphs' copy nodes.
#ifndef CUCL_API_MEMCPY_3D_H
#define CUCL_API_MEMCPY_3D_H

#include "core/box_copy.h"

namespace cucl {

// CUDA's checks of `p` (cudaErrorInvalidValue, cudaErrorInvalidPitchValue,
// cudaErrorInvalidMemcpyDirection); `empty` when the extent has a zero, in
// which case nothing else is filled in.
cudaError_t resolveMemcpy3D(const cudaMemcpy3DParms *p, BoxEnd *dst, BoxEnd *src, Box *box,
                            bool *empty);

} // namespace cucl

#endif // CUCL_API_MEMCPY_3D_H
