#include "core/mapped_command.h"

#include <algorithm>

namespace cucl {

void MappedCommand::use(const ResolvedAddress &at) {
  const std::shared_ptr<MappedBlock> &block = at.mappedHost;
  if (block == nullptr || block->zeroCopy)
    return;
  if (std::find(blocks_.begin(), blocks_.end(), block) == blocks_.end())
    blocks_.push_back(block);
}

// In address order, so two commands on the same blocks cannot deadlock.
std::vector<std::unique_lock<std::mutex>> MappedCommand::lockBlocks() {
  std::sort(blocks_.begin(), blocks_.end());
  std::vector<std::unique_lock<std::mutex>> locks;
  locks.reserve(blocks_.size());
  for (const std::shared_ptr<MappedBlock> &block : blocks_)
    locks.emplace_back(block->mutex);
  return locks;
}

cl_int MappedCommand::unmap(cl::CommandQueue &queue, const std::vector<cl::Event> *waits,
                            bool *unmappedAny) {
  // The first unmap waits for the stream's dependencies and for the maps,
  // which may have run on other streams' queues.
  std::vector<cl::Event> after = waits != nullptr ? *waits : std::vector<cl::Event>();
  for (const std::shared_ptr<MappedBlock> &block : blocks_)
    if (block->view != nullptr)
      after.push_back(block->mappedBy);
  for (const std::shared_ptr<MappedBlock> &block : blocks_) {
    if (block->view == nullptr)
      continue; // an earlier map failed (and was reported): already unmapped
    cl_int status = queue.enqueueUnmapMemObject(block->buffer, block->view,
                                                *unmappedAny ? nullptr : &after, nullptr);
    if (status != CL_SUCCESS)
      return status;
    block->view = nullptr;
    *unmappedAny = true;
  }
  return CL_SUCCESS;
}

cl_int MappedCommand::map(cl::CommandQueue &queue, cl::Event *done, bool wait) {
  cl_int result = CL_SUCCESS;
  for (const std::shared_ptr<MappedBlock> &block : blocks_) {
    if (block->view != nullptr)
      continue; // never unmapped: the unmaps stopped at a failure
    cl::Event mapped;
    cl_int status = CL_SUCCESS;
    void *view = queue.enqueueMapBuffer(block->buffer, CL_FALSE, CL_MAP_READ | CL_MAP_WRITE, 0,
                                        block->size, nullptr, &mapped, &status);
    if (status != CL_SUCCESS) {
      result = status;
      continue;
    }
    block->view = view;
    block->mappedBy = mapped;
    *done = mapped;
  }
  // Another stream's unmap may wait for these maps: they must reach the device.
  queue.flush();
  if (wait && result == CL_SUCCESS)
    result = done->wait();
  return result;
}

} // namespace cucl
