#include "parse/stack_guard.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <mutex>

#include <clang/Basic/SourceManager.h>

namespace cucl::translate {
namespace {

// Below the stack: the guard pages, where a thread that ran out faults.
constexpr std::size_t kGuardBytes = std::size_t(1) << 20;
// The handler's own stack (it formats one line).
constexpr std::size_t kAlternateStackBytes = std::size_t(256) << 10;

// The stack of a thread runWithLargeStack armed, for the handler.
struct ArmedStack {
  const char *low = nullptr; // lowest usable address
  char label[512] = {};      // the input's name, when no location is known
};
thread_local ArmedStack armed;

struct sigaction previousSegv;
struct sigaction previousBus;

// The handler may only call async-signal-safe functions: write() and
// SourceManager look-ups that read what parsing already loaded.
void writeAll(const char *text, std::size_t size) {
  while (size > 0) {
    ssize_t written = write(STDERR_FILENO, text, size);
    if (written <= 0)
      return;
    text += written;
    size -= static_cast<std::size_t>(written);
  }
}

struct Line {
  char text[1024];
  std::size_t size = 0;
  void add(const char *part, std::size_t length) {
    length = std::min(length, sizeof text - size);
    std::memcpy(text + size, part, length);
    size += length;
  }
  void add(const char *part) { add(part, std::strlen(part)); }
  void add(unsigned long value) {
    char digits[24];
    std::size_t count = 0;
    do {
      digits[count++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    while (count > 0)
      add(&digits[--count], 1);
  }
};

// "file:line:col" of the place noted last, if any.
bool addLocation(Line &line) {
  const clang::SourceManager *sources = stack_guard_detail::sources;
  if (!sources || stack_guard_detail::location == 0)
    return false;
  clang::SourceLocation where = sources->getExpansionLoc(
      clang::SourceLocation::getFromRawEncoding(stack_guard_detail::location));
  std::pair<clang::FileID, unsigned> decomposed = sources->getDecomposedLoc(where);
  const clang::FileEntry *file = sources->getFileEntryForID(decomposed.first);
  bool invalid = false;
  llvm::StringRef buffer = sources->getBufferData(decomposed.first, &invalid);
  if (!file || invalid || decomposed.second > buffer.size())
    return false;
  unsigned long lineNumber = 1;
  unsigned long column = 1;
  for (unsigned i = 0; i < decomposed.second; ++i) {
    column = buffer[i] == '\n' ? 1 : column + 1;
    lineNumber += buffer[i] == '\n';
  }
  llvm::StringRef name = file->getName();
  line.add(name.data(), name.size());
  line.add(":");
  line.add(lineNumber);
  line.add(":");
  line.add(column);
  return true;
}

void onFault(int signal, siginfo_t *info, void *) {
  const char *address = static_cast<const char *>(info->si_addr);
  const char *low = armed.low;
  if (low && address >= low - kGuardBytes - (std::size_t(64) << 10) &&
      address < low + (std::size_t(64) << 10)) {
    Line line;
    if (!addLocation(line))
      line.add(armed.label);
    line.add(": error: nested too deeply: the translator ran out of stack space here; split this "
             "expression or statement\n");
    writeAll(line.text, line.size);
    _exit(1);
  }
  // Not a translation thread running out of stack: whatever handled the
  // signal before (or the default action) takes it, as if this were not here.
  sigaction(signal, signal == SIGSEGV ? &previousSegv : &previousBus, nullptr);
  if (info->si_code <= 0) // sent, not caused by an access: send it again
    raise(signal);
}

void installHandler() {
  struct sigaction action;
  std::memset(&action, 0, sizeof action);
  action.sa_sigaction = onFault;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  sigaction(SIGSEGV, &action, &previousSegv);
  sigaction(SIGBUS, &action, &previousBus);
}

struct Job {
  const std::function<int()> *work;
  const std::string *label;
  int result = 1;
};

// Runs the job on this thread with the handler armed for its stack.
void runArmed(Job &job) {
  static std::once_flag installed;
  std::call_once(installed, installHandler);
  stack_t alternate;
  alternate.ss_sp = std::malloc(kAlternateStackBytes);
  alternate.ss_size = kAlternateStackBytes;
  alternate.ss_flags = 0;
  stack_t previous;
  bool haveAlternate = alternate.ss_sp && sigaltstack(&alternate, &previous) == 0;

  void *low = nullptr;
  std::size_t size = 0;
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
    pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
  }
  armed.low = haveAlternate ? static_cast<const char *>(low) : nullptr;
  std::size_t labelSize = std::min(job.label->size(), sizeof armed.label - 1);
  std::memcpy(armed.label, job.label->data(), labelSize);
  armed.label[labelSize] = '\0';
  stack_guard_detail::limit = nullptr; // computed again for this stack
  stack_guard_detail::sources = nullptr;
  stack_guard_detail::location = 0;

  job.result = (*job.work)();

  armed.low = nullptr;
  stack_guard_detail::sources = nullptr;
  stack_guard_detail::location = 0;
  if (haveAlternate)
    sigaltstack(&previous, nullptr);
  std::free(alternate.ss_sp);
}

void *threadEntry(void *argument) {
  runArmed(*static_cast<Job *>(argument));
  return nullptr;
}

} // namespace

int runWithLargeStack(const std::function<int()> &work, const std::string &label,
                      std::size_t bytes) {
  Job job{&work, &label};
  pthread_attr_t attributes;
  pthread_t thread;
  bool started = false;
  if (pthread_attr_init(&attributes) == 0) {
    started = pthread_attr_setstacksize(&attributes, bytes) == 0 &&
              pthread_attr_setguardsize(&attributes, kGuardBytes) == 0 &&
              pthread_create(&thread, &attributes, threadEntry, &job) == 0;
    pthread_attr_destroy(&attributes);
  }
  if (!started) { // no room for the large stack (an address-space limit): this one
    runArmed(job);
    return job.result;
  }
  pthread_join(thread, nullptr);
  return job.result;
}

} // namespace cucl::translate
