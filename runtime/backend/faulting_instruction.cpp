#include "backend/faulting_instruction.h"

#if defined(__x86_64__)
#include <atomic>

#include <capstone/capstone.h>
#endif

namespace cucl::backend {

#if defined(__x86_64__)

namespace {

// Capstone's decoder, made once: cs_disasm_iter into a preallocated
// instruction allocates nothing. One decode at a time (workers that fault
// together wait for each other for a microsecond).
struct Decoder {
  csh handle = 0;
  cs_insn *instruction = nullptr;
  std::atomic_flag busy = ATOMIC_FLAG_INIT;
};

Decoder &decoder() {
  static Decoder *shared = new Decoder; // leaked: used by signal handlers
  return *shared;
}

// The ucontext slot of a general register in any of its widths; -1 for
// anything else (vector, mask and segment registers are left as they are).
int generalRegisterSlot(unsigned reg) {
  switch (reg) {
  case X86_REG_RAX:
  case X86_REG_EAX:
  case X86_REG_AX:
  case X86_REG_AL:
  case X86_REG_AH:
    return REG_RAX;
  case X86_REG_RBX:
  case X86_REG_EBX:
  case X86_REG_BX:
  case X86_REG_BL:
  case X86_REG_BH:
    return REG_RBX;
  case X86_REG_RCX:
  case X86_REG_ECX:
  case X86_REG_CX:
  case X86_REG_CL:
  case X86_REG_CH:
    return REG_RCX;
  case X86_REG_RDX:
  case X86_REG_EDX:
  case X86_REG_DX:
  case X86_REG_DL:
  case X86_REG_DH:
    return REG_RDX;
  case X86_REG_RSI:
  case X86_REG_ESI:
  case X86_REG_SI:
  case X86_REG_SIL:
    return REG_RSI;
  case X86_REG_RDI:
  case X86_REG_EDI:
  case X86_REG_DI:
  case X86_REG_DIL:
    return REG_RDI;
  case X86_REG_RBP:
  case X86_REG_EBP:
  case X86_REG_BP:
  case X86_REG_BPL:
    return REG_RBP;
  case X86_REG_R8:
  case X86_REG_R8D:
  case X86_REG_R8W:
  case X86_REG_R8B:
    return REG_R8;
  case X86_REG_R9:
  case X86_REG_R9D:
  case X86_REG_R9W:
  case X86_REG_R9B:
    return REG_R9;
  case X86_REG_R10:
  case X86_REG_R10D:
  case X86_REG_R10W:
  case X86_REG_R10B:
    return REG_R10;
  case X86_REG_R11:
  case X86_REG_R11D:
  case X86_REG_R11W:
  case X86_REG_R11B:
    return REG_R11;
  case X86_REG_R12:
  case X86_REG_R12D:
  case X86_REG_R12W:
  case X86_REG_R12B:
    return REG_R12;
  case X86_REG_R13:
  case X86_REG_R13D:
  case X86_REG_R13W:
  case X86_REG_R13B:
    return REG_R13;
  case X86_REG_R14:
  case X86_REG_R14D:
  case X86_REG_R14W:
  case X86_REG_R14B:
    return REG_R14;
  case X86_REG_R15:
  case X86_REG_R15D:
  case X86_REG_R15W:
  case X86_REG_R15B:
    return REG_R15;
  default:
    return -1; // RSP among them: the stack pointer is never touched
  }
}

// A skipped load reads zero into the general registers it writes.
void zeroLoadedRegisters(const cs_x86 &x86, ucontext_t *context) {
  bool readsMemory = false;
  for (std::uint8_t i = 0; i < x86.op_count; ++i)
    readsMemory |= x86.operands[i].type == X86_OP_MEM && (x86.operands[i].access & CS_AC_READ);
  for (std::uint8_t i = 0; readsMemory && i < x86.op_count; ++i) {
    const cs_x86_op &operand = x86.operands[i];
    int slot = operand.type == X86_OP_REG && (operand.access & CS_AC_WRITE)
                   ? generalRegisterSlot(operand.reg)
                   : -1;
    if (slot >= 0)
      context->uc_mcontext.gregs[slot] = 0;
  }
}

// The length of an EVEX-encoded (AVX-512) instruction with a memory operand
// at `code`, 0 if it is not one: 62 P0 P1 P2, opcode, ModRM, [SIB],
// [displacement], [imm8]. Only the forms that take an immediate differ.
std::size_t evexLength(const std::uint8_t *code) {
  if (code[0] != 0x62)
    return 0;
  unsigned map = code[1] & 0x3;
  std::uint8_t opcode = code[4], modrm = code[5];
  unsigned mod = modrm >> 6, rm = modrm & 0x7;
  if (map == 0 || mod == 3)
    return 0; // reserved map, or no memory operand (then it cannot fault on data)
  std::size_t length = 6;
  if (rm == 4) {
    std::uint8_t sib = code[6];
    ++length;
    if (mod == 0 && (sib & 0x7) == 5)
      length += 4;
  } else if (mod == 0 && rm == 5) {
    length += 4; // RIP-relative
  }
  if (mod == 1)
    length += 1; // disp8 (scaled by the operand size, still one byte)
  else if (mod == 2)
    length += 4;
  bool immediate = map == 3;
  if (map == 1)
    switch (opcode) {
    case 0x70:
    case 0x71:
    case 0x72:
    case 0x73:
    case 0xC2:
    case 0xC4:
    case 0xC5:
    case 0xC6:
      immediate = true;
      break;
    default:
      break;
    }
  return length + (immediate ? 1 : 0);
}

// Decodes the instruction at the fault's pc into the shared decoder's
// instruction, with the decoder held; false (and released) when Capstone
// cannot decode it.
bool lockAndDecode(const ucontext_t &context) {
  Decoder &d = decoder();
  while (d.busy.test_and_set(std::memory_order_acquire)) {
  }
  std::uintptr_t pc = faultingInstructionAddress(context);
  const auto *code = reinterpret_cast<const std::uint8_t *>(pc);
  std::size_t size = 15; // the longest x86 instruction
  std::uint64_t address = pc;
  if (cs_disasm_iter(d.handle, &code, &size, &address, d.instruction))
    return true;
  d.busy.clear(std::memory_order_release);
  return false;
}

void unlockDecoder() {
  decoder().busy.clear(std::memory_order_release);
}

// A 64-bit general register's value (RIP: the next instruction's address);
// false for anything narrower or not general.
bool registerValue(unsigned reg, const ucontext_t &context, std::uint64_t next,
                   std::uint64_t *value) {
  static const unsigned kFullWidth[] = {X86_REG_RAX, X86_REG_RBX, X86_REG_RCX, X86_REG_RDX,
                                        X86_REG_RSI, X86_REG_RDI, X86_REG_RBP, X86_REG_R8,
                                        X86_REG_R9,  X86_REG_R10, X86_REG_R11, X86_REG_R12,
                                        X86_REG_R13, X86_REG_R14, X86_REG_R15};
  if (reg == X86_REG_RIP) {
    *value = next;
    return true;
  }
  if (reg == X86_REG_RSP) {
    *value = static_cast<std::uint64_t>(context.uc_mcontext.gregs[REG_RSP]);
    return true;
  }
  for (unsigned full : kFullWidth)
    if (full == reg) {
      *value = static_cast<std::uint64_t>(context.uc_mcontext.gregs[generalRegisterSlot(reg)]);
      return true;
    }
  return false;
}

} // namespace

bool prepareInstructionDecoder() {
  Decoder &d = decoder();
  if (d.instruction != nullptr)
    return true;
  if (cs_open(CS_ARCH_X86, CS_MODE_64, &d.handle) != CS_ERR_OK)
    return false;
  cs_option(d.handle, CS_OPT_DETAIL, CS_OPT_ON);
  d.instruction = cs_malloc(d.handle);
  return d.instruction != nullptr;
}

std::uintptr_t faultingInstructionAddress(const ucontext_t &context) {
  return static_cast<std::uintptr_t>(context.uc_mcontext.gregs[REG_RIP]);
}

bool faultWasWrite(const ucontext_t &context) {
  return (context.uc_mcontext.gregs[REG_ERR] & 2) != 0; // the page fault's W/R bit
}

bool decodeFaultingAccess(const ucontext_t &context, std::uintptr_t *address, bool *write) {
  if (!lockAndDecode(context))
    return false;
  const cs_insn &instruction = *decoder().instruction;
  const cs_x86 &x86 = instruction.detail->x86;
  std::uint64_t next = instruction.address + instruction.size;
  for (std::uint8_t i = 0; i < x86.op_count; ++i) {
    const cs_x86_op &operand = x86.operands[i];
    if (operand.type != X86_OP_MEM)
      continue;
    // Capstone 4 calls AVX stores (vmovups [mem], ymm) reads; in Intel
    // operand order a memory operand first is a destination but for the
    // instructions that only compare.
    bool compares = instruction.id == X86_INS_CMP || instruction.id == X86_INS_TEST ||
                    instruction.id == X86_INS_BT;
    *write = (operand.access & CS_AC_WRITE) != 0 || (i == 0 && x86.op_count > 1 && !compares);
    const x86_op_mem &mem = operand.mem;
    std::uint64_t base = 0, index = 0;
    bool known = mem.segment == X86_REG_INVALID &&
                 (mem.base == X86_REG_INVALID || registerValue(mem.base, context, next, &base)) &&
                 (mem.index == X86_REG_INVALID || registerValue(mem.index, context, next, &index));
    if (known)
      *address = static_cast<std::uintptr_t>(base + index * static_cast<std::uint64_t>(mem.scale) +
                                             static_cast<std::uint64_t>(mem.disp));
    break;
  }
  unlockDecoder();
  return true;
}

bool skipFaultingInstruction(ucontext_t *context) {
  std::uintptr_t pc = faultingInstructionAddress(*context);
  std::size_t length = 0;
  if (lockAndDecode(*context)) {
    zeroLoadedRegisters(decoder().instruction->detail->x86, context);
    length = decoder().instruction->size;
    unlockDecoder();
  } else {
    // Capstone 4 misses some AVX-512 forms (masked 128-bit gathers, which
    // PoCL emits for vectorized indexed loads); their length is all we need.
    length = evexLength(reinterpret_cast<const std::uint8_t *>(pc));
  }
  if (length == 0)
    return false;
  context->uc_mcontext.gregs[REG_RIP] = static_cast<greg_t>(pc + length);
  return true;
}

#elif defined(__aarch64__)

bool prepareInstructionDecoder() {
  return true;
}

std::uintptr_t faultingInstructionAddress(const ucontext_t &context) {
  return static_cast<std::uintptr_t>(context.uc_mcontext.pc);
}

bool faultWasWrite(const ucontext_t &) {
  return false;
}

bool decodeFaultingAccess(const ucontext_t &, std::uintptr_t *, bool *) {
  return false;
}

// Every AArch64 instruction is 4 bytes; loaded registers keep their value.
bool skipFaultingInstruction(ucontext_t *context) {
  context->uc_mcontext.pc += 4;
  return true;
}

#else

bool prepareInstructionDecoder() {
  return false;
}
std::uintptr_t faultingInstructionAddress(const ucontext_t &) {
  return 0;
}
bool faultWasWrite(const ucontext_t &) {
  return false;
}
bool decodeFaultingAccess(const ucontext_t &, std::uintptr_t *, bool *) {
  return false;
}
bool skipFaultingInstruction(ucontext_t *) {
  return false;
}

#endif

} // namespace cucl::backend
