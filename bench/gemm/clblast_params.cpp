#include "clblast_params.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace bench {
namespace {

// "NAME=VALUE,NAME=VALUE": false on anything else.
bool parseValues(const std::string &text,
                 std::vector<std::pair<std::string, std::size_t>> &values) {
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    std::size_t equals = item.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == item.size())
      return false;
    char *end = nullptr;
    const std::string number = item.substr(equals + 1);
    unsigned long long value = std::strtoull(number.c_str(), &end, 10);
    if (*end != '\0')
      return false;
    values.emplace_back(item.substr(0, equals), std::size_t(value));
  }
  return !values.empty();
}

} // namespace

std::optional<std::vector<ClblastParamSet>> loadClblastParams(const std::string &path,
                                                              std::string &error) {
  std::ifstream file(path);
  if (!file) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  std::vector<ClblastParamSet> sets;
  std::string line;
  for (int lineNumber = 1; std::getline(file, line); ++lineNumber) {
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line[first] == '#')
      continue;
    std::istringstream fields(line);
    ClblastParamSet set;
    set.index = int(sets.size()) + 1;
    if (!(fields >> set.tunerGflops >> set.text) || !parseValues(set.text, set.values)) {
      error = path + ":" + std::to_string(lineNumber) + ": expected '<GFLOP/s> NAME=VALUE,...'";
      return std::nullopt;
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

} // namespace bench
