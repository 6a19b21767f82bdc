/* The line table reader used by tracebacks; with PX_HAS_COMPILER_DEBUG,
 * opcode names and a readable listing of code objects (for -v and
 * debugging). */
#include "compile.h"

#include "../runtime.h"

uint32_t px_code_line(const px_code *code, uint32_t offset) {
    uint32_t off = 0, line = code->firstlineno;
    if (code->linetable_len == 0) { /* linetable may be NULL then */
        return line;
    }
    const uint8_t *p = code->linetable, *end = p + code->linetable_len;
    while (p < end) {
        uint32_t doff = px_read_uleb(&p);
        if (p >= end) {
            break;
        }
        int32_t dline = px_read_sleb_zigzag(&p);
        if (off + doff > offset) {
            break;
        }
        off += doff;
        line = (uint32_t)((int32_t)line + dline);
    }
    return line;
}

#if PX_HAS_COMPILER_DEBUG
/* ---- the listing (leaves no code in a build without compiler debugging) */

const char *const px_opcode_names[PX_OP__COUNT] = {
#define PX_X(name, ops) #name,
    PX_OPCODES(PX_X)
#undef PX_X
};

enum { OPK_N, OPK_U, OPK_UU, OPK_S, OPK_J, OPK_UJ };

static const uint8_t operand_kinds[PX_OP__COUNT] = {
#define PX_X(name, ops) OPK_##ops,
    PX_OPCODES(PX_X)
#undef PX_X
};

static void print_flags(px_out *out, unsigned flags) {
    static const char *const names[] = {"VARARGS", "VARKEYWORDS", "GENERATOR", "COROUTINE",
                                        "ASYNC_GENERATOR", "CLASSBODY", "MODULE", "NESTED"};
    bool any = false;
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (flags & (1u << i)) {
            px_printf(out, "%s%s", any ? "|" : "", names[i]);
            any = true;
        }
    }
    if (!any) {
        px_write_cstr(out, "0");
    }
}

static const char *qname(px_qid q) { return q ? px_qstr_str(q) : "?"; }

/* The annotation after an instruction's operands: what they refer to. */
static void annotate(px_out *out, const px_code *code, px_opcode op, uint32_t a, uint32_t b) {
    uint32_t ncells = (uint32_t)code->ncellvars + code->nfreevars;
    switch (op) {
    case PX_OP_LOAD_CONST:
        if (a < code->nconsts) {
            px_val v = code->consts[a];
            px_write_cstr(out, "  (");
            if (px_is_type(v, &px_type_code)) {
                px_printf(out, "<code %s>", qname(((const px_code *)px_as_ptr(v))->name));
            } else {
                px_print(out, v, PX_PRINT_REPR);
            }
            px_write_cstr(out, ")");
        }
        break;
    case PX_OP_LOAD_FAST:
    case PX_OP_LOAD_FAST_ESC:
    case PX_OP_INPLACE_ADD_FAST:
    case PX_OP_STORE_FAST:
    case PX_OP_DELETE_FAST:
        if (a < code->nlocals) {
            px_printf(out, "  (%s)", qname(code->varnames[a]));
        }
        break;
    case PX_OP_LOAD_DEREF:
    case PX_OP_STORE_DEREF:
    case PX_OP_DELETE_DEREF:
    case PX_OP_LOAD_CLOSURE:
        if (a < ncells) {
            px_printf(out, "  (%s)", qname(code->cellnames[a]));
        }
        break;
    case PX_OP_LOAD_CLASSDEREF:
    case PX_OP_LOAD_NAME:
    case PX_OP_STORE_NAME:
    case PX_OP_DELETE_NAME:
    case PX_OP_LOAD_GLOBAL:
    case PX_OP_STORE_GLOBAL:
    case PX_OP_DELETE_GLOBAL:
    case PX_OP_LOAD_ATTR:
    case PX_OP_STORE_ATTR:
    case PX_OP_DELETE_ATTR:
    case PX_OP_LOAD_METHOD:
    case PX_OP_IMPORT_NAME:
    case PX_OP_IMPORT_FROM:
        if (a < code->nnames) {
            px_printf(out, "  (%s)", qname(code->names[a]));
        }
        break;
    default:
        (void)b;
        break;
    }
}

static void disassemble_one(px_out *out, const px_code *code) {
    px_printf(out, "code %s, file %s, line %u\n", qname(code->name), qname(code->filename),
              (unsigned)code->firstlineno);
    px_printf(out, "  args %u (posonly %u, kwonly %u), locals %u, cells %u+%u, stack %u, caches %u, flags ",
              code->argcount, code->posonlycount, code->kwonlycount, code->nlocals, code->ncellvars,
              code->nfreevars, code->stacksize, code->ncaches);
    print_flags(out, code->flags);
    px_write_cstr(out, "\n");
    const uint8_t *start = code->code, *p = start, *end = start + code->code_len;
    uint32_t last_line = 0;
    while (p < end) {
        uint32_t off = (uint32_t)(p - start);
        unsigned op = *p++;
        uint32_t line = px_code_line(code, off);
        if (line != last_line) {
            px_printf(out, "%5u ", (unsigned)line);
            last_line = line;
        } else {
            px_write_cstr(out, "      ");
        }
        if (op >= PX_OP__COUNT) {
            px_printf(out, "%5u  <bad opcode %u>\n", (unsigned)off, op);
            return;
        }
        px_printf(out, "%5u  %-22s", (unsigned)off, px_opcode_names[op]);
        uint32_t a = 0, b = 0;
        switch (operand_kinds[op]) {
        case OPK_U:
            a = px_read_uleb(&p);
            px_printf(out, " %u", (unsigned)a);
            break;
        case OPK_UU:
            a = px_read_uleb(&p);
            b = px_read_uleb(&p);
            px_printf(out, " %u %u", (unsigned)a, (unsigned)b);
            break;
        case OPK_S:
            px_printf(out, " %d", (int)px_read_sleb_zigzag(&p));
            break;
        case OPK_J:
            px_printf(out, " -> %u", (unsigned)px_read_jump(&p));
            break;
        case OPK_UJ:
            a = px_read_uleb(&p);
            px_printf(out, " %u -> %u", (unsigned)a, (unsigned)px_read_jump(&p));
            break;
        default:
            break;
        }
        annotate(out, code, (px_opcode)op, a, b);
        px_write_cstr(out, "\n");
    }
    if (code->nexc) {
        px_write_cstr(out, "  exception table:\n");
        for (uint32_t i = 0; i < code->nexc; i++) {
            const px_exc_entry *x = &code->exctable[i];
            px_printf(out, "    %u to %u -> %u [%u]\n", x->start, x->end, x->handler, x->depth);
        }
    }
}

void px_code_disassemble(px_out *out, const px_code *code) {
    disassemble_one(out, code);
    for (uint32_t i = 0; i < code->nconsts; i++) {
        px_val v = code->consts[i];
        if (px_is_type(v, &px_type_code)) {
            px_write_cstr(out, "\n");
            px_code_disassemble(out, (const px_code *)px_as_ptr(v));
        }
    }
}

#endif /* PX_HAS_COMPILER_DEBUG */
