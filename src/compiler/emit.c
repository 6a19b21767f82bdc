/* Instruction emission and assembly of a px_code (see emit.h). */
#include "emit.h"

#include "../runtime.h"

void *px_emit_grow(void *p, uint32_t *cap, uint32_t need, size_t elsize, unsigned flags) {
    if (need <= *cap) {
        return p;
    }
    uint32_t n = *cap ? *cap * 2 : 16;
    while (n < need) {
        n *= 2;
    }
    p = px_gc_realloc(p, (size_t)n * elsize, flags);
    *cap = n;
    return p;
}

void px_emit_init(px_unit *u, const px_ast_mod *mod, px_scope *scope, uint32_t firstlineno) {
    memset(u, 0, sizeof *u);
    u->mod = mod;
    u->scope = scope;
    u->firstlineno = firstlineno;
    u->line = firstlineno;
    u->line_no = firstlineno;
    u->cur_handler = -1;
}

/* Jump targets are 3-byte absolute offsets. */
#define PX_CODE_MAX_LEN 0xFFFFFFu

/* A limit of the code object format (bytecode.h) is exceeded: SyntaxError
 * at the function (or, for module code, the line being compiled). */
PX_NORETURN static void too_large(px_unit *u, const char *what, size_t n, size_t limit) {
    const px_ast_node *n0 = u->scope->node;
    bool mod = !n0 || n0->kind == PX_AST_Module || n0->kind == PX_AST_Interactive || n0->kind == PX_AST_Expression;
    px_ast_node at = {0};
    at.lineno = u->line;
    px_ast_error(u->mod, mod ? &at : n0, &px_type_SyntaxError, "code too large: %s in '%s' (%zu; the limit is %zu)", what,
                 px_qstr_str(u->name), n, limit);
}

/* Room for one more byte of code: the buffer doubles, or (with
 * PX_CODE_PIECE) a full piece is put aside and a new one begun. */
static void code_room(px_unit *u) {
    if (u->len >= PX_CODE_MAX_LEN) { /* before the buffer grows further */
        too_large(u, "bytes of bytecode", (size_t)u->len + 1, PX_CODE_MAX_LEN);
    }
    uint32_t size = u->cap - u->code_start;
#if PX_CODE_PIECE
    if (size < PX_CODE_PIECE && u->npieces == 0) {
        u->code = px_emit_grow(u->code, &size, size + 1, 1, PX_GC_LEAF);
        if (size > PX_CODE_PIECE) {
            size = PX_CODE_PIECE;
            u->code = px_gc_realloc(u->code, size, PX_GC_LEAF);
        }
        u->cap = size;
        return;
    }
    u->pieces = px_emit_grow(u->pieces, &u->pieces_cap, u->npieces + 1, sizeof(uint8_t *), 0);
    u->pieces[u->npieces++] = u->code;
    u->code = px_gc_alloc(PX_CODE_PIECE, PX_GC_LEAF); /* (the list keeps the full piece) */
    u->code_start = u->len;
    u->cap = u->len + PX_CODE_PIECE;
#else
    u->code = px_emit_grow(u->code, &size, size + 1, 1, PX_GC_LEAF);
    u->cap = size;
#endif
}

static void put_byte(px_unit *u, uint8_t b) {
    if (PX_UNLIKELY(u->len == u->cap)) {
        code_room(u);
    }
    u->code[u->len++ - u->code_start] = b;
}

/* The pieces of the code joined into one block of its exact size. */
static void join_code(px_unit *u) {
    if (u->npieces == 0) {
        return;
    }
    uint8_t *all = px_gc_alloc(u->len, PX_GC_LEAF | PX_GC_UNINIT);
    for (uint32_t i = 0; i < u->npieces; i++) {
        memcpy(all + (size_t)i * PX_CODE_PIECE, u->pieces[i], PX_CODE_PIECE);
        px_gc_free(u->pieces[i]);
        u->pieces[i] = NULL;
    }
    memcpy(all + u->code_start, u->code, u->len - u->code_start);
    px_gc_free(u->code);
    px_gc_free(u->pieces);
    u->pieces = NULL;
    u->npieces = u->pieces_cap = 0;
    u->code = all;
    u->code_start = 0;
    u->cap = u->len;
}

static void put_uleb(px_unit *u, uint32_t v) {
    do {
        uint8_t b = v & 0x7F;
        v >>= 7;
        put_byte(u, (uint8_t)(b | (v ? 0x80 : 0)));
    } while (v);
}

static void lt_byte(px_unit *u, uint8_t b) {
    u->linetable = px_emit_grow(u->linetable, &u->linetable_cap, u->linetable_len + 1, 1, PX_GC_LEAF);
    u->linetable[u->linetable_len++] = b;
}

static void lt_uleb(px_unit *u, uint32_t v) {
    do {
        uint8_t b = v & 0x7F;
        v >>= 7;
        lt_byte(u, (uint8_t)(b | (v ? 0x80 : 0)));
    } while (v);
}

/* Record the current line for the instruction about to be emitted. */
static void mark_line(px_unit *u) {
    if (u->line == u->line_no || u->line == 0) {
        return;
    }
    int32_t delta = (int32_t)u->line - (int32_t)u->line_no;
    lt_uleb(u, u->len - u->line_off);
    lt_uleb(u, ((uint32_t)delta << 1) ^ (uint32_t)(delta >> 31));
    u->line_off = u->len;
    u->line_no = u->line;
}

/* Stack effect of an instruction on the fall-through path (jump: when taken). */
static int stack_effect(px_opcode op, uint32_t a, uint32_t b, bool jump) {
    switch (op) {
    case PX_OP_NOP:
    case PX_OP_ROT_TWO:
    case PX_OP_ROT_THREE:
    case PX_OP_ROT_FOUR:
    case PX_OP_SWAP:
    case PX_OP_DELETE_FAST:
    case PX_OP_DELETE_DEREF:
    case PX_OP_DELETE_NAME:
    case PX_OP_DELETE_GLOBAL:
    case PX_OP_LOAD_ATTR:
    case PX_OP_UNARY_OP:
    case PX_OP_LIST_TO_TUPLE:
    case PX_OP_JUMP:
    case PX_OP_GET_ITER:
    case PX_OP_CHECK_EXC_MATCH:
    case PX_OP_CHECK_EG_MATCH:
    case PX_OP_YIELD_VALUE:
    case PX_OP_GET_YIELD_FROM_ITER:
    case PX_OP_GET_AWAITABLE:
    case PX_OP_GET_AITER:
        return 0;
    case PX_OP_POP_TOP:
    case PX_OP_STORE_FAST:
    case PX_OP_STORE_DEREF:
    case PX_OP_STORE_NAME:
    case PX_OP_STORE_GLOBAL:
    case PX_OP_DELETE_ATTR:
    case PX_OP_BINARY_SUBSCR:
    case PX_OP_BINARY_OP:
    case PX_OP_COMPARE_OP:
    case PX_OP_IS_OP:
    case PX_OP_CONTAINS_OP:
    case PX_OP_LIST_APPEND:
    case PX_OP_SET_ADD:
    case PX_OP_LIST_EXTEND:
    case PX_OP_SET_UPDATE:
    case PX_OP_DICT_UPDATE:
    case PX_OP_DICT_MERGE:
    case PX_OP_POP_JUMP_IF_FALSE:
    case PX_OP_POP_JUMP_IF_TRUE:
    case PX_OP_POP_JUMP_IF_NONE:
    case PX_OP_POP_JUMP_IF_NOT_NONE:
    case PX_OP_RETURN_VALUE:
    case PX_OP_RERAISE:
    case PX_OP_POP_EXCEPT:
    case PX_OP_PREP_RERAISE_STAR:
    case PX_OP_YIELD_FROM:
    case PX_OP_IMPORT_NAME:
    case PX_OP_IMPORT_STAR:
    case PX_OP_PRINT_EXPR:
        return -1;
    case PX_OP_DUP_TOP:
    case PX_OP_COPY:
    case PX_OP_LOAD_CONST:
    case PX_OP_LOAD_SMALL_INT:
    case PX_OP_LOAD_NONE:
    case PX_OP_LOAD_TRUE:
    case PX_OP_LOAD_FALSE:
    case PX_OP_LOAD_NULL:
    case PX_OP_LOAD_FAST:
    case PX_OP_LOAD_FAST_ESC:
    case PX_OP_LOAD_DEREF:
    case PX_OP_LOAD_CLOSURE:
    case PX_OP_LOAD_CLASSDEREF:
    case PX_OP_LOAD_NAME:
    case PX_OP_LOAD_GLOBAL:
    case PX_OP_LOAD_METHOD:
    case PX_OP_LOAD_ASSERTION_ERROR:
    case PX_OP_LOAD_BUILD_CLASS:
    case PX_OP_PUSH_EXC_INFO:
    case PX_OP_BEFORE_WITH:
    case PX_OP_WITH_EXCEPT_START:
    case PX_OP_GET_ANEXT:
    case PX_OP_BEFORE_ASYNC_WITH:
    case PX_OP_IMPORT_FROM:
        return 1;
    case PX_OP_DUP_TOP_TWO:
        return 2;
    case PX_OP_STORE_ATTR:
    case PX_OP_INPLACE_ADD_FAST:
    case PX_OP_DELETE_SUBSCR:
    case PX_OP_MAP_ADD:
    case PX_OP_END_ASYNC_FOR:
        return -2;
    case PX_OP_STORE_SUBSCR:
        return -3;
    case PX_OP_BUILD_TUPLE:
    case PX_OP_BUILD_LIST:
    case PX_OP_BUILD_SET:
    case PX_OP_BUILD_SLICE:
    case PX_OP_BUILD_STRING:
        return 1 - (int)a;
    case PX_OP_BUILD_MAP:
        return 1 - 2 * (int)a;
    case PX_OP_FORMAT_VALUE:
        return (a & 4) ? -1 : 0;
    case PX_OP_BUILD_INTERPOLATION:
        return (a & 4) ? -2 : -1;
    case PX_OP_BUILD_TEMPLATE:
        return -2 * (int)a;
    case PX_OP_UNPACK_SEQUENCE:
        return (int)a - 1;
    case PX_OP_UNPACK_EX:
        return (int)(a + b);
    case PX_OP_JUMP_IF_FALSE_OR_POP:
    case PX_OP_JUMP_IF_TRUE_OR_POP:
        return jump ? 0 : -1;
    case PX_OP_FOR_ITER:
        return jump ? -1 : 1;
    case PX_OP_CALL:
        return -(int)a;
    case PX_OP_CALL_KW:
    case PX_OP_CALL_METHOD:
        return -(int)a - 1;
    case PX_OP_CALL_METHOD_KW:
        return -(int)a - 2;
    case PX_OP_CALL_EX:
        return (a & 1) ? -2 : -1;
    case PX_OP_MAKE_FUNCTION:
        return -(int)((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1));
    case PX_OP_RAISE_VARARGS:
        return -(int)a;
    default:
        return 0;
    }
}

static bool is_terminal(px_opcode op) {
    return op == PX_OP_JUMP || op == PX_OP_RETURN_VALUE || op == PX_OP_RAISE_VARARGS ||
           op == PX_OP_RERAISE;
}

int px_op_stack_effect(px_opcode op, uint32_t a, uint32_t b, bool jump) {
    return stack_effect(op, a, b, jump);
}

bool px_op_is_terminal(px_opcode op) {
    return is_terminal(op);
}

static void adjust_depth(px_unit *u, px_opcode op, uint32_t a, uint32_t b) {
    u->depth += stack_effect(op, a, b, false);
    if (u->depth > u->maxdepth) {
        u->maxdepth = u->depth;
        if ((uint32_t)u->maxdepth >= PX_CODE_MAX_COUNT) { /* raised here: the line is the culprit's */
            too_large(u, "values on the stack at once", (size_t)u->maxdepth + 1, PX_CODE_MAX_COUNT);
        }
    }
    if (is_terminal(op)) {
        u->dead = true;
    }
}

/* Common start of every instruction; false if the code is unreachable. */
static bool begin(px_unit *u, px_opcode op) {
    if (u->dead) {
        return false;
    }
    mark_line(u);
    put_byte(u, (uint8_t)op);
    return true;
}

void px_emit_op(px_unit *u, px_opcode op) {
    if (begin(u, op)) {
        adjust_depth(u, op, 0, 0);
    }
}

void px_emit_u(px_unit *u, px_opcode op, uint32_t arg) {
    if (begin(u, op)) {
        put_uleb(u, arg);
        adjust_depth(u, op, arg, 0);
    }
}

void px_emit_uu(px_unit *u, px_opcode op, uint32_t a, uint32_t b) {
    if (begin(u, op)) {
        put_uleb(u, a);
        put_uleb(u, b);
        adjust_depth(u, op, a, b);
    }
}

void px_emit_s(px_unit *u, px_opcode op, int32_t arg) {
    if (begin(u, op)) {
        put_uleb(u, ((uint32_t)arg << 1) ^ (uint32_t)(arg >> 31));
        adjust_depth(u, op, 0, 0);
    }
}

/* Once a code object has this many cache slots, instructions with the same
 * opcode and name share one: a cache entry depends only on those and the
 * receiver's type, so sharing is safe (merely less effective), and huge
 * generated modules stay within the 16-bit slot count. */
#define PX_CACHE_SHARE_FROM 0xF000u

static uint32_t shared_cache_slot(px_unit *u, px_opcode op, uint32_t a) {
    /* Triples (op, name, slot + 1) in open addressing; kept half full. */
    if ((u->nshared + 1) * 2 > u->shared_cap) {
        uint32_t ncap = u->shared_cap ? u->shared_cap * 2 : 256;
        uint32_t *ns = px_gc_alloc((size_t)ncap * 3 * sizeof(uint32_t), PX_GC_LEAF);
        for (uint32_t i = 0; i < u->shared_cap; i++) {
            uint32_t *e = &u->shared[3 * i];
            if (e[2]) {
                uint32_t j = ((e[0] * 0x9E3779B1u) ^ (e[1] * 0x85EBCA6Bu)) & (ncap - 1);
                while (ns[3 * j + 2]) {
                    j = (j + 1) & (ncap - 1);
                }
                memcpy(&ns[3 * j], e, 3 * sizeof(uint32_t));
            }
        }
        u->shared = ns;
        u->shared_cap = ncap;
    }
    uint32_t mask = u->shared_cap - 1;
    uint32_t j = (((uint32_t)op * 0x9E3779B1u) ^ (a * 0x85EBCA6Bu)) & mask;
    for (; u->shared[3 * j + 2]; j = (j + 1) & mask) {
        if (u->shared[3 * j] == (uint32_t)op && u->shared[3 * j + 1] == a) {
            return u->shared[3 * j + 2] - 1;
        }
    }
    u->shared[3 * j] = (uint32_t)op;
    u->shared[3 * j + 1] = a;
    u->shared[3 * j + 2] = u->ncaches + 1;
    u->nshared++;
    return u->ncaches++;
}

void px_emit_cached(px_unit *u, px_opcode op, uint32_t a) {
    if (u->dead) {
        return;
    }
    uint32_t slot = u->ncaches < PX_CACHE_SHARE_FROM ? u->ncaches++ : shared_cache_slot(u, op, a);
    px_emit_uu(u, op, a, slot);
}

void px_emit_jump(px_unit *u, px_opcode op, int label) {
    if (!begin(u, op)) {
        return;
    }
    u->fixups = px_emit_grow(u->fixups, &u->fixups_cap, u->nfixups + 2, sizeof(uint32_t), PX_GC_LEAF);
    u->fixups[u->nfixups++] = u->len;
    u->fixups[u->nfixups++] = (uint32_t)label;
    put_byte(u, 0);
    put_byte(u, 0);
    put_byte(u, 0);
    px_label *l = &u->labels[label];
    int taken = u->depth + stack_effect(op, 0, 0, true);
    if (l->depth < 0) {
        l->depth = taken;
    }
    if (taken > u->maxdepth) {
        u->maxdepth = taken;
    }
    adjust_depth(u, op, 0, 0);
}

int px_label_new(px_unit *u) {
    u->labels = px_emit_grow(u->labels, &u->labels_cap, u->nlabels + 1, sizeof(px_label), PX_GC_LEAF);
    u->labels[u->nlabels].pos = -1;
    u->labels[u->nlabels].depth = -1;
    return (int)u->nlabels++;
}

void px_label_place(px_unit *u, int label) {
    px_label *l = &u->labels[label];
    l->pos = (int32_t)u->len;
    if (l->depth >= 0) {
        /* Reached by a jump: live again, at the jump's depth. */
        u->depth = l->depth;
        u->dead = false;
    } else if (!u->dead) {
        l->depth = u->depth;
    }
}

void px_label_place_handler(px_unit *u, int h) {
    px_handler *hd = &u->handlers[h];
    px_label *l = &u->labels[hd->label];
    l->pos = (int32_t)u->len;
    if (!hd->used) {
        u->dead = true;
        return;
    }
    l->depth = hd->depth + 1;
    u->depth = hd->depth + 1;
    if (u->depth > u->maxdepth) {
        u->maxdepth = u->depth;
    }
    u->dead = false;
}

/* ---- exception table: runs of instructions sharing the innermost handler */

int px_handler_new(px_unit *u, int label, int depth) {
    u->handlers = px_emit_grow(u->handlers, &u->handlers_cap, u->nhandlers + 1, sizeof(px_handler), PX_GC_LEAF);
    u->handlers[u->nhandlers].label = label;
    u->handlers[u->nhandlers].depth = depth;
    u->handlers[u->nhandlers].used = false;
    return (int)u->nhandlers++;
}

void px_handler_set(px_unit *u, int h) {
    if (h == u->cur_handler) {
        return;
    }
    if (u->cur_handler >= 0 && u->run_start < u->len) {
        u->handlers[u->cur_handler].used = true;
        px_exc_run *last = u->nruns ? &u->runs[u->nruns - 1] : NULL;
        if (last && last->handler == u->cur_handler && last->end == u->run_start) {
            last->end = u->len;
        } else {
            u->runs = px_emit_grow(u->runs, &u->runs_cap, u->nruns + 1, sizeof(px_exc_run), PX_GC_LEAF);
            u->runs[u->nruns].start = u->run_start;
            u->runs[u->nruns].end = u->len;
            u->runs[u->nruns].handler = u->cur_handler;
            u->nruns++;
        }
    }
    u->cur_handler = h;
    u->run_start = u->len;
}

/* ---- constants and names */

static bool const_same(px_val a, px_val b) {
    if (a == b) {
        return true;
    }
    if (!px_is_obj(a) || !px_is_obj(b)) {
        return false;
    }
    const px_type *t = px_type_of(a);
    if (t != px_type_of(b)) {
        return false;
    }
    if (t == &px_type_str) {
        return px_str_equal(a, b);
    }
    if (t == &px_type_bytes) {
        size_t la, lb;
        const uint8_t *da = px_bytes_data(a, &la), *db = px_bytes_data(b, &lb);
        return la == lb && memcmp(da, db, la) == 0;
    }
    if (t == &px_type_int) {
        return px_equal(a, b);
    }
    if (t == &px_type_tuple) {
        px_tuple *ta = px_tuple_ptr(a), *tb = px_tuple_ptr(b);
        if (ta->len != tb->len) {
            return false;
        }
        for (size_t i = 0; i < ta->len; i++) {
            if (!const_same(ta->items[i], tb->items[i])) {
                return false;
            }
        }
        return true;
    }
    return false;
}

/* A hash consistent with const_same: equal constants hash alike. */
static uint32_t const_hash(px_val v) {
    if (!px_is_obj(v)) {
        uint64_t x = (uint64_t)v;
        return (uint32_t)(x ^ (x >> 32)) * 0x9E3779B1u;
    }
    const px_type *t = px_type_of(v);
    if (t == &px_type_str) {
        return px_str_hash(v);
    }
    if (t == &px_type_bytes) {
        size_t len;
        const uint8_t *d = px_bytes_data(v, &len);
        return px_hash_bytes(d, len) ^ 0x5bd1e995u;
    }
    if (t == &px_type_int) {
        return px_map_key_hash(v);
    }
    if (t == &px_type_tuple) {
        px_tuple *tp = px_tuple_ptr(v);
        uint32_t h = 0x345678u + (uint32_t)tp->len;
        for (size_t i = 0; i < tp->len; i++) {
            h = (h ^ const_hash(tp->items[i])) * 1000003u;
        }
        return h;
    }
    uintptr_t x = (uintptr_t)v;
    return (uint32_t)(x ^ (x >> 16)) * 0x9E3779B1u;
}

/* Open-addressing index over a table of n entries: slots hold entry
 * index + 1 (0: empty); kept at most half full (PX_INDEX_FILL_QUARTERS). `hashof(i)` rehashes
 * entry i when the index grows. */
static uint32_t *index_grow(uint32_t *slots, uint32_t *cap, uint32_t n, uint32_t (*hashof)(px_unit *, uint32_t),
                            px_unit *u) {
    if ((n + 1) * 4 <= *cap * PX_INDEX_FILL_QUARTERS) {
        return slots;
    }
    uint32_t ncap = *cap ? *cap * 2 : 64;
    while ((n + 1) * 4 > ncap * PX_INDEX_FILL_QUARTERS) {
        ncap *= 2;
    }
    uint32_t *ns = px_gc_alloc((size_t)ncap * sizeof(uint32_t), PX_GC_LEAF);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = hashof(u, i) & (ncap - 1);
        while (ns[j]) {
            j = (j + 1) & (ncap - 1);
        }
        ns[j] = i + 1;
    }
    *cap = ncap;
    return ns;
}

static uint32_t const_hash_at(px_unit *u, uint32_t i) {
    return const_hash(u->consts[i]);
}

static uint32_t name_hash(px_qid q) {
    return (uint32_t)q * 0x9E3779B1u;
}

static uint32_t name_hash_at(px_unit *u, uint32_t i) {
    return name_hash(u->names[i]);
}

uint32_t px_const_index(px_unit *u, px_val v) {
    u->const_slots = index_grow(u->const_slots, &u->const_slots_cap, u->nconsts, const_hash_at, u);
    uint32_t mask = u->const_slots_cap - 1;
    uint32_t j = const_hash(v) & mask;
    for (; u->const_slots[j]; j = (j + 1) & mask) {
        uint32_t i = u->const_slots[j] - 1;
        if (const_same(u->consts[i], v)) {
            return i;
        }
    }
    u->consts = px_emit_grow(u->consts, &u->consts_cap, u->nconsts + 1, sizeof(px_val), 0);
    u->consts[u->nconsts] = v;
    u->const_slots[j] = u->nconsts + 1;
    return u->nconsts++;
}

uint32_t px_name_index(px_unit *u, px_qid name) {
    u->name_slots = index_grow(u->name_slots, &u->name_slots_cap, u->nnames, name_hash_at, u);
    uint32_t mask = u->name_slots_cap - 1;
    uint32_t j = name_hash(name) & mask;
    for (; u->name_slots[j]; j = (j + 1) & mask) {
        uint32_t i = u->name_slots[j] - 1;
        if (u->names[i] == name) {
            return i;
        }
    }
    u->names = px_emit_grow(u->names, &u->names_cap, u->nnames + 1, sizeof(px_qid), PX_GC_LEAF);
    u->names[u->nnames] = name;
    u->name_slots[j] = u->nnames + 1;
    return u->nnames++;
}

void px_emit_const(px_unit *u, px_val v) {
    if (u->dead) {
        return;
    }
    if (v == PX_NONE) {
        px_emit_op(u, PX_OP_LOAD_NONE);
    } else if (v == PX_TRUE) {
        px_emit_op(u, PX_OP_LOAD_TRUE);
    } else if (v == PX_FALSE) {
        px_emit_op(u, PX_OP_LOAD_FALSE);
    } else if (px_is_small(v) && px_small_get(v) >= -(1 << 20) && px_small_get(v) < (1 << 20)) {
        px_emit_s(u, PX_OP_LOAD_SMALL_INT, (int32_t)px_small_get(v));
    } else {
        px_emit_u(u, PX_OP_LOAD_CONST, px_const_index(u, v));
    }
}

/* ---- assembly */


/* A table that grew by doubling, cut to its n entries: a large block
 * gives its tail pages back where it is (px_gc_realloc), so the code
 * object keeps no spare room and no second copy is made. */
static void *fit(void *p, uint32_t n, uint32_t cap, size_t elsize, unsigned flags) {
    return p != NULL && n < cap ? px_gc_realloc(p, (n ? n : 1) * elsize, flags) : p;
}

/* The finished code object's tables sized exactly, and the unit's working
 * tables freed at once: a module's grow with it, and its unit stays on
 * the C stack (a root) while the module is compiled. */
static void release_unit(px_unit *u, px_code *code) {
    code->code = u->code = fit(u->code, u->len, u->cap, 1, PX_GC_LEAF);
    code->consts = u->consts = fit(u->consts, u->nconsts, u->consts_cap, sizeof(px_val), 0);
    code->names = u->names = fit(u->names, u->nnames, u->names_cap, sizeof(px_qid), PX_GC_LEAF);
    code->linetable = u->linetable = fit(u->linetable, u->linetable_len, u->linetable_cap, 1, PX_GC_LEAF);
    void *scratch[] = {u->labels, u->fixups, u->handlers, u->runs};
    for (size_t i = 0; i < sizeof scratch / sizeof scratch[0]; i++) {
        px_gc_free(scratch[i]);
    }
    u->const_slots = u->name_slots = u->fixups = u->shared = NULL;
    u->labels = NULL;
    u->handlers = NULL;
    u->runs = NULL;
    u->const_slots_cap = u->name_slots_cap = u->labels_cap = u->fixups_cap = u->handlers_cap = u->runs_cap = 0;
    u->shared_cap = u->nlabels = u->nfixups = u->nhandlers = u->nruns = u->nshared = 0;
}

px_code *px_emit_finish(px_unit *u) {
    px_handler_set(u, -1);
    if (u->len > PX_CODE_MAX_LEN) {
        too_large(u, "bytes of bytecode", u->len, PX_CODE_MAX_LEN);
    }
    /* the indexes of the constants and names are done with: given back
     * before the code is joined */
    void *indexes[] = {u->const_slots, u->name_slots, u->shared};
    for (size_t i = 0; i < sizeof indexes / sizeof indexes[0]; i++) {
        px_gc_free(indexes[i]);
    }
    u->const_slots = u->name_slots = u->shared = NULL;
    u->const_slots_cap = u->name_slots_cap = u->shared_cap = 0;
    join_code(u);
    for (uint32_t i = 0; i < u->nfixups; i += 2) {
        uint32_t at = u->fixups[i];
        px_label *l = &u->labels[u->fixups[i + 1]];
        uint32_t target = l->pos < 0 ? 0 : (uint32_t)l->pos;
        u->code[at] = (uint8_t)(target & 0xFF);
        u->code[at + 1] = (uint8_t)(target >> 8);
        u->code[at + 2] = (uint8_t)(target >> 16);
    }
    px_code *code = px_gc_alloc(sizeof(px_code), 0);
    code->base.type = &px_type_code;
    code->name = u->name;
    code->firstlineno = u->firstlineno;
    code->flags = u->flags;
    px_scope *s = u->scope;
    code->argcount = s->argcount;
    code->posonlycount = s->posonlycount;
    code->kwonlycount = s->kwonlycount;
    code->nlocals = (uint16_t)s->nvarnames;
    code->ncellvars = (uint16_t)s->ncellvars;
    code->nfreevars = (uint16_t)s->nfreevars;
    /* stacksize is maxdepth + 1 */
    if ((uint32_t)u->maxdepth >= PX_CODE_MAX_COUNT) {
        too_large(u, "values on the stack at once", (size_t)u->maxdepth + 1, PX_CODE_MAX_COUNT);
    }
    if (u->ncaches > PX_CODE_MAX_COUNT) {
        too_large(u, "attribute and global lookups", u->ncaches, PX_CODE_MAX_COUNT);
    }
    if (u->nruns > PX_CODE_MAX_COUNT) {
        too_large(u, "exception table entries", u->nruns, PX_CODE_MAX_COUNT);
    }
    code->stacksize = (uint16_t)(u->maxdepth + 1);
    code->ncaches = (uint16_t)u->ncaches;
    code->code_len = u->len;
    code->code = u->code;
    code->nconsts = u->nconsts;
    code->consts = u->consts;
    code->nnames = u->nnames;
    code->names = u->names;
    code->varnames = s->varnames;
    uint32_t ncells = s->ncellvars + s->nfreevars;
    code->cellnames = px_gc_alloc((ncells + 1) * sizeof(px_qid), PX_GC_LEAF);
    for (uint32_t i = 0; i < s->ncellvars; i++) {
        code->cellnames[i] = s->cellvars[i];
    }
    for (uint32_t i = 0; i < s->nfreevars; i++) {
        code->cellnames[s->ncellvars + i] = s->freevars[i];
    }
    code->linetable = u->linetable;
    code->linetable_len = u->linetable_len;
    px_exc_entry *tab = px_gc_alloc((u->nruns + 1) * sizeof(px_exc_entry), PX_GC_LEAF);
    for (uint32_t i = 0; i < u->nruns; i++) {
        px_handler *h = &u->handlers[u->runs[i].handler];
        tab[i].start = u->runs[i].start;
        tab[i].end = u->runs[i].end;
        tab[i].handler = (uint32_t)u->labels[h->label].pos;
        tab[i].depth = (uint32_t)h->depth;
    }
    code->nexc = (uint16_t)u->nruns;
    code->exctable = tab;
    /* The flow pass the loader's verifier uses (verify.c), so that the
     * stacksize the VM trusts is an upper bound even if the depth tracked
     * while emitting were off somewhere. */
    const char *why = NULL;
    uint32_t *starts = px_code_starts_new(code); /* every jump goes to a label */
    for (uint32_t i = 0; i < u->nlabels; i++) {
        if (u->labels[i].pos >= 0) {
            px_code_starts_mark(starts, code->code_len, (uint32_t)u->labels[i].pos);
        }
    }
    int32_t flow = px_code_stack_depth_at(code, starts, &why);
#if PX_HAS_COMPILER_DEBUG
    if (px_compile_dis && flow != u->maxdepth) {
        px_printf(&px_out_stderr, "stack depth: tracked %d, flow %d in %s\n", (int)u->maxdepth, (int)flow,
                  px_qstr_str(u->name));
    }
#endif
    if (flow < 0) { /* a compiler bug, reported rather than trusted */
        px_ast_node at = {0};
        at.lineno = u->firstlineno;
        px_ast_error(u->mod, &at, &px_type_SyntaxError, "internal compiler error in '%s': %s (please report it)",
                     px_qstr_str(u->name), why);
    }
    if (flow > u->maxdepth) {
        code->stacksize = (uint16_t)(flow + 1);
    }
    release_unit(u, code);
    return code;
}
