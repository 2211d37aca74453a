// nvcc's front end takes a kernel launch written with split brackets,
// `k<< <grid, block>> >(args)` (old code does, to dodge `>>` in old C++);
// Clang lexes only `<<<` and `>>>`. The translator parses the input file with
// such launches joined.
#pragma once

#include <string>

#include <llvm/ADT/StringRef.h>

namespace cucl::translate {

// `source` with each split launch bracket joined (`<< <` -> `<<< `,
// `>> >` -> `>>> `): same length, so every line and column stays where it was.
// A launch is a `<<` `<` pair after a name, a `>` or a `)` (not `operator<<`),
// closed by `>>` `>` (or `>>>`) outside parentheses and followed by `(`;
// comments, strings and characters are skipped. Anything else is left as is.
std::string joinSplitLaunchBrackets(llvm::StringRef source);

} // namespace cucl::translate
