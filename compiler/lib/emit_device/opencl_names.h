// Naming for emitted OpenCL C: which identifiers OpenCL reserves (keywords,
// built-in types, built-in functions) and a uniquer that hands out one
// distinct, valid identifier per emitted entity. OpenCL C has no overloading
// and no namespaces, so user names are made unique and renamed away from
// anything OpenCL already means.
#pragma once

#include <set>
#include <string>

namespace cucl::translate {

// Keywords, built-in type names, built-in functions and macros of OpenCL C 1.2
// (plus the names cucl itself emits, `cucl_*`).
bool isReservedOpenclName(const std::string &name);

// Turns any spelling (template arguments, operators) into identifier characters.
std::string sanitizeIdentifier(const std::string &text);

class NameUniquer {
public:
  // A new name based on `wanted`: renamed if reserved, suffixed if taken.
  std::string unique(const std::string &wanted);
  // Marks a name as used without renaming it.
  void reserve(const std::string &name) { used_.insert(name); }

private:
  std::set<std::string> used_;
};

// A local variable or field name that is safe to print inside a function:
// reserved names get a trailing underscore-suffix.
std::string safeLocalName(const std::string &name);

} // namespace cucl::translate
