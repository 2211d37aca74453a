// bench-first-kernel: time from process start to the completion of the first
// kernel, for a translated CUDA program (first_kernel.cu through cucl) and a
// raw OpenCL program building the same OpenCL C module (first_kernel_opencl),
// each started fresh several times. Cold runs start with empty cache folders
// (cucl's and PoCL's); warm runs reuse them. With 0 and 300 ms of host work
// before the first launch. Prints the best (lowest) time of each and the ratio
// raw OpenCL / cucl (> 1: cucl reaches its first kernel sooner). A benchmark,
// not a test: it fails only when a program fails.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace fs = std::filesystem;

static long long monotonicNs() {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1000000000LL + now.tv_nsec;
}

// Runs `command`; milliseconds from the start to its "first-kernel-done" line.
static double timeToFirstKernel(const std::string &command) {
  long long start = monotonicNs();
  FILE *pipe = popen(command.c_str(), "r");
  if (!pipe) {
    std::perror("popen");
    std::exit(1);
  }
  long long done = 0;
  char line[256];
  while (std::fgets(line, sizeof line, pipe))
    std::sscanf(line, "first-kernel-done %lld", &done);
  if (pclose(pipe) != 0 || done == 0) {
    std::fprintf(stderr, "failed: %s\n", command.c_str());
    std::exit(1);
  }
  return (done - start) / 1e6;
}

int main(int argc, char **argv) {
  fs::path bin = fs::absolute(argv[0]).parent_path();
  const int runs = argc > 1 ? std::atoi(argv[1]) : 3;
  fs::path caches = fs::temp_directory_path() / ("cucl-first-kernel-" + std::to_string(getpid()));
  std::printf("time from process start to the first kernel's completion (best of %d, ms)\n", runs);
  std::printf("%-6s %-10s %10s %10s %8s\n", "cache", "host work", "cucl", "raw OpenCL", "ratio");
  for (bool warm : {false, true}) {
    for (int hostWork : {0, 300}) {
      double cucl = 1e30, raw = 1e30;
      for (int r = 0; r < runs; ++r) {
        // Cold: every run gets fresh, empty cache folders; each program its
        // own, so neither finds what the other's driver build left.
        std::string tag = (warm ? std::string("warm-") : "cold-" + std::to_string(r) + "-") +
                          std::to_string(hostWork);
        auto command = [&](const char *program, int work) {
          fs::path dir = caches / (tag + "-" + program);
          fs::create_directories(dir / "pocl");
          return "env XDG_CACHE_HOME=" + dir.string() +
                 " POCL_CACHE_DIR=" + (dir / "pocl").string() + " " + (bin / program).string() +
                 " " + std::to_string(work);
        };
        if (warm && r == 0) { // fill the caches first
          timeToFirstKernel(command("first-kernel-cuda", 0));
          timeToFirstKernel(command("first-kernel-opencl", 0));
        }
        cucl = std::min(cucl, timeToFirstKernel(command("first-kernel-cuda", hostWork)));
        raw = std::min(raw, timeToFirstKernel(command("first-kernel-opencl", hostWork)));
      }
      std::printf("%-6s %-10d %10.1f %10.1f %7.2fx\n", warm ? "warm" : "cold", hostWork, cucl, raw,
                  raw / cucl);
    }
  }
  fs::remove_all(caches);
  return 0;
}
