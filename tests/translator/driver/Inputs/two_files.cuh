// Declarations shared by run_two_files.cu and Inputs/two_files_kernels.cu.
#pragma once
__global__ void addOne(int *p);
int sumOnDevice(int *d);
