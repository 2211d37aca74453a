// Texture and surface functions for FunctionEmitter: calls to the templates
// of include/cucl/device/texture_functions.h become calls into the texture
// runtime (opencl/texture_runtime.cl), whose float4/int4/uint4 samples a
// per-type converter turns into the type the CUDA call asked for.
#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>

#include <map>
#include <optional>

#include "analyse/type_contents.h"
#include "emit_device/function_emitter.h"
#include "emit_device/record_emitter.h"

namespace cucl::translate {
namespace {

// How a texture function reads: its coordinates, dimensions and extras.
struct TextureForm {
  const char *family; // fetch, sample, cubemap, gather
  unsigned coordinates;
  unsigned dims;    // for sample: 1, 2, 3
  bool layer;       // an int layer follows the coordinates
  unsigned ignored; // trailing arguments without effect (level of detail, gradients)
};

std::optional<TextureForm> textureForm(llvm::StringRef name) {
  static const std::map<std::string, TextureForm> forms = {
      {"tex1Dfetch", {"fetch", 1, 1, false, 0}},
      {"tex1D", {"sample", 1, 1, false, 0}},
      {"tex2D", {"sample", 2, 2, false, 0}},
      {"tex3D", {"sample", 3, 3, false, 0}},
      {"tex1DLayered", {"sample", 1, 1, true, 0}},
      {"tex2DLayered", {"sample", 2, 2, true, 0}},
      {"texCubemap", {"cubemap", 3, 3, false, 0}},
      {"texCubemapLayered", {"cubemap", 3, 3, true, 0}},
      {"tex1DLod", {"sample", 1, 1, false, 1}},
      {"tex2DLod", {"sample", 2, 2, false, 1}},
      {"tex3DLod", {"sample", 3, 3, false, 1}},
      {"tex1DLayeredLod", {"sample", 1, 1, true, 1}},
      {"tex2DLayeredLod", {"sample", 2, 2, true, 1}},
      {"texCubemapLod", {"cubemap", 3, 3, false, 1}},
      {"tex1DGrad", {"sample", 1, 1, false, 2}},
      {"tex2DGrad", {"sample", 2, 2, false, 2}},
      {"tex3DGrad", {"sample", 3, 3, false, 2}},
      {"tex2Dgather", {"gather", 2, 2, false, 0}},
  };
  auto found = forms.find(name.str());
  if (found == forms.end())
    return std::nullopt;
  return found->second;
}

// Surface functions: coordinates (the first in bytes) and a layer.
struct SurfaceForm {
  unsigned coordinates;
  bool layer;
  bool write;
};

std::optional<SurfaceForm> surfaceForm(llvm::StringRef name) {
  static const std::map<std::string, SurfaceForm> forms = {
      {"surf1Dread", {1, false, false}},       {"surf2Dread", {2, false, false}},
      {"surf3Dread", {3, false, false}},       {"surf1DLayeredread", {1, true, false}},
      {"surf2DLayeredread", {2, true, false}}, {"surf1Dwrite", {1, false, true}},
      {"surf2Dwrite", {2, false, true}},       {"surf3Dwrite", {3, false, true}},
      {"surf1DLayeredwrite", {1, true, true}}, {"surf2DLayeredwrite", {2, true, true}},
  };
  auto found = forms.find(name.str());
  if (found == forms.end())
    return std::nullopt;
  return found->second;
}

// 'f', 'i' or 'u': the texture runtime's result a value of `type` comes from
// (the scalar type itself or a CUDA vector struct's first field); 0 when
// textures cannot return it.
char sampleKind(clang::ASTContext &context, clang::QualType type) {
  clang::QualType scalar = type.getCanonicalType().getUnqualifiedType();
  if (const clang::RecordDecl *record = scalar->getAsRecordDecl()) {
    if (record->field_empty())
      return 0;
    scalar = record->field_begin()->getType().getCanonicalType();
  }
  if (scalar->isSpecificBuiltinType(clang::BuiltinType::Float))
    return 'f';
  if (!scalar->isIntegerType() || scalar->isBooleanType() || context.getTypeSize(scalar) > 32)
    return 0;
  return scalar->isSignedIntegerType() ? 'i' : 'u';
}

} // namespace

bool FunctionEmitter::isTextureReference(const clang::VarDecl *variable) {
  if (!variable->hasGlobalStorage() || variable->isLocalVarDeclOrParm())
    return false;
  const auto *specialization = llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      variable->getType()->getAsCXXRecordDecl());
  return specialization && specialization->getName() == "texture" &&
         specialization->getTemplateArgs().size() == 3;
}

std::string FunctionEmitter::textureReferenceName(const clang::VarDecl *reference) {
  return "cucl_texref_" + qualifiedIdentifier(reference);
}

void FunctionEmitter::useTextureReference(const clang::VarDecl *reference) {
  types_.useTextures();
  reference = reference->getCanonicalDecl();
  for (const clang::VarDecl *known : spec_.textureReferences)
    if (known == reference)
      return;
  spec_.textureReferences.push_back(reference);
}

bool FunctionEmitter::isTextureFunction(const clang::FunctionDecl *callee) {
  const clang::SourceManager &sources = context_.getSourceManager();
  llvm::StringRef file = sources.getFilename(sources.getExpansionLoc(callee->getLocation()));
  return file.endswith("cucl/device/texture_functions.h");
}

// A texture or surface object argument: a variable or parameter declared
// with cudaTextureObject_t / cudaSurfaceObject_t (held as cucl_texture).
std::string FunctionEmitter::textureValue(const clang::Expr *object) {
  const clang::Expr *bare = object->IgnoreParenImpCasts();
  if (auto *construct = llvm::dyn_cast<clang::CXXConstructExpr>(bare)) // a reference, copied
    if (construct->getNumArgs() == 1)
      bare = construct->getArg(0)->IgnoreParenImpCasts();
  auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(bare);
  if (auto *variable = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
      variable && isTextureReference(variable)) {
    // A legacy reference: its read mode is the template's third argument.
    useTextureReference(variable);
    std::string held = textureReferenceName(variable->getCanonicalDecl());
    const auto *specialization = llvm::cast<clang::ClassTemplateSpecializationDecl>(
        variable->getType()->getAsCXXRecordDecl());
    const clang::TemplateArgument &mode = specialization->getTemplateArgs()[2];
    if (mode.getKind() == clang::TemplateArgument::Integral && mode.getAsIntegral() != 0) {
      module_.requireDefinition("cucl_tex_read_normalized",
                                "cucl_texture cucl_tex_read_normalized(cucl_texture t) {\n"
                                "  t.desc.readMode = 1u; /* cudaReadModeNormalizedFloat */\n"
                                "  return t;\n}\n");
      return "cucl_tex_read_normalized(" + held + ")";
    }
    return held;
  }
  if (!ref || textureObjectKind(ref->getDecl()->getType()) == TextureObjectKind::None)
    return unsupported(object, "a texture or surface object that is not a variable or parameter "
                               "declared as cudaTextureObject_t / cudaSurfaceObject_t (one loaded "
                               "from memory or built from an integer)");
  return expr(bare);
}

std::string FunctionEmitter::textureCall(const clang::CallExpr *callExpr,
                                         const clang::FunctionDecl *callee) {
  std::string name = callee->getNameAsString();
  if (surfaceForm(name))
    return surfaceCall(callExpr, name);
  std::optional<TextureForm> form = textureForm(name);
  if (!form)
    return unsupported(callExpr, "texture function '" + name + "'");
  // `T tex2D<T>(obj, ...)` or `void tex2D(T *result, obj, ...)`.
  unsigned first = 0;
  const clang::Expr *resultPointer = nullptr;
  clang::QualType result = callExpr->getType();
  if (result->isVoidType()) {
    resultPointer = callExpr->getArg(0);
    result = resultPointer->getType()->getPointeeType();
    first = 1;
  }
  char kind = sampleKind(context_, result);
  if (kind == 0)
    return unsupported(callExpr, "a texture read returning '" + result.getAsString() + "'");
  std::string object = textureValue(callExpr->getArg(first));
  std::vector<std::string> coordinates;
  for (unsigned i = 0; i < form->coordinates; ++i)
    coordinates.push_back(exprTop(callExpr->getArg(first + 1 + i)));
  unsigned next = first + 1 + form->coordinates;
  std::string layer = form->layer ? "(int)" + expr(callExpr->getArg(next++)) : "0";
  for (unsigned i = 0; i < form->ignored; ++i)
    expr(callExpr->getArg(next++)); // level of detail, gradients: only level 0 exists
  while (coordinates.size() < 3)
    coordinates.push_back("0.0f");

  std::string family = form->family;
  std::string sample = "cucl_tex_" + family + "_" + kind + "(" + object;
  if (family == "fetch")
    sample += ", " + coordinates[0];
  else if (family == "sample")
    sample += ", " + std::to_string(form->dims) + "u, " + coordinates[0] + ", " + coordinates[1] +
              ", " + coordinates[2] + ", " + layer;
  else if (family == "cubemap")
    sample += ", " + coordinates[0] + ", " + coordinates[1] + ", " + coordinates[2] + ", " + layer;
  else // gather
    sample += ", " + coordinates[0] + ", " + coordinates[1] + ", " +
              (next < callExpr->getNumArgs() ? exprTop(callExpr->getArg(next)) : "0");
  sample += ")";

  // The converter from the runtime's vector to the requested type.
  std::string typeName = types_.typeName(result, AddressSpace::Private, callExpr->getExprLoc());
  std::string converter = "cucl_tex_as_" + types_.mangle(result) + "_" + kind;
  const char *vector = kind == 'f' ? "float4" : kind == 'i' ? "int4" : "uint4";
  std::string body;
  if (const clang::RecordDecl *record = result->getAsRecordDecl()) {
    static const char *const lanes[] = {"x", "y", "z", "w"};
    body = "  " + typeName + " r;\n";
    unsigned index = 0;
    for (const clang::FieldDecl *field : record->fields()) {
      if (index == 4)
        break;
      body += "  r." + RecordEmitter::fieldName(field) + " = (" +
              types_.typeName(field->getType(), AddressSpace::Private, callExpr->getExprLoc()) +
              ")v." + lanes[index++] + ";\n";
    }
    body += "  return r;\n";
  } else {
    body = "  return (" + typeName + ")v.x;\n";
  }
  module_.requireDefinition(converter,
                            typeName + " " + converter + "(" + vector + " v) {\n" + body + "}\n");
  std::string value = converter + "(" + sample + ")";
  if (resultPointer)
    return "(*" + expr(resultPointer) + " = " + value + ")";
  return value;
}

// surfNDread / surfNDwrite: bytes at a byte column; a Trap access out of
// range fails the launch (cudaErrorLaunchFailure) through the status record.
std::string FunctionEmitter::surfaceCall(const clang::CallExpr *callExpr, const std::string &name) {
  SurfaceForm form = *surfaceForm(name);
  unsigned next = 0;
  const clang::Expr *data = nullptr;          // a write's value
  const clang::Expr *resultPointer = nullptr; // `void surf2Dread(T *data, ...)`
  clang::QualType type = callExpr->getType();
  if (form.write) {
    data = callExpr->getArg(next++);
    type = data->getType();
  } else if (type->isVoidType()) {
    resultPointer = callExpr->getArg(next++);
    type = resultPointer->getType()->getPointeeType();
  }
  type = type.getUnqualifiedType();
  std::string object = textureValue(callExpr->getArg(next++));
  std::string printed[3] = {"0", "0", "0"};
  for (unsigned i = 0; i < form.coordinates; ++i)
    printed[i] = exprTop(callExpr->getArg(next++));
  std::string layer = form.layer ? exprTop(callExpr->getArg(next++)) : "0";
  std::string mode = next < callExpr->getNumArgs() ? exprTop(callExpr->getArg(next)) : "2";
  std::string where =
      printed[0] + ", " + printed[1] + ", " + printed[2] + ", " + layer + ", " + mode;

  module_.requireHelper("kernel_fail" + failureSuffix(), {});
  std::string typeName = types_.typeName(type, AddressSpace::Private, callExpr->getExprLoc());
  std::string mangled = types_.mangle(type);
  if (form.write) {
    std::string helper = "cucl_surf_write_" + mangled;
    module_.requireDefinition(helper,
                              "int " + helper + "(cucl_texture s, " + typeName +
                                  " value, int x, int y, int z, int layer, int mode) {\n"
                                  "  return cucl_surf_write(s, (__private const uchar *)&value, "
                                  "(uint)sizeof(value), x, y, z, layer, mode);\n}\n");
    return "(" + helper + "(" + object + ", " + exprTop(data) + ", " + where + ") ? cucl_trap" +
           failureSuffix() + "(" + failureArguments() + ") : (void)0)";
  }
  std::string suffix = failureSuffix();
  std::string helper = "cucl_surf_read_" + mangled + suffix;
  std::string context =
      laneMode() ? "__private cucl_warp *w, uint lane" : "__global uint *status, uint launch";
  std::string trap = laneMode() ? "cucl_trap_lane(w, lane)" : "cucl_trap(status, launch)";
  module_.requireDefinition(
      helper, typeName + " " + helper +
                  "(cucl_texture s, int x, int y, int z, int layer, int mode, " + context +
                  ") {\n  " + typeName +
                  " value = {0};\n"
                  "  if (cucl_surf_read(s, (__private uchar *)&value, (uint)sizeof(value), x, y, "
                  "z, layer, mode))\n    " +
                  trap + ";\n  return value;\n}\n");
  std::string value = helper + "(" + object + ", " + where + ", " + failureArguments() + ")";
  if (resultPointer)
    return "(*" + expr(resultPointer) + " = " + value + ")";
  return value;
}

} // namespace cucl::translate
