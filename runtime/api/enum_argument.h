// Reads an enum-typed API argument as the int the caller passed. C callers
// can pass any value; loading one outside the enumerators' range through the
// enum type is undefined behaviour in C++, so validation reads the bytes.
#ifndef CUCL_API_ENUM_ARGUMENT_H
#define CUCL_API_ENUM_ARGUMENT_H

#include <cstring>
#include <type_traits>

namespace cucl {

template <class Enum> int enumArgument(const Enum &argument) {
  static_assert(std::is_enum<Enum>::value && sizeof(Enum) == sizeof(int), "an int-sized enum");
  int value = 0;
  std::memcpy(&value, &argument, sizeof value);
  return value;
}

} // namespace cucl

#endif // CUCL_API_ENUM_ARGUMENT_H
