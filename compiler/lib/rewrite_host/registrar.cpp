#include "rewrite_host/registrar.h"

#include <cstdio>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/QualTypeNames.h>
#include <llvm/Support/Format.h>
#include <llvm/Support/raw_ostream.h>

#include "emit_device/device_module.h"

namespace cucl::translate {
namespace {

clang::PrintingPolicy registrarPolicy(const clang::ASTContext &context) {
  clang::PrintingPolicy policy(context.getLangOpts());
  policy.SuppressUnwrittenScope = true; // anonymous and inline namespaces are not spelled
  policy.FullyQualifiedName = true;
  policy.Bool = true;
  return policy;
}

void printTemplateArgument(llvm::raw_ostream &out, const clang::TemplateArgument &arg,
                           const clang::ASTContext &context) {
  clang::PrintingPolicy policy = registrarPolicy(context);
  switch (arg.getKind()) {
  case clang::TemplateArgument::Type:
    out << clang::TypeName::getFullyQualifiedName(arg.getAsType(), context, policy, true);
    return;
  case clang::TemplateArgument::Integral: {
    clang::QualType type = arg.getIntegralType();
    const llvm::APSInt &value = arg.getAsIntegral();
    if (type->isBooleanType()) {
      out << (value.getBoolValue() ? "true" : "false");
    } else if (type->isEnumeralType() || type->isAnyCharacterType()) {
      out << "static_cast<" << clang::TypeName::getFullyQualifiedName(type, context, policy, true)
          << ">(" << value << (value.isUnsigned() ? "ull" : "ll") << ")";
    } else {
      out << value << (value.isUnsigned() ? "ull" : "");
    }
    return;
  }
  case clang::TemplateArgument::Pack: {
    bool first = true;
    for (const clang::TemplateArgument &element : arg.pack_elements()) {
      if (!first)
        out << ", ";
      printTemplateArgument(out, element, context);
      first = false;
    }
    return;
  }
  default:
    arg.print(policy, out, true);
    return;
  }
}

const char *argKindName(unsigned kind) {
  switch (kind) {
  case cuclArgGlobalPointer:
    return "cuclArgGlobalPointer";
  case cuclArgTexture:
    return "cuclArgTexture";
  case cuclArgSurface:
    return "cuclArgSurface";
  default:
    return "cuclArgByValue";
  }
}

// `<A, B>`: a specialization's arguments as the host names it (an empty pack
// prints nothing).
void printTemplateArguments(llvm::raw_ostream &out, const clang::TemplateArgumentList &arguments,
                            const clang::ASTContext &context) {
  out << "<";
  bool first = true;
  for (const clang::TemplateArgument &arg : arguments.asArray()) {
    if (arg.getKind() == clang::TemplateArgument::Pack && arg.pack_size() == 0)
      continue;
    out << (first ? "" : ", ");
    printTemplateArgument(out, arg, context);
    first = false;
  }
  out << ">";
}

// Printable ASCII except the characters C needs escaped; `?` too (trigraphs).
bool plain(unsigned char c) {
  return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?';
}

} // namespace

std::string kernelAddressExpression(const clang::FunctionDecl &kernel,
                                    const clang::ASTContext &context) {
  std::string text;
  llvm::raw_string_ostream out(text);
  clang::DeclContext::lookup_result found =
      kernel.getDeclContext()->getRedeclContext()->lookup(kernel.getDeclName());
  if (!kernel.getTemplateSpecializationArgs() && std::distance(found.begin(), found.end()) > 1) {
    // Overloaded: select this kernel by its type.
    out << "static_cast<void (*)(";
    for (unsigned i = 0; i < kernel.getNumParams(); ++i)
      out << (i ? ", " : "")
          << clang::TypeName::getFullyQualifiedName(kernel.getParamDecl(i)->getType(), context,
                                                    registrarPolicy(context), true);
    out << ")>(&::";
    kernel.printQualifiedName(out, registrarPolicy(context));
    out << ")";
    return out.str();
  }
  out << "&::";
  kernel.printQualifiedName(out, registrarPolicy(context));
  if (const clang::TemplateArgumentList *args = kernel.getTemplateSpecializationArgs())
    printTemplateArguments(out, *args, context);
  return out.str();
}

std::string stringLiteralPieces(llvm::StringRef text) {
  constexpr size_t pieceLimit = 160; // bytes of source per piece
  std::string result = "{\n";
  std::string piece;
  size_t pieceBytes = 0;
  auto flush = [&] {
    result += "  \"" + piece + "\",\n";
    piece.clear();
    pieceBytes = 0;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (plain(c)) {
      piece += static_cast<char>(c);
    } else if (c == '\n') {
      piece += "\\n";
    } else if (c == '\t') {
      piece += "\\t";
    } else if (c == '"' || c == '\\' || c == '?') {
      piece += '\\';
      piece += static_cast<char>(c);
    } else {
      // Always three octal digits, so a following digit cannot join the escape.
      char octal[5];
      std::snprintf(octal, sizeof octal, "\\%03o", c);
      piece += octal;
    }
    ++pieceBytes;
    if (c == '\n' || pieceBytes >= pieceLimit)
      flush();
  }
  if (pieceBytes > 0 || result == "{\n")
    flush();
  result += "}";
  return result;
}

std::string moduleRegistrar(const DeviceModule &device, llvm::StringRef moduleName,
                            const clang::ASTContext &context) {
  std::string text;
  llvm::raw_string_ostream out(text);
  if (device.kernels.empty() && device.symbols.empty()) // launches kernels defined elsewhere
    return "\n// ---- cucl: no kernels in this file, no module to register ----\n";
  out << "\n// ---- cucl module registrar (generated by cucl-translate) ----\n"
      << "namespace {\n"
      << "const char *const cucl_source_pieces[] = " << stringLiteralPieces(device.openclSource)
      << ";\n"
      << "char cucl_source[" << device.openclSource.size() + 1 << "];\n";
  for (size_t i = 0; i < device.kernels.size(); ++i) {
    const EmittedKernel &kernel = device.kernels[i];
    out << "const cuclKernelArgInfo cucl_kernel_args_" << i << "[] = {";
    for (const cuclKernelArgInfo &arg : kernel.args)
      out << "{" << argKindName(arg.kind) << ", " << arg.size << "u}, ";
    if (kernel.args.empty())
      out << "{cuclArgByValue, 0u}"; // placeholder: an array cannot be empty
    out << "};\n";
  }
  out << "struct cucl_module_registrar {\n"
      << "  void **module;\n"
      << "  cucl_module_registrar() {\n"
      << "    // Join the pieces at load time: one long literal exceeds some compilers' limits.\n"
      << "    char *to = cucl_source;\n"
      << "    for (const char *piece : cucl_source_pieces)\n"
      << "      while (*piece)\n"
      << "        *to++ = *piece++;\n"
      << "    *to = 0;\n"
      << "    static const cuclModuleImage image = {CUCL_MODULE_MAGIC, CUCL_MODULE_ABI_VERSION, \"";
  for (char c : moduleName) {
    if (plain(static_cast<unsigned char>(c)))
      out << c;
    else
      out << '\\' << llvm::format("%03o", static_cast<unsigned char>(c));
  }
  out << "\",\n"
      << "                                          cucl_source, " << device.openclSource.size()
      << "u, "
      // Option words only (parse/float_model.h): no character needs escaping.
      << (device.buildOptions.empty() ? std::string("nullptr") : "\"" + device.buildOptions + "\"")
      << "};\n"
      << "    module = __cuclRegisterModule(&image);\n";
  for (size_t i = 0; i < device.kernels.size(); ++i) {
    const EmittedKernel &kernel = device.kernels[i];
    out << "    __cuclRegisterKernel(module, (const void *)"
        << kernelAddressExpression(*kernel.decl, context) << ", \"" << kernel.openclName << "\", "
        << kernel.args.size() << "u, cucl_kernel_args_" << i << ", " << kernel.flags << "u);\n";
    for (const clang::VarDecl *variable : kernel.managedVariables) {
      std::string name;
      llvm::raw_string_ostream qualified(name);
      variable->printQualifiedName(qualified, registrarPolicy(context));
      out << "    __cuclRegisterKernelManagedVariable(module, (const void *)"
          << kernelAddressExpression(*kernel.decl, context)
          << ", (const void *)&::" << qualified.str() << ", sizeof(::" << qualified.str()
          << "));\n";
    }
    if (kernel.scratchBytes > 0)
      out << "    __cuclRegisterKernelScratch(module, (const void *)"
          << kernelAddressExpression(*kernel.decl, context) << ", \"" << kernel.scratchName
          << "\", " << kernel.scratchBytes << "u);\n";
    for (const clang::VarDecl *reference : kernel.textureReferences) {
      out << "    __cuclRegisterKernelTextureReference(module, (const void *)"
          << kernelAddressExpression(*kernel.decl, context) << ", (const void *)&::";
      reference->printQualifiedName(out, registrarPolicy(context));
      out << ");\n";
    }
  }
  for (const EmittedSymbol &symbol : device.symbols) {
    out << "    __cuclRegisterSymbol(module, (const void *)&::";
    symbol.decl->printQualifiedName(out, registrarPolicy(context));
    if (auto *instance = llvm::dyn_cast<clang::VarTemplateSpecializationDecl>(symbol.decl))
      printTemplateArguments(out, instance->getTemplateArgs(), context); // a variable template
    out << ", \"" << symbol.name << "\", " << symbol.size << "u, " << symbol.offset << "u, "
        << (symbol.segment == CUCL_SYMBOL_CONSTANT  ? "CUCL_SYMBOL_CONSTANT"
            : symbol.segment == CUCL_SYMBOL_MANAGED ? "CUCL_SYMBOL_MANAGED"
                                                    : "CUCL_SYMBOL_DEVICE")
        << ");\n";
  }
  out << "  }\n"
      << "  ~cucl_module_registrar() { __cuclUnregisterModule(module); }\n"
      << "  cucl_module_registrar(const cucl_module_registrar &) = delete;\n"
      << "  cucl_module_registrar &operator=(const cucl_module_registrar &) = delete;\n"
      << "} cucl_module_registrar_instance;\n"
      << "} // namespace\n";
  return out.str();
}

} // namespace cucl::translate
