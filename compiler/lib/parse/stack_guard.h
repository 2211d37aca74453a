// Deeply nested source (an expression or statement thousands of levels deep)
// makes Clang and the emitter recurse as deep. The translation runs on a
// thread with a large stack (runWithLargeStack); the emitter asks
// stackNearlyExhausted() before it recurses and reports a located error
// instead; where Clang itself still runs out, a SIGSEGV handler on an
// alternate stack prints `file:line:col: error:` at the place last noted
// (noteLocation: the parser's latest token, the expression being emitted) and
// exits with status 1 instead of crashing.
#pragma once

#include <pthread.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>

#include <clang/Basic/SourceLocation.h>

namespace clang {
class SourceManager;
} // namespace clang

namespace cucl::translate {

// The translation thread's stack: Clang's parser fits some 85,000 nested
// unary operators in it.
inline constexpr std::size_t kTranslationStackBytes = std::size_t(256) << 20;

// Runs `work` on a thread with `bytes` of stack (on this thread when no such
// thread can be made) with the last-resort handler armed; returns its result.
// `label` names the input in the message when no location is known.
int runWithLargeStack(const std::function<int()> &work, const std::string &label,
                      std::size_t bytes = kTranslationStackBytes);

namespace stack_guard_detail {
// Below this address this thread's stack is nearly exhausted (null: not known yet).
inline thread_local const char *limit = nullptr;
// Where the translation was last (for the last-resort message).
inline thread_local const clang::SourceManager *sources = nullptr;
inline thread_local clang::SourceLocation::UIntTy location = 0;

// The lowest usable address of this thread's stack plus a safety margin (an
// eighth of the stack, at most 16 MiB): what the emitter never recurses below.
inline const char *computeLimit() {
  void *low = nullptr;
  std::size_t size = 0;
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
    pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
  }
  if (!low)
    return reinterpret_cast<const char *>(1); // unknown: never "exhausted"
  return static_cast<const char *>(low) + std::min<std::size_t>(size / 8, std::size_t(16) << 20);
}
} // namespace stack_guard_detail

// True when this thread's stack is within its safety margin of running out.
inline bool stackNearlyExhausted() {
  const char *limit = stack_guard_detail::limit;
  if (!limit)
    limit = stack_guard_detail::limit = stack_guard_detail::computeLimit();
  return static_cast<const char *>(__builtin_frame_address(0)) < limit;
}

// Records the place the translation is working on.
inline void noteLocation(const clang::SourceManager &sources, clang::SourceLocation where) {
  stack_guard_detail::sources = &sources;
  stack_guard_detail::location = where.getRawEncoding();
}

} // namespace cucl::translate
