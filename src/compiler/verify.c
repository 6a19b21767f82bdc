/* Checking a code object built outside the compiler (see px_code_verify
 * in bytecode.h): bytes that came from elsewhere, so that reading them can
 * never take the VM outside the code object's arrays. Its flow pass
 * (px_code_stack_depth) also sizes the stack of the compiler's own code. */
#include "../runtime.h"
#include "bytecode.h"

enum { K_N, K_U, K_UU, K_S, K_J, K_UJ };
static const uint8_t kinds[PX_OP__COUNT] = {
#define PX_X(name, ops) K_##ops,
    PX_OPCODES(PX_X)
#undef PX_X
};

/* One varint within [*pp, end); false if it runs off the end or past 32 bits. */
static bool read_uleb(const uint8_t **pp, const uint8_t *end, uint32_t *out) {
    uint32_t v = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
        if (*pp >= end) {
            return false;
        }
        uint8_t b = *(*pp)++;
        v |= (uint32_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return true;
        }
    }
    return false;
}

typedef struct {
    px_opcode op;
    uint32_t a, b, target;
    bool jumps;
    uint32_t next; /* offset of the following instruction */
} insn;

static const char *decode(const px_code *c, uint32_t off, insn *in) {
    const uint8_t *p = c->code + off, *end = c->code + c->code_len;
    uint8_t op = *p++;
    if (op >= PX_OP__COUNT) {
        return "unknown opcode";
    }
    in->op = (px_opcode)op;
    in->a = in->b = in->target = 0;
    in->jumps = kinds[op] == K_J || kinds[op] == K_UJ;
    bool ok = true;
    switch (kinds[op]) {
    case K_U:
    case K_S:
        ok = read_uleb(&p, end, &in->a);
        break;
    case K_UU:
        ok = read_uleb(&p, end, &in->a) && read_uleb(&p, end, &in->b);
        break;
    case K_UJ:
        ok = read_uleb(&p, end, &in->a);
        break;
    default:
        break;
    }
    if (ok && in->jumps) {
        ok = end - p >= 3;
        if (ok) {
            in->target = px_read_jump(&p);
        }
    }
    if (!ok) {
        return "instruction runs past the end of the code";
    }
    if (kinds[op] == K_S) {
        /* a value, not an index or a count; the compiler keeps immediates
         * within 21 bits, which a 32-bit build's small ints hold */
        int32_t v = (int32_t)(in->a >> 1) ^ -(int32_t)(in->a & 1);
        if (v < -(1 << 20) || v >= (1 << 20)) {
            return "immediate int out of range";
        }
        in->a = 0;
    }
    in->next = (uint32_t)(p - c->code);
    return NULL;
}

/* The operand indexes of one instruction against the code's tables. */
static const char *check_operands(const px_code *c, const insn *in) {
    uint32_t ncells = (uint32_t)c->ncellvars + c->nfreevars;
    switch (in->op) {
    case PX_OP_LOAD_CONST:
        return in->a < c->nconsts ? NULL : "constant index out of range";
    case PX_OP_LOAD_FAST:
    case PX_OP_STORE_FAST:
    case PX_OP_DELETE_FAST:
        return in->a < c->nlocals ? NULL : "local index out of range";
    case PX_OP_LOAD_DEREF:
    case PX_OP_STORE_DEREF:
    case PX_OP_DELETE_DEREF:
    case PX_OP_LOAD_CLOSURE:
        return in->a < ncells ? NULL : "cell index out of range";
    case PX_OP_LOAD_CLASSDEREF:
        return in->a < c->nnames && in->b < ncells ? NULL : "name or cell index out of range";
    case PX_OP_LOAD_GLOBAL:
    case PX_OP_LOAD_ATTR:
    case PX_OP_STORE_ATTR:
    case PX_OP_LOAD_METHOD:
        return in->a < c->nnames && in->b < c->ncaches ? NULL : "name or cache index out of range";
    case PX_OP_LOAD_NAME:
    case PX_OP_STORE_NAME:
    case PX_OP_DELETE_NAME:
    case PX_OP_STORE_GLOBAL:
    case PX_OP_DELETE_GLOBAL:
    case PX_OP_DELETE_ATTR:
    case PX_OP_IMPORT_NAME:
    case PX_OP_IMPORT_FROM:
        return in->a < c->nnames ? NULL : "name index out of range";
    case PX_OP_UNARY_OP:
        return in->a < PX_UNOP__COUNT ? NULL : "bad unary operator";
    case PX_OP_BINARY_OP:
    case PX_OP_COMPARE_OP:
        return in->a < PX_BINOP__COUNT ? NULL : "bad binary operator";
    case PX_OP_IS_OP:
    case PX_OP_CONTAINS_OP:
        return in->a <= 1 ? NULL : "bad operand";
    case PX_OP_RAISE_VARARGS:
        return in->a <= 2 ? NULL : "bad operand";
    case PX_OP_FORMAT_VALUE:
    case PX_OP_BUILD_INTERPOLATION:
    case PX_OP_MAKE_FUNCTION:
        return in->a < 8 ? NULL : "bad operand";
    case PX_OP_COPY:
        return in->a >= 1 ? NULL : "bad operand";
    case PX_OP_SWAP:
        return in->a >= 2 ? NULL : "bad operand";
    default:
        return NULL;
    }
}

/* How many stack items an instruction takes or looks at (the [before]
 * of its comment in bytecode.h). */
static uint32_t inputs(const insn *in) {
    uint32_t a = in->a;
    switch (in->op) {
    case PX_OP_POP_TOP:
    case PX_OP_DUP_TOP:
    case PX_OP_STORE_FAST:
    case PX_OP_STORE_DEREF:
    case PX_OP_STORE_NAME:
    case PX_OP_STORE_GLOBAL:
    case PX_OP_DELETE_ATTR:
    case PX_OP_LOAD_ATTR:
    case PX_OP_LOAD_METHOD:
    case PX_OP_UNARY_OP:
    case PX_OP_LIST_TO_TUPLE:
    case PX_OP_GET_ITER:
    case PX_OP_YIELD_VALUE:
    case PX_OP_GET_YIELD_FROM_ITER:
    case PX_OP_GET_AWAITABLE:
    case PX_OP_GET_AITER:
    case PX_OP_GET_ANEXT:
    case PX_OP_POP_JUMP_IF_FALSE:
    case PX_OP_POP_JUMP_IF_TRUE:
    case PX_OP_POP_JUMP_IF_NONE:
    case PX_OP_POP_JUMP_IF_NOT_NONE:
    case PX_OP_JUMP_IF_FALSE_OR_POP:
    case PX_OP_JUMP_IF_TRUE_OR_POP:
    case PX_OP_FOR_ITER:
    case PX_OP_RETURN_VALUE:
    case PX_OP_RERAISE:
    case PX_OP_PUSH_EXC_INFO:
    case PX_OP_POP_EXCEPT:
    case PX_OP_BEFORE_WITH:
    case PX_OP_BEFORE_ASYNC_WITH:
    case PX_OP_IMPORT_FROM:
    case PX_OP_IMPORT_STAR:
    case PX_OP_PRINT_EXPR:
    case PX_OP_UNPACK_SEQUENCE:
    case PX_OP_UNPACK_EX:
        return 1;
    case PX_OP_DUP_TOP_TWO:
    case PX_OP_ROT_TWO:
    case PX_OP_BINARY_SUBSCR:
    case PX_OP_STORE_ATTR:
    case PX_OP_DELETE_SUBSCR:
    case PX_OP_BINARY_OP:
    case PX_OP_COMPARE_OP:
    case PX_OP_IS_OP:
    case PX_OP_CONTAINS_OP:
    case PX_OP_CHECK_EXC_MATCH:
    case PX_OP_CHECK_EG_MATCH:
    case PX_OP_PREP_RERAISE_STAR:
    case PX_OP_YIELD_FROM:
    case PX_OP_IMPORT_NAME:
    case PX_OP_END_ASYNC_FOR:
        return 2;
    case PX_OP_ROT_THREE:
    case PX_OP_STORE_SUBSCR:
    case PX_OP_WITH_EXCEPT_START:
        return 3;
    case PX_OP_ROT_FOUR:
        return 4;
    case PX_OP_COPY:
    case PX_OP_SWAP:
    case PX_OP_BUILD_TUPLE:
    case PX_OP_BUILD_LIST:
    case PX_OP_BUILD_SET:
    case PX_OP_BUILD_SLICE:
    case PX_OP_BUILD_STRING:
    case PX_OP_RAISE_VARARGS:
        return a;
    case PX_OP_BUILD_MAP:
        return 2 * a;
    case PX_OP_BUILD_TEMPLATE:
        return 2 * a + 1;
    case PX_OP_LIST_APPEND:
    case PX_OP_SET_ADD:
    case PX_OP_LIST_EXTEND:
    case PX_OP_SET_UPDATE:
    case PX_OP_DICT_UPDATE:
    case PX_OP_DICT_MERGE:
    case PX_OP_CALL:
        return a + 1;
    case PX_OP_MAP_ADD:
    case PX_OP_CALL_KW:
    case PX_OP_CALL_METHOD:
        return a + 2;
    case PX_OP_CALL_METHOD_KW:
        return a + 3;
    case PX_OP_FORMAT_VALUE:
        return 1 + ((a >> 2) & 1);
    case PX_OP_BUILD_INTERPOLATION:
        return 2 + ((a >> 2) & 1);
    case PX_OP_CALL_EX:
        return 2 + (a & 1);
    case PX_OP_MAKE_FUNCTION:
        return 1 + (a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1);
    default:
        return 0; /* loads, deletes of variables, NOP, JUMP */
    }
}

/* Pending paths: (offset, depth) pairs, grown as jumps are met. */
typedef struct {
    uint32_t *items;
    uint32_t n, cap;
} depth_work;

static void depth_push(depth_work *w, uint32_t off, uint32_t depth) {
    if (w->n + 2 > w->cap) {
        w->cap = w->cap ? w->cap * 2 : 32;
        w->items = px_gc_realloc(w->items, w->cap * sizeof(uint32_t), PX_GC_LEAF);
    }
    w->items[w->n++] = off;
    w->items[w->n++] = depth;
}

/* The exception-table entry covering off, or NULL (the entries are in
 * order and do not overlap). */
static const px_exc_entry *entry_at(const px_code *c, uint32_t off) {
    uint32_t lo = 0, hi = c->nexc;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        const px_exc_entry *e = &c->exctable[mid];
        if (off < e->start) {
            hi = mid;
        } else if (off >= e->end) {
            lo = mid + 1;
        } else {
            return e;
        }
    }
    return NULL;
}

/* Flow pass. Every instruction has one stack depth, whichever path
 * reaches it (the compiler emits code that way, as CPython's does), so each
 * is visited once: the pass is linear in the code, and the work list
 * holds at most one entry per visited jump plus the entry points. A depth that differs between two paths is refused rather
 * than merged: merging by the larger depth revisits a loop that pushes
 * once per pass up to 65,535 times.
 *
 * Paths meet only where one starts: a path that runs into code another
 * walked reaches that one's start first (instructions follow each other
 * from offset 0, and starts are instruction starts). So depths are kept
 * for the starts alone (the entry, jump targets, handlers: a bitmap found
 * by a first pass, a start's number its rank in the bitmap), a quarter of
 * a byte per byte of code and 2 bytes a start, not 2 bytes per byte of
 * code: a module's code grows with the module, and on a 64 KiB board that
 * table was what compiling a test file could not get. */
uint32_t *px_code_starts_new(const px_code *c) {
    uint32_t nw = c->code_len / 32 + 1;
    uint32_t *bm = px_gc_alloc(nw * 2 * sizeof(uint32_t), PX_GC_LEAF); /* bitmap, then ranks */
    memset(bm, 0, nw * 2 * sizeof(uint32_t));
    px_code_starts_mark(bm, c->code_len, 0);
    for (uint32_t i = 0; i < c->nexc; i++) {
        px_code_starts_mark(bm, c->code_len, c->exctable[i].handler);
    }
    return bm;
}

int32_t px_code_stack_depth(px_code *c, const char **why) {
    uint32_t *bm = px_code_starts_new(c);
    for (uint32_t off = 0; off < c->code_len;) {
        insn in;
        decode(c, off, &in); /* checked already */
        if (in.jumps) {
            px_code_starts_mark(bm, c->code_len, in.target);
        }
        off = in.next;
    }
    return px_code_stack_depth_at(c, bm, why);
}

int32_t px_code_stack_depth_at(px_code *c, uint32_t *bm, const char **why) {
    uint32_t len = c->code_len, ntab = c->nexc, nw = len / 32 + 1;
    uint32_t *rank = bm + nw;
    uint32_t nstarts = 0;
    for (uint32_t i = 0; i < nw; i++) {
        rank[i] = nstarts;
        nstarts += (uint32_t)__builtin_popcount(bm[i]);
    }
    uint16_t *seen = px_gc_alloc(nstarts * sizeof(uint16_t), PX_GC_LEAF); /* depth + 1; 0: not reached */
    memset(seen, 0, nstarts * sizeof(uint16_t));
    depth_work w = {0};
    depth_push(&w, 0, 0);
    for (uint32_t i = 0; i < ntab; i++) {
        depth_push(&w, c->exctable[i].handler, c->exctable[i].depth + 1);
    }
    int32_t maxd = 0;
    bool loops = false;
    while (w.n > 0) {
        int32_t d = (int32_t)w.items[--w.n];
        uint32_t off = w.items[--w.n];
        for (;;) {
            if (off >= len) {
                *why = "code runs off its end";
                return -1;
            }
            uint32_t bit = 1u << (off & 31), word = bm[off >> 5];
            if (word & bit) {
                uint16_t *at = &seen[rank[off >> 5] + (uint32_t)__builtin_popcount(word & (bit - 1))];
                if (*at != 0) {
                    if (*at - 1 != d) {
                        *why = "stack depth differs between paths";
                        return -1;
                    }
                    break;
                }
                if (d > 0xFFFE) {
                    *why = "stack too deep";
                    return -1;
                }
                *at = (uint16_t)(d + 1);
            } else if (d > 0xFFFE) {
                *why = "stack too deep";
                return -1;
            }
            maxd = d > maxd ? d : maxd;
            /* every handler's range must hold at least its depth where reached */
            const px_exc_entry *e = ntab && off >= c->exctable[0].start && off < c->exctable[ntab - 1].end
                                        ? entry_at(c, off) : NULL;
            if (e != NULL && (uint32_t)d < e->depth) {
                *why = "handler depth above the stack";
                return -1;
            }
            insn in;
            decode(c, off, &in); /* checked already */
            int effect = px_op_stack_effect(in.op, in.a, in.b, false);
            if ((uint32_t)d < inputs(&in) || d + effect < 0) {
                *why = "stack underflow";
                return -1;
            }
            if (in.jumps) {
                int32_t td = d + px_op_stack_effect(in.op, in.a, in.b, true);
                if (td < 0) {
                    *why = "stack underflow";
                    return -1;
                }
                depth_push(&w, in.target, (uint32_t)td);
                loops |= in.target <= off;
            }
            d += effect;
            if (px_op_is_terminal(in.op)) {
                break;
            }
            off = in.next;
        }
    }
    px_gc_free(w.items);
    px_gc_free(seen);
    px_gc_free(bm);
    c->flags = (uint16_t)(loops ? c->flags | PX_CODE_LOOPS : c->flags & ~PX_CODE_LOOPS);
    return maxd;
}

/* CALL_KW and CALL_METHOD_KW take their keyword names from the
 * LOAD_CONST right before them (as the compiler emits): a tuple of str no
 * longer than the arguments. Neither may be a jump target, so that no
 * other path reaches them. */
static bool kwnames_ok(const px_code *c, const insn *prev, const insn *in) {
    if (prev->op != PX_OP_LOAD_CONST || !px_is_type(c->consts[prev->a], &px_type_tuple)) {
        return false;
    }
    px_tuple *t = px_tuple_ptr(c->consts[prev->a]);
    for (size_t i = 0; i < t->len; i++) {
        if (!px_is_str(t->items[i])) {
            return false;
        }
    }
    return t->len <= in->a;
}

const char *px_code_verify(px_code *c) {
    uint32_t len = c->code_len;
    if (len == 0) {
        return "empty code";
    }
    if (c->nlocals < (uint32_t)c->argcount + c->kwonlycount || c->posonlycount > c->argcount) {
        return "argument counts do not fit the locals";
    }
    uint8_t *starts = px_gc_alloc(len, PX_GC_LEAF);
    const char *why = NULL;
    for (uint32_t off = 0; off < len;) {
        insn in;
        if ((why = decode(c, off, &in)) != NULL || (why = check_operands(c, &in)) != NULL) {
            return why;
        }
        starts[off] = 1;
        off = in.next;
    }
    for (uint32_t off = 0; off < len; off++) {
        insn in;
        if (starts[off] && (decode(c, off, &in), in.jumps)) {
            if (in.target >= len || !starts[in.target]) {
                return "jump outside the code";
            }
            starts[in.target] = 2; /* an instruction start that is a jump target */
        }
    }
    for (uint32_t i = 0; i < c->nexc; i++) {
        const px_exc_entry *e = &c->exctable[i];
        if (e->start > e->end || e->end > len || e->handler >= len || !starts[e->handler] || e->depth > 0xFFFE) {
            return "bad exception table entry";
        }
        if (i > 0 && e->start < c->exctable[i - 1].end) {
            return "exception table entries overlap"; /* the compiler emits them in order */
        }
        starts[e->handler] = 2; /* a handler is entered like a jump target */
    }
    insn prev = {.op = PX_OP_NOP};
    for (uint32_t off = 0; off < len;) {
        insn in;
        decode(c, off, &in);
        if ((in.op == PX_OP_CALL_KW || in.op == PX_OP_CALL_METHOD_KW) &&
            (starts[off] == 2 || !kwnames_ok(c, &prev, &in))) {
            return "keyword call without its names";
        }
        prev = in;
        off = in.next;
    }
    const uint8_t *p = c->linetable, *end = p + c->linetable_len;
    while (p < end) {
        uint32_t v;
        if (!read_uleb(&p, end, &v) || !read_uleb(&p, end, &v)) {
            return "bad line table";
        }
    }
    int32_t depth = px_code_stack_depth(c, &why);
    if (depth < 0) {
        return why;
    }
    c->stacksize = (uint16_t)(depth + 1);
    return NULL;
}
