/* The bytecode: the contract between the compiler (compiler/) and the VM
 * (vm/). A code object holds one function's (or module's, or class
 * body's) instructions, constants and tables.
 *
 * Instruction encoding: one opcode byte, then its operands:
 *   U  one unsigned LEB128 varint
 *   UU two varints
 *   S  one signed varint (zigzag: 0,-1,1,-2,... -> 0,1,2,3,...)
 *   J  a jump target: 3 bytes, little-endian, absolute offset in `code`
 *      (so a code object is at most 64 KiB; the compiler raises
 *      SyntaxError "code too large" beyond that)
 *   UJ a varint then a jump target
 *
 * Stack effects are written [before] -> [after], top of stack last.
 * "NULL" is PX_NULL on the value stack.
 *
 * Exceptions use a table, not setup/pop opcodes: when an instruction at
 * offset `pc` raises, the VM takes the first entry of `exctable` with
 * start <= pc < end (the compiler lists inner ranges before outer ones),
 * pops the value stack down to `depth` items, pushes the exception and
 * jumps to `handler`. No entry: the frame is left and the exception
 * propagates to the caller, with a traceback entry (file, line, function)
 * added for this frame.
 *
 * Handler shape for `try: B  except E as e: H` (depth d at `try`):
 *     B                        ; range -> L1, depth d
 *     JUMP end
 *   L1: PUSH_EXC_INFO          ; [exc] -> [prev, exc]; the handled exception is now exc
 *     DUP_TOP; <E>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE L2   ; range L1.. -> L3, depth d+1
 *     STORE e; H; (e = None; del e)
 *     POP_EXCEPT               ; [prev] -> []; the handled exception is prev again
 *     JUMP end
 *   L2: RERAISE                ; no handler matched: re-raise exc
 *   L3: SWAP 2; POP_EXCEPT; RERAISE   ; an exception inside the handler
 * `finally` bodies are emitted inline on each normal exit path (fall
 * through, return, break, continue) and once as a handler that ends in
 * RERAISE. `with` calls exit(None, None, None) on normal exit, and on an
 * exception WITH_EXCEPT_START then re-raises unless the result is true.
 *
 * Frames: locals[0..nlocals) hold the arguments first (positional,
 * keyword-only, then *args, then **kwargs), then the other locals; then
 * cells[0..ncellvars) are new empty cells made at frame entry and
 * cells[ncellvars..ncellvars+nfreevars) are the closure's cells. An
 * argument that is captured by an inner function is copied into its cell
 * by code the compiler emits at the start (LOAD_FAST a; STORE_DEREF c).
 *
 * Class bodies run with a namespace dict as their locals (LOAD_NAME and
 * STORE_NAME). If a method uses super() or __class__, the body has a
 * cellvar `__class__` and returns that cell (LOAD_CLOSURE; RETURN_VALUE);
 * __build_class__ fills it with the new class. Otherwise it returns None.
 *
 * Comprehensions and generator expressions are nested functions taking
 * the outermost iterator as their single argument (named ".0").
 */
#ifndef PX_BYTECODE_H
#define PX_BYTECODE_H

#include "../object.h"

/* X(name, operands) */
#define PX_OPCODES(X)                                                                          \
    X(NOP, N)                                                                                  \
    /* stack */                                                                                \
    X(POP_TOP, N)           /* [a] -> [] */                                                    \
    X(DUP_TOP, N)           /* [a] -> [a, a] */                                                \
    X(DUP_TOP_TWO, N)       /* [a, b] -> [a, b, a, b] */                                       \
    X(ROT_TWO, N)           /* [a, b] -> [b, a] */                                             \
    X(ROT_THREE, N)         /* [a, b, c] -> [c, a, b] */                                       \
    X(ROT_FOUR, N)          /* [a, b, c, d] -> [d, a, b, c] */                                 \
    X(COPY, U)              /* COPY i: push a copy of the i-th item (1 = top) */               \
    X(SWAP, U)              /* SWAP i: swap top with the i-th item (i >= 2) */                 \
    /* constants */                                                                            \
    X(LOAD_CONST, U)        /* [] -> [consts[i]] */                                            \
    X(LOAD_SMALL_INT, S)    /* [] -> [int] */                                                  \
    X(LOAD_NONE, N)                                                                            \
    X(LOAD_TRUE, N)                                                                            \
    X(LOAD_FALSE, N)                                                                           \
    X(LOAD_NULL, N)         /* [] -> [NULL] */                                                 \
    /* variables; name operands index `names`, fast/deref operands index locals/cells */     \
    X(LOAD_FAST, U)         /* UnboundLocalError if unset */                                   \
    X(STORE_FAST, U)                                                                           \
    X(DELETE_FAST, U)                                                                          \
    /* a local that is the target of `x += ...`: loads disown an owned str/bytes (see      */   \
    /* px_text_iadd); INPLACE_ADD_FAST i: [lhs, rhs] -> [], locals[i] = lhs += rhs         */   \
    X(LOAD_FAST_ESC, U)                                                                        \
    X(INPLACE_ADD_FAST, U)                                                                     \
    X(LOAD_DEREF, U)        /* contents of cells[i]; NameError/UnboundLocalError if empty */   \
    X(STORE_DEREF, U)                                                                          \
    X(DELETE_DEREF, U)                                                                         \
    X(LOAD_CLOSURE, U)      /* [] -> [cells[i] itself] */                                      \
    X(LOAD_CLASSDEREF, UU)  /* class body: names[a] from the namespace, else cells[b] */       \
    X(LOAD_NAME, U)         /* namespace, then globals, then builtins */                       \
    X(STORE_NAME, U)                                                                           \
    X(DELETE_NAME, U)                                                                          \
    X(LOAD_GLOBAL, UU)      /* names[a], inline cache slot b; globals then builtins */         \
    X(STORE_GLOBAL, U)                                                                         \
    X(DELETE_GLOBAL, U)                                                                        \
    X(LOAD_ATTR, UU)        /* [obj] -> [obj.names[a]], cache slot b */                        \
    X(STORE_ATTR, UU)       /* [value, obj] -> [], obj.names[a] = value, cache slot b */       \
    X(DELETE_ATTR, U)       /* [obj] -> [] */                                                  \
    X(LOAD_METHOD, UU)      /* [obj] -> [meth, self] or [attr, NULL], cache slot b */          \
    X(BINARY_SUBSCR, N)     /* [obj, key] -> [obj[key]] */                                     \
    X(STORE_SUBSCR, N)      /* [value, obj, key] -> [] */                                      \
    X(DELETE_SUBSCR, N)     /* [obj, key] -> [] */                                             \
    X(LOAD_ASSERTION_ERROR, N)                                                                 \
    X(LOAD_BUILD_CLASS, N)  /* [] -> [__build_class__] */                                      \
    /* operators */                                                                            \
    X(UNARY_OP, U)          /* px_unop: NEG, POS, INVERT or NOT */                             \
    X(BINARY_OP, U)         /* [a, b] -> [a op b], px_binop ADD..IXOR */                       \
    X(COMPARE_OP, U)        /* [a, b] -> [a op b], px_binop LT..GE */                          \
    X(IS_OP, U)             /* [a, b] -> [a is b] (U=1: is not) */                             \
    X(CONTAINS_OP, U)       /* [a, b] -> [a in b] (U=1: not in) */                             \
    /* building */                                                                             \
    X(BUILD_TUPLE, U)       /* [x1..xn] -> [tuple] */                                          \
    X(BUILD_LIST, U)                                                                           \
    X(BUILD_SET, U)                                                                            \
    X(BUILD_MAP, U)         /* [k1, v1, .. kn, vn] -> [dict] */                                \
    X(BUILD_SLICE, U)       /* [start, stop] or [start, stop, step] -> [slice] */              \
    X(BUILD_STRING, U)      /* [s1..sn] -> [s1 + .. + sn] */                                   \
    X(LIST_APPEND, U)       /* [list, ..(i-1 items).., x] -> [list, ..]: list is i-th from top after pop */ \
    X(SET_ADD, U)                                                                              \
    X(MAP_ADD, U)           /* [dict, .., k, v] -> [dict, ..] */                               \
    X(LIST_EXTEND, U)       /* [list, .., iterable] -> [list, ..] */                           \
    X(SET_UPDATE, U)                                                                           \
    X(DICT_UPDATE, U)       /* {**d} */                                                        \
    X(DICT_MERGE, U)        /* f(**d): TypeError on a repeated keyword */                      \
    X(LIST_TO_TUPLE, N)                                                                        \
    X(FORMAT_VALUE, U)      /* U&3: 0 none, 1 !s, 2 !r, 3 !a; U&4: spec on top. [v, spec?] -> [str] */ \
    X(BUILD_INTERPOLATION, U) /* t-strings: U&3 conversion, U&4 spec: [value, expr_str, spec?] -> [Interpolation] */ \
    X(BUILD_TEMPLATE, U)    /* [s0, i1, s1, .., in, sn] (2n+1 items, U = n) -> [Template] */  \
    X(UNPACK_SEQUENCE, U)   /* [seq] -> [xn .. x1] (x1 on top) */                              \
    X(UNPACK_EX, UU)        /* a before the star, b after: [seq] -> [after.., list, before..] */ \
    /* control flow */                                                                         \
    X(JUMP, J)                                                                                 \
    X(POP_JUMP_IF_FALSE, J)                                                                    \
    X(POP_JUMP_IF_TRUE, J)                                                                     \
    X(JUMP_IF_FALSE_OR_POP, J)                                                                 \
    X(JUMP_IF_TRUE_OR_POP, J)                                                                  \
    X(POP_JUMP_IF_NONE, J)                                                                     \
    X(POP_JUMP_IF_NOT_NONE, J)                                                                 \
    X(GET_ITER, N)          /* [obj] -> [iter] */                                              \
    X(FOR_ITER, J)          /* [iter] -> [iter, next] or, exhausted, [] and jump */           \
    X(RETURN_VALUE, N)                                                                         \
    /* calls; kwnames is a tuple of str consts */                                              \
    X(CALL, U)              /* [f, a1..an] -> [result] */                                      \
    X(CALL_KW, U)           /* [f, a1..an, kwnames] -> [result]; the last len(kwnames) of the n are keywords */ \
    X(CALL_METHOD, U)       /* [meth, self|NULL, a1..an] -> [result] */                        \
    X(CALL_METHOD_KW, U)    /* [meth, self|NULL, a1..an, kwnames] -> [result] */               \
    X(CALL_EX, U)           /* [f, args_tuple, kwargs_dict if U&1] -> [result] */              \
    X(MAKE_FUNCTION, U)     /* [defaults if U&1, kwdefaults if U&2, closure if U&4, code] -> [func] */ \
    /* exceptions */                                                                           \
    X(RAISE_VARARGS, U)     /* U=0 re-raise the handled exception, 1 [exc], 2 [exc, cause] */  \
    X(RERAISE, N)           /* [exc] -> raise exc again (keeps its traceback) */               \
    X(PUSH_EXC_INFO, N)     /* [exc] -> [prev_handled, exc]; handled = exc */                  \
    X(POP_EXCEPT, N)        /* [prev] -> []; handled = prev */                                 \
    X(CHECK_EXC_MATCH, N)   /* [exc, type] -> [exc, bool] */                                   \
    X(CHECK_EG_MATCH, N)    /* except*: [rest, type] -> [rest', match or None]; handled = match */ \
    X(PREP_RERAISE_STAR, N) /* except*: [orig, raised list] -> [what goes on, or None] */      \
    X(BEFORE_WITH, N)       /* [ctx] -> [bound __exit__, ctx.__enter__()] */                   \
    X(WITH_EXCEPT_START, N) /* [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)] */  \
    /* generators and coroutines */                                                            \
    X(YIELD_VALUE, N)       /* [v] -> suspend yielding v; on resume [sent] */                  \
    X(GET_YIELD_FROM_ITER, N)                                                                  \
    X(YIELD_FROM, N)        /* [iter, sent] -> delegate (suspends here while iter yields) -> [result] */ \
    X(GET_AWAITABLE, N)     /* [obj] -> [iterator of obj.__await__() or the coroutine] */      \
    X(GET_AITER, N)                                                                            \
    X(GET_ANEXT, N)         /* [aiter] -> [aiter, awaitable] */                                \
    X(END_ASYNC_FOR, N)     /* [aiter, exc] -> [] if exc is StopAsyncIteration, else re-raise */ \
    X(BEFORE_ASYNC_WITH, N) /* [ctx] -> [bound __aexit__, awaitable of __aenter__()] */        \
    /* modules */                                                                              \
    X(IMPORT_NAME, U)       /* [level, fromlist] -> [module] */                                \
    X(IMPORT_FROM, U)       /* [module] -> [module, attr] (ImportError if missing) */          \
    X(IMPORT_STAR, N)       /* [module] -> [] */                                               \
    X(PRINT_EXPR, N)        /* REPL: [v] -> [], print repr(v) unless None, store in `_` */

typedef enum {
#define PX_X(name, ops) PX_OP_##name,
    PX_OPCODES(PX_X)
#undef PX_X
    PX_OP__COUNT
} px_opcode;

enum {
    PX_CODE_VARARGS = 1 << 0,   /* has *args */
    PX_CODE_VARKEYWORDS = 1 << 1,
    PX_CODE_GENERATOR = 1 << 2,
    PX_CODE_COROUTINE = 1 << 3, /* async def */
    PX_CODE_ASYNC_GENERATOR = 1 << 4,
    PX_CODE_CLASSBODY = 1 << 5,
    PX_CODE_MODULE = 1 << 6,    /* module level / exec: uses LOAD_NAME with namespace = globals */
    PX_CODE_NESTED = 1 << 7,    /* has free variables */
    /* Derived, not stored in .mpy files nor listed by the disassembler:
     * some jump goes backward (set by px_code_stack_depth). */
    PX_CODE_LOOPS = 1 << 8,
    /* Runtime only, not stored either: its inline caches did not fit in
     * the heap when it first ran, so it runs without (vm/frames.c). */
    PX_CODE_NO_CACHES = 1 << 9,
};

typedef struct {
    uint32_t start, end; /* [start, end) instruction offsets */
    uint32_t handler;
    uint32_t depth;      /* value-stack depth at the handler, before the exception is pushed */
} px_exc_entry;

/* Counts stored in 16 bits below (locals, cells, free variables,
 * parameters, stack size, cache slots, exception table entries); the
 * compiler raises SyntaxError for code that needs more. Constants and
 * names are 32-bit counts; jump targets 24-bit offsets. */
#define PX_CODE_MAX_COUNT 0xFFFFu

typedef struct px_code {
    px_obj base; /* &px_type_code */
    px_qid name;
    px_qid filename;
    uint32_t firstlineno;
    uint16_t flags;
    uint16_t argcount;     /* positional parameters, positional-only ones included */
    uint16_t posonlycount;
    uint16_t kwonlycount;
    uint16_t nlocals;      /* parameters (incl. *args, **kwargs) first */
    uint16_t ncellvars;
    uint16_t nfreevars;
    uint16_t stacksize;    /* the most values on the stack at once */
    uint16_t ncaches;      /* inline cache slots used by LOAD_GLOBAL/LOAD_ATTR/STORE_ATTR/LOAD_METHOD */
    uint16_t nexc;
    uint32_t code_len;
    uint32_t nconsts;
    uint32_t nnames;
    uint32_t linetable_len;
    const uint8_t *code;
    px_val *consts;         /* nested code objects are constants too */
    px_qid *names;
    px_qid *varnames;       /* nlocals names */
    px_qid *cellnames;      /* ncellvars + nfreevars names */
    const uint8_t *linetable; /* pairs (uleb offset delta, zigzag line delta) from (0, firstlineno) */
    const px_exc_entry *exctable;
    void *caches;           /* owned by the VM: made on first run (vm/frame.h, px_vm_want_caches) */
} px_code;

/* Instruction helpers shared by the compiler, the VM and the disassembler. */
static inline uint32_t px_read_uleb(const uint8_t **pp) {
    const uint8_t *p = *pp;
    uint32_t v = 0;
    unsigned shift = 0;
    uint8_t b;
    do {
        b = *p++;
        v |= (uint32_t)(b & 0x7F) << shift;
        shift += 7;
    } while (b & 0x80);
    *pp = p;
    return v;
}
static inline int32_t px_read_sleb_zigzag(const uint8_t **pp) {
    uint32_t u = px_read_uleb(pp);
    return (int32_t)(u >> 1) ^ -(int32_t)(u & 1);
}
static inline uint32_t px_read_jump(const uint8_t **pp) {
    const uint8_t *p = *pp;
    *pp = p + 3;
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16);
}

/* Stack effect of an instruction on the fall-through path (jump: when
 * the jump is taken), and whether control never falls through it. */
int px_op_stack_effect(px_opcode op, uint32_t a, uint32_t b, bool jump);
bool px_op_is_terminal(px_opcode op);

/* Check a code object that did not come from the compiler (marshal.loads)
 * before the VM trusts it: operands inside the code, indexes inside their
 * tables, jumps and handlers at instruction starts, line and exception
 * tables well-formed, the stack never below empty; sets stacksize from a
 * flow pass. NULL if sound, else what is wrong. Nested code objects are
 * checked by whoever built them. Not a proof of type safety: bytecode
 * made up to pass these checks can still hand an instruction a value of
 * the wrong type. */
const char *px_code_verify(px_code *code);

/* The deepest operand stack on any path through the code (stacksize is one
 * more), or -1 with *why set when a path underflows the stack, exceeds
 * 65,535 values, runs off the end, or reaches an instruction at a depth
 * another path reached it at differently. Linear in the code. The
 * compiler checks its own output with it too. Sets or clears
 * PX_CODE_LOOPS in code->flags. */
int32_t px_code_stack_depth(px_code *code, const char **why);
/* The same with the starts given: a bitmap from px_code_starts_new (the
 * entry and the handlers marked) in which the caller marked every jump
 * target (the compiler knows its labels); freed by the pass. */
uint32_t *px_code_starts_new(const px_code *code);
static inline void px_code_starts_mark(uint32_t *bm, uint32_t len, uint32_t off) {
    if (off < len) {
        bm[off >> 5] |= 1u << (off & 31);
    }
}
int32_t px_code_stack_depth_at(px_code *code, uint32_t *starts, const char **why);

/* Line number of the instruction at `offset`. */
uint32_t px_code_line(const px_code *code, uint32_t offset);
/* Opcode names, for the disassembler. */
extern const char *const px_opcode_names[PX_OP__COUNT];

#endif
