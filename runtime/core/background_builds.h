// One background thread for driver builds nobody waits for yet: translated
// modules built ahead of their first launch (core/module_prebuild.h) and
// block-size variants of kernels (core/block_variants.h). Jobs run one at a
// time, in order. The thread stops at exit, and when a module unregisters, after
// the job in progress: no build may outlive the module or the driver.
#ifndef CUCL_CORE_BACKGROUND_BUILDS_H
#define CUCL_CORE_BACKGROUND_BUILDS_H

#include <atomic>
#include <functional>

namespace cucl {

// A job sees the stop flag so that a long one can end early. Once stopped,
// new jobs are dropped.
using BackgroundJob = std::function<void(const std::atomic<bool> &stop)>;
void runInBackground(BackgroundJob job);
// Stops the thread and waits for the job in progress.
void stopBackgroundBuilds();
// Waits until every job so far has run (tests).
void waitForBackgroundBuilds();

} // namespace cucl

#endif // CUCL_CORE_BACKGROUND_BUILDS_H
