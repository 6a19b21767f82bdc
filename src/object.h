/* The object model: every heap or static object starts with a px_obj header
 * holding its type. Built-in types, their method tables and built-in
 * modules are `static const` data (ROM on an MCU); user classes are heap
 * objects with the same px_type layout at their start.
 */
#ifndef PX_OBJECT_H
#define PX_OBJECT_H

#include "value.h"
#include "names.h" /* generated: PX_Q(name) */

typedef struct px_type px_type;
typedef struct px_obj {
    const px_type *type;
} px_obj;

/* ---- maps: the hash table behind dict, module globals, class and
 * instance namespaces. Insertion-ordered. Const maps (built-in method
 * tables, built-in module globals) have qstr keys sorted by qid, which is
 * the byte order of the names (the generator numbers names that way). */
typedef struct {
    px_val key; /* PX_NULL: deleted slot */
    px_val value;
} px_map_entry;

enum { PX_MAP_CONST = 1, PX_MAP_SORTED = 2, PX_MAP_WATCHED = 4 };

/* Caches (the VM's inline caches, the type attribute cache) may rely on
 * the key set of a watched map: class namespaces and module globals that
 * a cache has looked in. Adding or removing a key of a watched map, and
 * starting to watch one, bumps px_cache_epoch; a cache entry is valid only
 * at the epoch it was filled at. Overwriting a value does not bump it:
 * caches read values through the map entry. 64 bits: it never wraps. */
extern uint64_t px_cache_epoch;

typedef struct px_map {
    uint32_t count; /* live entries */
    uint32_t used;  /* entries[0..used) in use, deleted ones included */
    uint32_t alloc; /* capacity of entries; 0 for const maps */
    uint32_t flags;
    px_map_entry *entries;
    uint32_t *index; /* open-addressing index into entries, or NULL */
} px_map;

#define PX_CONST_MAP(cname, table)                                                            \
    const px_map cname = {sizeof(table) / sizeof((table)[0]), sizeof(table) / sizeof((table)[0]), \
                          0, PX_MAP_CONST | PX_MAP_SORTED, (px_map_entry *)(table), NULL}
#define PX_ENTRY(name, val) {PX_QSTR_CONST(PX_Q(name)), (val)}
#define PX_ENTRY_OBJ(name, obj) {PX_QSTR_CONST(PX_Q(name)), PX_OBJ_CONST(obj)}

/* ---- output sinks: repr/str/print write through these. */
typedef struct px_out {
    void (*write)(void *ctx, const char *s, size_t n);
    void *ctx;
} px_out;

typedef enum { PX_PRINT_STR, PX_PRINT_REPR } px_print_kind;

/* ---- buffer protocol */
typedef struct {
    void *data;
    size_t len;    /* in bytes */
    char typecode; /* struct/array item code, 'B' for plain bytes */
    bool readonly;
} px_buffer;
enum { PX_BUF_READ = 0, PX_BUF_WRITE = 1 };

/* ---- operators */
typedef enum {
    PX_UNOP_NEG,
    PX_UNOP_POS,
    PX_UNOP_INVERT,
    PX_UNOP_NOT, /* handled by the runtime through BOOL; never reaches a slot */
    PX_UNOP_BOOL,  /* slot returns PX_TRUE/PX_FALSE */
    PX_UNOP_LEN,   /* slot returns a small int */
    PX_UNOP_HASH,  /* slot returns a small int */
    PX_UNOP_ABS,
    PX_UNOP_INT,   /* __int__ */
    PX_UNOP_FLOAT, /* __float__ */
    PX_UNOP_INDEX, /* __index__ */
    PX_UNOP__COUNT
} px_unop;

/* Binary operators. The in-place forms follow the plain ones in the same
 * order: PX_BINOP_IADD + k is the in-place form of PX_BINOP_ADD + k.
 * Comparisons come after. */
typedef enum {
    PX_BINOP_ADD,
    PX_BINOP_SUB,
    PX_BINOP_MUL,
    PX_BINOP_MATMUL,
    PX_BINOP_TRUEDIV,
    PX_BINOP_FLOORDIV,
    PX_BINOP_MOD,
    PX_BINOP_POW,
    PX_BINOP_LSHIFT,
    PX_BINOP_RSHIFT,
    PX_BINOP_AND,
    PX_BINOP_OR,
    PX_BINOP_XOR,
    PX_BINOP_IADD,
    PX_BINOP_ISUB,
    PX_BINOP_IMUL,
    PX_BINOP_IMATMUL,
    PX_BINOP_ITRUEDIV,
    PX_BINOP_IFLOORDIV,
    PX_BINOP_IMOD,
    PX_BINOP_IPOW,
    PX_BINOP_ILSHIFT,
    PX_BINOP_IRSHIFT,
    PX_BINOP_IAND,
    PX_BINOP_IOR,
    PX_BINOP_IXOR,
    PX_BINOP_LT,
    PX_BINOP_LE,
    PX_BINOP_EQ,
    PX_BINOP_NE,
    PX_BINOP_GT,
    PX_BINOP_GE,
    PX_BINOP_CONTAINS, /* binop(CONTAINS, container, item): only on type(container) */
    PX_BINOP__COUNT
} px_binop;
#define PX_BINOP_INPLACE_DELTA (PX_BINOP_IADD - PX_BINOP_ADD)

/* ---- type objects.
 * Every slot may be NULL (not supported). Calling conventions:
 *  - argc/argv/kwnames: argv[0..argc) are positional; if kwnames is a
 *    tuple of n names (str), argv[argc..argc+n) are their values.
 *  - make: construct an instance (type(...) call), `type` may be a subclass
 *  - unop/binop return PX_NOTIMPL when they do not handle the operand(s).
 *    binop is tried on type(lhs), then on type(rhs) with the same argument
 *    order (like CPython's number slots), so it must check which side is
 *    its own type. Comparisons return PX_TRUE/PX_FALSE or PX_NOTIMPL.
 *  - getattr: attributes not found in the type's dict chain (e.g.
 *    complex.real); returns PX_NULL when absent (no exception).
 *  - setattr: value PX_DELETE deletes; returns false if unsupported.
 *  - subscr: value PX_NULL loads (returns the item), PX_DELETE deletes,
 *    anything else stores; store/delete return PX_NONE.
 *  - iter returns an iterator; next returns PX_NULL when exhausted.
 */
struct px_type {
    px_obj base; /* &px_type_type */
    px_qid name;
    uint16_t flags;
    const px_type *base_type; /* primary base; NULL only for object */
    px_val bases;             /* tuple, or PX_NULL for built-ins (base_type implied) */
    px_val mro;               /* tuple, or PX_NULL for built-ins (base_type chain) */
    const px_map *dict;       /* methods and class attributes */
    px_val (*make)(const px_type *type, size_t argc, const px_val *argv, px_val kwnames);
    void (*print)(px_out *out, px_val self, px_print_kind kind);
    px_val (*call)(px_val self, size_t argc, const px_val *argv, px_val kwnames);
    px_val (*unop)(px_unop op, px_val self);
    px_val (*binop)(px_binop op, px_val lhs, px_val rhs);
    px_val (*getattr)(px_val self, px_qid name);
    bool (*setattr)(px_val self, px_qid name, px_val value);
    px_val (*subscr)(px_val self, px_val index, px_val value);
    px_val (*iter)(px_val self);
    px_val (*next)(px_val self);
    bool (*buffer)(px_val self, px_buffer *buf, unsigned flags);
    void (*finalize)(px_obj *self); /* called by the GC for objects allocated with PX_GC_FINALIZE */
    const void *proto;               /* type-specific protocol table (streams, ...) */
};

enum {
    PX_TF_BASETYPE = 1 << 0,  /* may be subclassed */
    PX_TF_HEAPTYPE = 1 << 1,  /* a user class (px_class) */
    PX_TF_EXCEPTION = 1 << 2, /* BaseException or a subclass */
    PX_TF_ITERATOR = 1 << 3,  /* iter() returns self */
    PX_TF_UNHASHABLE = 1 << 4,
    PX_TF_REINIT = 1 << 5,    /* a subclass with its own __init__ starts from make(t, 0 args);
                                 super().__init__(args) makes the native again */
};

/* Built-in functions and methods. `owner` is set for methods of a
 * built-in type: when self is an instance of a user subclass of that type,
 * the runtime passes the native object inside it instead. */
typedef px_val (*px_fn0)(void);
typedef px_val (*px_fn1)(px_val);
typedef px_val (*px_fn2)(px_val, px_val);
typedef px_val (*px_fn3)(px_val, px_val, px_val);
typedef px_val (*px_fnv)(size_t argc, const px_val *argv);
typedef px_val (*px_fnkw)(size_t argc, const px_val *argv, px_val kwnames);

enum { PX_BK_0, PX_BK_1, PX_BK_2, PX_BK_3, PX_BK_VAR, PX_BK_KW };

typedef struct px_builtin {
    px_obj base; /* &px_type_builtin */
#if PX_PACKED_BUILTINS
    /* 16 bytes on a 32-bit board, not 20: the name is a name known at
     * build time (below 65536, call.c asserts), kind and min_args share a
     * byte (a min_args over 31 does not compile) */
    uint16_t name;
    uint8_t kind : 3;
    uint8_t min_args : 5;
#else
    px_qid name;
    uint8_t kind;     /* PX_BK_* */
    uint8_t min_args; /* positional, self included (VAR and KW) */
#endif
    uint8_t max_args; /* positional, self included; 255 = unlimited */
    const px_type *owner;
    union {
        px_fn0 f0;
        px_fn1 f1;
        px_fn2 f2;
        px_fn3 f3;
        px_fnv fv;
        px_fnkw fkw;
    } fn;
} px_builtin;

extern const px_type px_type_builtin;

#define PX_FUN0(c, name, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_0, 0, 0, NULL, {.f0 = f}}
#define PX_FUN1(c, name, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_1, 1, 1, NULL, {.f1 = f}}
#define PX_FUN2(c, name, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_2, 2, 2, NULL, {.f2 = f}}
#define PX_FUN3(c, name, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_3, 3, 3, NULL, {.f3 = f}}
#define PX_FUNV(c, name, lo, hi, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_VAR, lo, hi, NULL, {.fv = f}}
#define PX_FUNKW(c, name, lo, hi, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_KW, lo, hi, NULL, {.fkw = f}}
/* Methods: the owner type is the type of self. */
#define PX_METH1(c, owner, name, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_1, 1, 1, owner, {.f1 = f}}
#define PX_METH2(c, owner, name, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_2, 2, 2, owner, {.f2 = f}}
#define PX_METH3(c, owner, name, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_3, 3, 3, owner, {.f3 = f}}
#define PX_METHV(c, owner, name, lo, hi, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_VAR, lo, hi, owner, {.fv = f}}
#define PX_METHKW(c, owner, name, lo, hi, f) const px_builtin c = {{&px_type_builtin}, PX_Q(name), PX_BK_KW, lo, hi, owner, {.fkw = f}}
#define PX_ARGS_MAX 255

/* staticmethod / classmethod wrappers; static instances of these appear in
 * built-in type dicts (e.g. dict.fromkeys, int.from_bytes). */
typedef struct {
    px_obj base;
    px_val func;
} px_wrapper;
extern const px_type px_type_staticmethod, px_type_classmethod;
#define PX_CLASSMETHOD(c, fun) const px_wrapper c = {{&px_type_classmethod}, PX_OBJ_CONST(fun)}
#define PX_STATICMETHOD(c, fun) const px_wrapper c = {{&px_type_staticmethod}, PX_OBJ_CONST(fun)}

/* Instances of user classes. `native` is the built-in object a class
 * derived from a built-in type (list, dict, Exception, int, ...) wraps, or
 * PX_NULL. */
typedef struct px_instance {
    px_obj base;
    px_val native;
    px_map dict;
} px_instance;

/* A user class: a px_type followed by what only classes need. */
typedef struct px_class {
    px_type type;
    const px_type *native_base; /* first built-in base other than object, or NULL */
    px_map attrs;               /* the class namespace; type.dict points here */
    px_val qualname;
    /* Attributes its instances have had at most (bounded): the room a new
     * instance gets for them in its own block (instance.c). */
    uint32_t inst_room;
} px_class;

/* Modules: built-in ones are static const with a const globals map. */
typedef struct px_module {
    px_obj base; /* &px_type_module */
    px_map *globals;
} px_module;
#define PX_MODULE(c, globals_map) const px_module c = {{&px_type_module}, (px_map *)&(globals_map)}

/* ---- the core built-in types (defined across objects/ and runtime/) */
#if PX_HAS_FLOAT
extern const px_type px_type_float; /* a build without floats has no float type */
#endif
extern const px_type px_type_type, px_type_object, px_type_none, px_type_bool, px_type_int,
    px_type_complex, px_type_str, px_type_bytes, px_type_bytearray,
    px_type_memoryview, px_type_tuple, px_type_list, px_type_dict, px_type_set, px_type_frozenset,
    px_type_range, px_type_slice, px_type_ellipsis, px_type_notimpl, px_type_module,
    px_type_function, px_type_code, px_type_cell, px_type_bound_method, px_type_generator,
    px_type_coroutine, px_type_property, px_type_super, px_type_traceback, px_type_frame;

static inline const px_type *px_type_of(px_val v) {
    if (px_is_obj(v)) {
        return ((const px_obj *)px_as_ptr(v))->type;
    }
    if (px_is_small(v)) {
        return &px_type_int;
    }
    if (px_is_qstr(v)) {
        return &px_type_str;
    }
#if PX_HAS_FLOAT
    if (px_is_float_imm(v)) {
        return &px_type_float;
    }
#endif
    switch (v) {
    case PX_NONE:
        return &px_type_none;
    case PX_TRUE:
    case PX_FALSE:
        return &px_type_bool;
    case PX_ELLIPSIS:
        return &px_type_ellipsis;
    default:
        return &px_type_notimpl;
    }
}

/* Exact type test for heap/static objects. */
static inline bool px_is_type(px_val v, const px_type *t) {
    return px_is_obj(v) && ((const px_obj *)px_as_ptr(v))->type == t;
}

#endif
