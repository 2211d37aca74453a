// CUCL_DEVICE picks one device by index or by case-insensitive name
// substring; checked in child processes, since selection happens once.
#include "test_kernels.h"

#include <cctype>
#include <cstdio>

namespace {

struct ProbeResult {
  int status = -1;
  int count = -1;
  std::string name;
};

std::string shellQuoted(const std::string &text) {
  std::string quoted = "'";
  for (char c : text)
    quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

ProbeResult probe(const std::string &selection) {
  std::string command = "CUCL_DEVICE=" + shellQuoted(selection) + " " CUCL_PROBE_PATH;
  ProbeResult result;
  FILE *pipe = popen(command.c_str(), "r");
  if (pipe == nullptr)
    return result;
  char line[512] = {};
  if (std::fgets(line, sizeof line, pipe) != nullptr) {
    int consumed = 0;
    std::sscanf(line, "%d %d %n", &result.status, &result.count, &consumed);
    result.name = line + consumed;
    while (!result.name.empty() && std::isspace(static_cast<unsigned char>(result.name.back())))
      result.name.pop_back();
  }
  pclose(pipe);
  return result;
}

std::string nameOf(int device) {
  cudaDeviceProp prop;
  EXPECT_EQ(cudaSuccess, cudaGetDeviceProperties(&prop, device));
  return prop.name;
}

} // namespace

TEST(DeviceSelection, ByIndex) {
  int count = 0;
  ASSERT_EQ(cudaSuccess, cudaGetDeviceCount(&count));
  for (int device = 0; device < count; ++device) {
    ProbeResult result = probe(std::to_string(device));
    EXPECT_EQ(0, result.status);
    EXPECT_EQ(1, result.count);
    EXPECT_EQ(nameOf(device), result.name);
  }
}

TEST(DeviceSelection, ByCaseInsensitiveNameSubstring) {
  std::string name = nameOf(0);
  ASSERT_GE(name.size(), 3u);
  std::string part = name.substr(0, std::min<size_t>(name.size(), 6));
  for (char &c : part)
    c = static_cast<char>(std::isupper(static_cast<unsigned char>(c)) ? std::tolower(c)
                                                                      : std::toupper(c));
  ProbeResult result = probe(part);
  EXPECT_EQ(0, result.status);
  EXPECT_EQ(1, result.count);
  EXPECT_EQ(name, result.name);
}

TEST(DeviceSelection, NoMatchMeansNoDevice) {
  int count = 0;
  ASSERT_EQ(cudaSuccess, cudaGetDeviceCount(&count));
  for (const std::string &selection : {std::string("no-such-device-xyz"), std::to_string(count)}) {
    ProbeResult result = probe(selection);
    EXPECT_EQ(static_cast<int>(cudaErrorNoDevice), result.status) << selection;
    EXPECT_EQ(0, result.count) << selection;
  }
}
