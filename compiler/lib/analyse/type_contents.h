// What a type holds, for the checks on data that crosses into OpenCL memory
// (kernel arguments, device symbols): OpenCL has no meaning for a host
// pointer value there, and no fixed size for bool.
#pragma once

#include <clang/AST/Type.h>

namespace cucl::translate {

// A pointer or reference anywhere inside (array elements, fields, nested).
bool containsPointer(clang::QualType type);
// A bool field anywhere inside a struct (array elements, nested fields).
bool containsBoolField(clang::QualType type);

// cudaTextureObject_t and cudaSurfaceObject_t are `unsigned long long` to
// C++; device code holds them as cucl_texture, so the typedef (sugar) decides.
enum class TextureObjectKind { None, Texture, Surface };
TextureObjectKind textureObjectKind(clang::QualType type);

} // namespace cucl::translate
