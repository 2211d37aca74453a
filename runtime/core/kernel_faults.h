// Turns kernel faults the backend's guard handled (backend/kernel_fault_guard.h)
// into CUDA's answer: the device's sticky cudaErrorIllegalAddress, raised at
// the next synchronization as CUDA raises it, and explained under
// CUCL_VERBOSE=1 with the kernel's name and the address it touched.
#ifndef CUCL_CORE_KERNEL_FAULTS_H
#define CUCL_CORE_KERNEL_FAULTS_H

#include "core/public_headers.h"

namespace cucl {

class Device;

// Before the first device is made: installs the guard.
void guardKernelFaults();

// Every launch of a kernel (or library command) on `device`: a fault is
// only charged to devices that ran something since it could have happened.
void noteKernelLaunch(const Device &device);

// Once the device's earlier work is known to be done: cudaSuccess, or the
// sticky error a fault raised.
cudaError_t collectKernelFaults(Device &device);

} // namespace cucl

#endif // CUCL_CORE_KERNEL_FAULTS_H
