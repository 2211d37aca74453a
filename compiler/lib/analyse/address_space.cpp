#include "analyse/address_space.h"

namespace cucl::translate {

const char *addressSpaceQualifier(AddressSpace space) {
  switch (space) {
  case AddressSpace::Global:
    return "__global";
  case AddressSpace::Local:
    return "__local";
  case AddressSpace::Constant:
    return "CUCL_CONSTANT";
  case AddressSpace::Private:
  case AddressSpace::Unknown:
    break;
  }
  return "__private";
}

char addressSpaceLetter(AddressSpace space) {
  switch (space) {
  case AddressSpace::Global:
    return 'g';
  case AddressSpace::Local:
    return 'l';
  case AddressSpace::Constant:
    return 'c';
  case AddressSpace::Private:
    return 'p';
  case AddressSpace::Unknown:
    break;
  }
  return 'v'; // a temporary passed by value (`this` or a `const T&` parameter)
}

std::string addressSpaceSuffix(const std::vector<AddressSpace> &spaces) {
  if (spaces.empty())
    return "";
  std::string suffix = "__";
  for (AddressSpace space : spaces)
    suffix += addressSpaceLetter(space);
  return suffix;
}

} // namespace cucl::translate
