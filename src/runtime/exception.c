/* Exception objects and types: the CPython hierarchy as static const
 * types, args/str/repr, chaining, traceback entries, and printing an
 * uncaught exception the way CPython does (without source lines). */
#include <stdio.h>
#include <string.h>

#include "rt_internal.h"

typedef struct px_exc {
    px_obj base;
    px_val args;      /* tuple */
    px_val traceback; /* the chain of traceback entries (traceback.c), or PX_NULL */
    px_val cause;     /* PX_NULL: None */
    px_val context;   /* PX_NULL: None */
    bool suppress_context;
    px_map dict; /* other attributes (OSError.filename, user-set ones) */
} px_exc;

/* Out of memory must not allocate: one preallocated MemoryError. It lives in
 * static data; the only heap pointer it holds is its traceback chain, made
 * on request (mem_tb_chain), and that field is a GC root. */
static px_exc memory_error_obj = {{&px_type_MemoryError}, PX_OBJ_CONST(&px_empty_tuple), PX_NULL,
                                  PX_NULL, PX_NULL, false, {0, 0, 0, 0, NULL, NULL}};

/* Its traceback entries, innermost first: adding one must not allocate
 * either (the heap is full while it unwinds), so they are kept here, as
 * many as fit, and printed from here without allocating (a thread that
 * dies of it says where). They name code objects and globals, which may
 * be reachable from nothing else (the frames are gone), so this array is
 * a GC root, registered with the first entry. One MemoryError object
 * means one such traceback: the latest raise's. */
enum { MEM_TB_MAX = 32 };
typedef struct {
    struct px_code *code;
    px_map *globals;
    uint32_t line;
} mem_tb_entry;
static mem_tb_entry mem_tb[MEM_TB_MAX];
static size_t mem_tb_len;
static bool mem_tb_rooted;

static px_exc *exc_ptr(px_val v) {
    if (!px_is_obj(v)) {
        return NULL;
    }
    if (px_rt_is_instance(v)) {
        v = px_rt_inst(v)->native;
        if (!px_is_obj(v)) {
            return NULL;
        }
    }
    const px_type *t = px_type_of(v);
    if ((t->flags & PX_TF_EXCEPTION) == 0 || px_rt_is_heap_type(t)) {
        return NULL;
    }
    return (px_exc *)px_as_ptr(v);
}

static px_exc *exc_check(px_val v) {
    px_exc *e = exc_ptr(v);
    if (e == NULL) {
        px_raise_type_error("'%s' object is not an exception", px_type_name(v));
    }
    return e;
}

static size_t exc_nargs(px_exc *e) { return px_tuple_ptr(e->args)->len; }
static px_val exc_arg(px_exc *e, size_t i) {
    px_tuple *t = px_tuple_ptr(e->args);
    return i < t->len ? t->items[i] : PX_NONE;
}

/* ---- construction */
/* OSError(errno, ...) is an instance of the subclass for that errno, as in
 * CPython (Linux numbering, which MicroPython's errno module uses too). */
static const px_type *os_error_subclass(px_int err) {
    switch (err) {
    case 1:
    case 13:
        return &px_type_PermissionError;
    case 2:
        return &px_type_FileNotFoundError;
    case 3:
        return &px_type_ProcessLookupError;
    case 4:
        return &px_type_InterruptedError;
    case 10:
        return &px_type_ChildProcessError;
    case 11:
    case 114:
    case 115:
        return &px_type_BlockingIOError;
    case 17:
        return &px_type_FileExistsError;
    case 20:
        return &px_type_NotADirectoryError;
    case 21:
        return &px_type_IsADirectoryError;
    case 32:
    case 108:
        return &px_type_BrokenPipeError;
    case 103:
        return &px_type_ConnectionAbortedError;
    case 104:
        return &px_type_ConnectionResetError;
    case 110:
        return &px_type_TimeoutError;
    case 111:
        return &px_type_ConnectionRefusedError;
    default:
        return &px_type_OSError;
    }
}

static px_val exc_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len > 0) {
        px_raise_type_error("%s() takes no keyword arguments", px_qstr_str(type->name));
    }
    if (type == &px_type_OSError && argc >= 2 && px_is_small(argv[0])) {
        type = os_error_subclass(px_small_get(argv[0]));
    }
    px_exc *e = px_gc_alloc(sizeof(px_exc), 0);
    e->base.type = type;
    px_map_init(&e->dict, 0);
    if (px_issubclass(type, &px_type_OSError) && argc >= 3 && argc <= 5) {
        /* OSError(errno, strerror, filename[, winerror[, filename2]]):
         * the filenames are not part of args */
        px_map_set_q(&e->dict, PX_Q(filename), argv[2]);
        if (argc == 5) {
            px_map_set_q(&e->dict, PX_Q(filename2), argv[4]);
        }
        argc = 2;
    }
    e->args = argc == 0 ? px_from_ptr(&px_empty_tuple) : px_tuple_new(argc, argv);
    return px_from_ptr(e);
}

px_val px_exc_make_plain(const px_type *type, size_t argc, const px_val *argv) {
    return exc_make(type, argc, argv, PX_NULL);
}

px_val px_exc_new(const px_type *type, size_t argc, const px_val *argv) {
    if (px_rt_is_heap_type(type)) {
        return px_rt_class_call(px_from_ptr(type), argc, argv, PX_NULL);
    }
    if (type->make == NULL) {
        px_raise_type_error("cannot create '%s' instances", px_qstr_str(type->name));
    }
    return type->make(type, argc, argv, PX_NULL);
}

px_val px_exc_new_msg(const px_type *type, px_val msg) { return px_exc_new(type, 1, &msg); }

PX_NORETURN void px_raise_memory_error(void) {
    memory_error_obj.traceback = PX_NULL;
    memset(mem_tb, 0, mem_tb_len * sizeof mem_tb[0]); /* (what the last one named may go) */
    mem_tb_len = 0;
    memory_error_obj.cause = PX_NULL;
    memory_error_obj.context = PX_NULL;
    px_raise(px_from_ptr(&memory_error_obj));
}

bool px_is_exception(px_val v) { return px_is_obj(v) && (px_type_of(v)->flags & PX_TF_EXCEPTION) != 0 && !px_is_type_obj(v); }

bool px_exc_matches(px_val exc, px_val type_or_tuple) {
    if (px_is_tuple(type_or_tuple)) {
        px_tuple *t = px_tuple_ptr(type_or_tuple);
        /* every entry is checked, even those after a match, as in CPython */
        for (size_t i = 0; i < t->len; i++) {
            px_val c = t->items[i];
            if (!px_is_tuple(c) && (!px_is_type_obj(c) ||
                                    !px_issubclass((const px_type *)px_as_ptr(c), &px_type_BaseException))) {
                px_raise_type_error("catching classes that do not inherit from BaseException is not allowed");
            }
        }
        for (size_t i = 0; i < t->len; i++) {
            if (px_exc_matches(exc, t->items[i])) {
                return true;
            }
        }
        return false;
    }
    if (!px_is_type_obj(type_or_tuple) ||
        !px_issubclass((const px_type *)px_as_ptr(type_or_tuple), &px_type_BaseException)) {
        px_raise_type_error("catching classes that do not inherit from BaseException is not allowed");
    }
    return px_isinstance(exc, (const px_type *)px_as_ptr(type_or_tuple));
}

/* ---- chaining and tracebacks */

/* sys.tracebacklimit (MicroPython's meaning): the most entries an
 * exception stores, the innermost ones; 0 or less stores none. Read from
 * the sys module's globals, where a program may set it. */
static size_t traceback_limit(void) {
    if (px_st.sys_module == PX_NULL) {
        return SIZE_MAX;
    }
    px_val v = px_map_get_q(px_module_globals(px_st.sys_module), PX_Q(tracebacklimit));
    if (v == PX_NULL || !px_is_small(v)) {
        return SIZE_MAX; /* absent, or not a (reasonable) int: no limit */
    }
    px_int n = px_small_get(v);
    return n <= 0 ? 0 : (size_t)n;
}

static void mem_tb_add(struct px_code *code, px_map *globals, uint32_t line) {
    if (mem_tb_len == MEM_TB_MAX || mem_tb_len >= traceback_limit()) {
        return;
    }
    if (!mem_tb_rooted) {
        px_gc_add_root(mem_tb, sizeof mem_tb);
        px_gc_add_root(&memory_error_obj.traceback, sizeof memory_error_obj.traceback);
        mem_tb_rooted = true;
    }
    mem_tb[mem_tb_len].code = code;
    mem_tb[mem_tb_len].globals = globals;
    mem_tb[mem_tb_len].line = line;
    mem_tb_len++;
    memory_error_obj.traceback = PX_NULL; /* a chain made before is out of date */
}

/* __traceback__ of the MemoryError: a chain made from its entries (it
 * allocates, so not while it unwinds), kept until the next entry. */
static px_val mem_tb_chain(void) {
    if (memory_error_obj.traceback == PX_NULL) {
        px_val chain = PX_NULL;
        for (size_t i = 0; i < mem_tb_len; i++) {
            chain = px_traceback_push(chain, mem_tb[i].code, mem_tb[i].globals, mem_tb[i].line);
        }
        memory_error_obj.traceback = chain;
    }
    return memory_error_obj.traceback;
}

void px_exc_add_traceback(px_val exc, struct px_code *code, px_map *globals, uint32_t line) {
    px_exc *e = exc_ptr(exc);
    if (e == &memory_error_obj) {
        mem_tb_add(code, globals, line);
        return;
    }
    if (e == NULL || px_gc_heap_locked() > 0) {
        return; /* (with the heap locked, unwinding must not allocate) */
    }
    if (px_traceback_depth(e->traceback) >= traceback_limit()) {
        return;
    }
    e->traceback = px_traceback_push(e->traceback, code, globals, line);
}

px_val px_exc_get_cause(px_val exc) {
    px_exc *e = exc_ptr(exc);
    return e == NULL || e->cause == PX_NULL ? PX_NONE : e->cause;
}

void px_exc_set_cause(px_val exc, px_val cause) {
    px_exc *e = exc_ptr(exc);
    if (e == NULL || e == &memory_error_obj) {
        return;
    }
    e->cause = cause == PX_NONE ? PX_NULL : cause;
    e->suppress_context = true;
}

void px_exc_set_context(px_val exc, px_val context) {
    px_exc *e = exc_ptr(exc);
    if (e == NULL || e == &memory_error_obj || context == exc) {
        return;
    }
    e->context = context == PX_NONE ? PX_NULL : context;
}

px_val px_exc_get_context(px_val exc) {
    px_exc *e = exc_ptr(exc);
    return e == NULL || e->context == PX_NULL ? PX_NONE : e->context;
}

px_val px_exc_args(px_val exc) { return exc_check(exc)->args; }

/* ---- str / repr */
static px_val dict_attr(px_exc *e, px_qid name) { return px_map_get_q(&e->dict, name); }

/* The filename attribute of an OSError, or PX_NULL. */
static px_val os_filename(px_exc *e) {
    px_val f = dict_attr(e, PX_Q(filename));
    return f == PX_NONE ? PX_NULL : f;
}

static void print_syntax_str(px_out *out, px_exc *e) {
    px_val msg = exc_arg(e, 0);
    px_val info = exc_arg(e, 1);
    px_print(out, msg, PX_PRINT_STR);
    if (exc_nargs(e) < 2 || !px_is_tuple(info) || px_tuple_ptr(info)->len < 2) {
        return;
    }
    px_val file = px_tuple_ptr(info)->items[0];
    px_val line = px_tuple_ptr(info)->items[1];
    bool has_file = px_is_str(file), has_line = px_is_int(line);
    if (!has_file && !has_line) {
        return;
    }
    px_write_cstr(out, " (");
    if (has_file) {
        size_t n;
        const char *s = px_str_data(file, &n);
        size_t start = n;
        while (start > 0 && s[start - 1] != '/') {
            start--;
        }
        px_write(out, s + start, n - start);
    }
    if (has_line) {
        px_write_cstr(out, has_file ? ", line " : "line ");
        px_print(out, line, PX_PRINT_STR);
    }
    px_write_cstr(out, ")");
}

static void exc_print_str(px_out *out, px_exc *e) {
    const px_type *t = e->base.type;
    size_t n = exc_nargs(e);
    if (px_issubclass(t, &px_type_OSError) && n >= 2) {
        /* errno and strerror may have been assigned since */
        px_val err = dict_attr(e, PX_Q(errno)), msg = dict_attr(e, PX_Q(strerror));
        px_write_cstr(out, "[Errno ");
        px_print(out, err != PX_NULL ? err : exc_arg(e, 0), PX_PRINT_STR);
        px_write_cstr(out, "] ");
        px_print(out, msg != PX_NULL ? msg : exc_arg(e, 1), PX_PRINT_STR);
        px_val f = os_filename(e);
        if (f != PX_NULL) {
            px_write_cstr(out, ": ");
            px_print(out, f, PX_PRINT_REPR);
            px_val f2 = dict_attr(e, PX_Q(filename2));
            if (f2 != PX_NULL && f2 != PX_NONE) {
                px_write_cstr(out, " -> ");
                px_print(out, f2, PX_PRINT_REPR);
            }
        }
        return;
    }
    if (px_issubclass(t, &px_type_SyntaxError) && n >= 1) {
        print_syntax_str(out, e);
        return;
    }
    if (n == 0) {
        return;
    }
    if (n == 1) {
        px_print(out, exc_arg(e, 0), t == &px_type_KeyError ? PX_PRINT_REPR : PX_PRINT_STR);
        return;
    }
    px_print(out, e->args, PX_PRINT_REPR);
}

void px_rt_exc_print_repr(px_out *out, const char *type_name, px_val exc) {
    px_exc *e = exc_check(exc);
    px_write_cstr(out, type_name);
    if (exc_nargs(e) == 1) {
        px_write_cstr(out, "(");
        px_print(out, exc_arg(e, 0), PX_PRINT_REPR);
        px_write_cstr(out, ")");
    } else if (exc_nargs(e) == 0) {
        px_write_cstr(out, "()");
    } else {
        px_print(out, e->args, PX_PRINT_REPR);
    }
}

static void exc_print(px_out *out, px_val self, px_print_kind kind) {
    px_exc *e = exc_check(self);
    if (kind == PX_PRINT_STR && px_issubclass(e->base.type, &px_type_BaseExceptionGroup)) {
        px_exc_group_print_str(out, self);
    } else if (kind == PX_PRINT_STR) {
        exc_print_str(out, e);
    } else {
        px_rt_exc_print_repr(out, px_qstr_str(e->base.type->name), self);
    }
}

/* ---- attributes */
static px_val exc_getattr(px_val self, px_qid name) {
    px_exc *e = exc_check(self);
    px_val v = dict_attr(e, name);
    if (v != PX_NULL) {
        return v;
    }
    const px_type *t = e->base.type;
    if (px_issubclass(t, &px_type_BaseExceptionGroup) && (v = px_exc_group_getattr(self, name)) != PX_NULL) {
        return v;
    }
    switch (name) {
    case PX_Q(args):
        return e->args;
    case PX_Q(__traceback__): {
        px_val tb = e == &memory_error_obj ? mem_tb_chain() : e->traceback;
        return tb == PX_NULL ? PX_NONE : tb;
    }
    case PX_Q(__cause__):
        return e->cause == PX_NULL ? PX_NONE : e->cause;
    case PX_Q(__context__):
        return e->context == PX_NULL ? PX_NONE : e->context;
    case PX_Q(__suppress_context__):
        return px_bool(e->suppress_context);
    case PX_Q(__dict__): {
        px_val d = px_dict_new(0);
        px_map_copy(px_dict_map(d), &e->dict);
        return d;
    }
    default:
        break;
    }
    /* MicroPython: every exception has value and errno, both args[0]
     * (not only StopIteration and OSError as in CPython) */
    if (name == PX_Q(value) || name == PX_Q(errno)) {
        return exc_nargs(e) > 0 ? exc_arg(e, 0) : PX_NONE;
    }
    if (t == &px_type_SystemExit && name == PX_Q(code)) {
        return exc_nargs(e) <= 1 ? exc_arg(e, 0) : e->args;
    }
    if (px_issubclass(t, &px_type_OSError)) {
        bool pair = exc_nargs(e) >= 2;
        switch (name) {
        case PX_Q(strerror):
            return pair ? exc_arg(e, 1) : PX_NONE;
        case PX_Q(filename):
        case PX_Q(filename2):
            return PX_NONE;
        default:
            break;
        }
    }
    if (px_issubclass(t, &px_type_SyntaxError)) {
        px_val info = exc_arg(e, 1);
        px_tuple *ti = px_is_tuple(info) ? px_tuple_ptr(info) : NULL;
        int idx = -1;
        switch (name) {
        case PX_Q(msg):
            return exc_arg(e, 0);
        case PX_Q(filename):
            idx = 0;
            break;
        case PX_Q(lineno):
            idx = 1;
            break;
        case PX_Q(offset):
            idx = 2;
            break;
        case PX_Q(text):
            idx = 3;
            break;
        default:
            break;
        }
        if (idx >= 0) {
            return ti != NULL && (size_t)idx < ti->len ? ti->items[idx] : PX_NONE;
        }
    }
    if (px_issubclass(t, &px_type_ImportError) && (name == PX_Q(name) || name == PX_Q(path))) {
        return PX_NONE;
    }
    return PX_NULL;
}

static bool exc_setattr(px_val self, px_qid name, px_val value) {
    px_exc *e = exc_check(self);
    if (e == &memory_error_obj) {
        return true;
    }
    switch (name) {
    case PX_Q(args):
        if (value == PX_DELETE) {
            px_raise_type_error("args may not be deleted");
        }
        e->args = px_tuple_from_iter(value);
        return true;
    case PX_Q(__traceback__):
        if (value != PX_NONE && value != PX_DELETE && !px_is_traceback(value)) {
            px_raise_type_error("__traceback__ must be a traceback or None");
        }
        e->traceback = value == PX_NONE || value == PX_DELETE ? PX_NULL : value;
        return true;
    case PX_Q(__cause__):
        if (value != PX_NONE && value != PX_DELETE && !px_is_exception(value)) {
            px_raise_type_error("exception cause must be None or derive from BaseException");
        }
        e->cause = value == PX_NONE || value == PX_DELETE ? PX_NULL : value;
        e->suppress_context = true;   /* as CPython: assigning a cause hides the context */
        return true;
    case PX_Q(__context__):
        if (value != PX_NONE && value != PX_DELETE && !px_is_exception(value)) {
            px_raise_type_error("exception context must be None or derive from BaseException");
        }
        e->context = value == PX_NONE || value == PX_DELETE ? PX_NULL : value;
        return true;
    case PX_Q(__suppress_context__):
        e->suppress_context = value != PX_DELETE && px_truthy(value);
        return true;
    default:
        break;
    }
    if (value == PX_DELETE) {
        if (px_map_pop(&e->dict, px_qstr(name)) == PX_NULL) {
            px_raise_attribute_error(self, name);
        }
    } else {
        px_map_set_q(&e->dict, name, value);
    }
    return true;
}

/* ---- methods of BaseException */
static px_val exc_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_exc *e = exc_check(argv[0]);
    if (kwnames != PX_NULL && px_tuple_ptr(kwnames)->len > 0) {
        px_raise_type_error("%s() takes no keyword arguments", px_type_name(argv[0]));
    }
    if (e != &memory_error_obj) {
        e->args = argc <= 1 ? px_from_ptr(&px_empty_tuple) : px_tuple_new(argc - 1, argv + 1);
    }
    return PX_NONE;
}
static PX_METHKW(exc_init_obj, &px_type_BaseException, __init__, 1, PX_ARGS_MAX, exc_init);

static px_val exc_str(px_val self) {
    px_strbuf b;
    px_strbuf_init(&b, 16);
    px_out out = px_strbuf_out(&b);
    exc_print_str(&out, exc_check(self));
    return px_strbuf_to_str(&b);
}
static PX_METH1(exc_str_obj, &px_type_BaseException, __str__, exc_str);

static px_val exc_repr(px_val self) {
    px_strbuf b;
    px_strbuf_init(&b, 16);
    px_out out = px_strbuf_out(&b);
    px_rt_exc_print_repr(&out, px_type_name(self), self);
    return px_strbuf_to_str(&b);
}
static PX_METH1(exc_repr_obj, &px_type_BaseException, __repr__, exc_repr);

static px_val exc_with_traceback(px_val self, px_val tb) {
    exc_setattr(self, PX_Q(__traceback__), tb);
    return self;
}
static PX_METH2(exc_with_traceback_obj, &px_type_BaseException, with_traceback, exc_with_traceback);

/* add_note(note): appended to __notes__, printed after the exception */
static px_val exc_add_note(px_val self, px_val note) {
    if (!px_is_str(note)) {
        px_raise_type_error("note must be a str, not '%s'", px_type_name(note));
    }
    px_val notes = px_getattr_opt(self, PX_Q(__notes__));
    if (notes == PX_NULL) {
        notes = px_list_new(0, NULL);
        px_setattr(self, PX_Q(__notes__), notes);
    } else if (!px_is_list(notes)) {
        px_raise_type_error("Cannot add note: __notes__ is not a list");
    }
    px_list_append(notes, note);
    return PX_NONE;
}
static PX_METH2(exc_add_note_obj, &px_type_BaseException, add_note, exc_add_note);

static const px_map_entry exc_methods_table[] = {
    PX_ENTRY_OBJ(__init__, &exc_init_obj),
    PX_ENTRY_OBJ(__repr__, &exc_repr_obj),
    PX_ENTRY_OBJ(__str__, &exc_str_obj),
    PX_ENTRY_OBJ(add_note, &exc_add_note_obj),
    PX_ENTRY_OBJ(with_traceback, &exc_with_traceback_obj),
};
static PX_CONST_MAP(exc_methods, exc_methods_table);

/* ---- the types */

#define EXC_TYPE(cname, pyname, basep, dictp)                                                     \
    const px_type cname = {                                                                       \
        .base = {&px_type_type},                                                                  \
        .name = PX_Q(pyname),                                                                     \
        .flags = PX_TF_BASETYPE | PX_TF_EXCEPTION,                                                \
        .base_type = basep,                                                                       \
        .dict = dictp,                                                                            \
        .make = exc_make,                                                                         \
        .print = exc_print,                                                                       \
        .getattr = exc_getattr,                                                                   \
        .setattr = exc_setattr,                                                                   \
    }
#define EXC(pyname, base) EXC_TYPE(px_type_##pyname, pyname, &px_type_##base, NULL)

EXC_TYPE(px_type_BaseException, BaseException, &px_type_object, &exc_methods);
EXC(SystemExit, BaseException);
/* PEP 654's groups (exc_group.c): ExceptionGroup's second base, Exception,
 * is in type.c */
#define EXC_GROUP(pyname, first)                                                                  \
    const px_type px_type_##pyname = {                                                            \
        .base = {&px_type_type},                                                                  \
        .name = PX_Q(pyname),                                                                     \
        .flags = PX_TF_BASETYPE | PX_TF_EXCEPTION,                                                \
        .base_type = &px_type_##first,                                                            \
        .dict = &px_exc_group_dict,                                                               \
        .make = px_exc_group_make,                                                                \
        .print = exc_print,                                                                       \
        .getattr = exc_getattr,                                                                   \
        .setattr = exc_setattr,                                                                   \
    }
EXC_GROUP(BaseExceptionGroup, BaseException);
EXC_GROUP(ExceptionGroup, BaseExceptionGroup);
EXC(KeyboardInterrupt, BaseException);
EXC(GeneratorExit, BaseException);
EXC(Exception, BaseException);
EXC(StopIteration, Exception);
EXC(StopAsyncIteration, Exception);
EXC(ArithmeticError, Exception);
EXC(OverflowError, ArithmeticError);
EXC(ZeroDivisionError, ArithmeticError);
EXC(AssertionError, Exception);
EXC(AttributeError, Exception);
EXC(EOFError, Exception);
EXC(ImportError, Exception);
EXC(ModuleNotFoundError, ImportError);
EXC(LookupError, Exception);
EXC(IndexError, LookupError);
EXC(KeyError, LookupError);
EXC(MemoryError, Exception);
EXC(NameError, Exception);
EXC(UnboundLocalError, NameError);
EXC(OSError, Exception);
EXC(RuntimeError, Exception);
EXC(RecursionError, RuntimeError);
EXC(NotImplementedError, RuntimeError);
EXC(SyntaxError, Exception);
EXC(IndentationError, SyntaxError);
EXC(TypeError, Exception);
EXC(ValueError, Exception);
EXC(UnicodeError, ValueError);
EXC(UnicodeDecodeError, UnicodeError);
EXC(UnicodeEncodeError, UnicodeError);
EXC(BlockingIOError, OSError);
EXC(ChildProcessError, OSError);
EXC(ConnectionError, OSError);
EXC(BrokenPipeError, ConnectionError);
EXC(ConnectionAbortedError, ConnectionError);
EXC(ConnectionRefusedError, ConnectionError);
EXC(ConnectionResetError, ConnectionError);
EXC(FileExistsError, OSError);
EXC(FileNotFoundError, OSError);
EXC(InterruptedError, OSError);
EXC(IsADirectoryError, OSError);
EXC(NotADirectoryError, OSError);
EXC(PermissionError, OSError);
EXC(ProcessLookupError, OSError);
EXC(TimeoutError, OSError);
EXC(Warning, Exception);
EXC(UserWarning, Warning);
EXC(DeprecationWarning, Warning);
EXC(PendingDeprecationWarning, Warning);
EXC(SyntaxWarning, Warning);
EXC(RuntimeWarning, Warning);
EXC(FutureWarning, Warning);
EXC(ImportWarning, Warning);
EXC(UnicodeWarning, Warning);
EXC(BytesWarning, Warning);
EXC(ResourceWarning, Warning);
EXC(EncodingWarning, Warning);
EXC(BufferError, Exception);
EXC(FloatingPointError, ArithmeticError);
EXC(ReferenceError, Exception);
EXC(SystemError, Exception);
EXC(TabError, IndentationError);
EXC(UnicodeTranslateError, UnicodeError);
/* io.UnsupportedOperation: CPython derives it from OSError and ValueError;
 * px_issubclass knows the second base (built-in types have one base_type). */
EXC(UnsupportedOperation, OSError);

/* ---- printing an uncaught exception */
static void print_type_name(px_out *out, px_val exc) {
    const px_type *t = px_type_of(exc);
    px_val mod = px_rt_class_module(t);
    if (mod != PX_NULL && px_is_str(mod)) {
        size_t n;
        const char *s = px_str_data(mod, &n);
        if (!(n == 8 && memcmp(s, "builtins", 8) == 0) && !(n == 8 && memcmp(s, "__main__", 8) == 0)) {
            px_write(out, s, n);
            px_write_cstr(out, ".");
        }
    }
    px_write_cstr(out, px_qstr_str(t->name));
}

static void print_syntax_location(px_out *out, px_exc *e) {
    px_val info = exc_arg(e, 1);
    if (exc_nargs(e) < 2 || !px_is_tuple(info) || px_tuple_ptr(info)->len < 4) {
        return;
    }
    px_tuple *ti = px_tuple_ptr(info);
    px_write_cstr(out, "  File \"");
    px_print(out, ti->items[0], PX_PRINT_STR);
    px_write_cstr(out, "\", line ");
    px_print(out, ti->items[1], PX_PRINT_STR);
    px_write_cstr(out, "\n");
    if (!px_is_str(ti->items[3])) {
        return;
    }
    size_t n;
    const char *s = px_str_data(ti->items[3], &n);
    size_t lead = 0;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\f')) {
        lead++;
    }
    size_t end = n;
    while (end > lead && (s[end - 1] == '\n' || s[end - 1] == '\r' || s[end - 1] == ' ')) {
        end--;
    }
    px_write_cstr(out, "    ");
    px_write(out, s + lead, end - lead);
    px_write_cstr(out, "\n");
    if (px_is_int(ti->items[2])) {
        px_int off = px_index(ti->items[2]) - 1 - (px_int)lead;
        if (off < 0) {
            off = 0;
        }
        if (off > (px_int)(end - lead)) {
            off = (px_int)(end - lead);
        }
        px_write_cstr(out, "    ");
        for (px_int i = 0; i < off; i++) {
            px_write_cstr(out, " ");
        }
        px_write_cstr(out, "^\n");
    }
}

/* str() of the exception as Python code sees it (user __str__ included),
 * or PX_NULL if that fails: a failing __str__ must not stop the report. */
static px_val exc_message(px_val exc, px_exc *e, bool syntax) {
    px_val volatile s = PX_NULL;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        if (syntax && exc_nargs(e) >= 1 && !px_rt_is_instance(exc)) {
            s = px_to_str(exc_arg(e, 0));
        } else {
            s = px_to_str(exc);
        }
        px_try_pop(&j);
    } else {
        s = PX_NULL;
    }
    return s;
}

#define CHAIN_MAX 32   /* causes/contexts printed before an exception */
#define GROUP_WIDTH 15 /* sub-exceptions shown of a group (CPython's max_group_width) */
#define GROUP_DEPTH 10 /* nested groups shown (max_group_depth) */

/* The report of an uncaught exception. Inside an exception group every
 * line gets the group's margin, as CPython draws it: two spaces per level
 * and "| " ("+ " on the first line of the outermost group); the lines
 * between sub-exceptions go out without it. */
typedef struct {
    px_out *out;     /* where the report goes */
    int depth;       /* group nesting (0: none) */
    bool need_close; /* the last sub-exception's closing line is still due */
    bool line_start;
    char margin;
} report;

static void report_write(void *ctx, const char *s, size_t n) {
    report *r = ctx;
    while (n > 0) {
        if (r->line_start && r->depth > 0) {
            for (int i = 0; i < r->depth; i++) {
                px_write_cstr(r->out, "  ");
            }
            char m[2] = {r->margin, ' '};
            px_write(r->out, m, 2);
        }
        const char *nl = memchr(s, '\n', n);
        size_t k = nl != NULL ? (size_t)(nl - s) + 1 : n;
        px_write(r->out, s, k);
        r->line_start = nl != NULL;
        s += k;
        n -= k;
    }
}

/* A line between sub-exceptions: "  +-+---- 1 ----" and the like. */
static void report_rule(report *r, const char *text) {
    for (int i = 0; i < r->depth; i++) {
        px_write_cstr(r->out, "  ");
    }
    px_write_cstr(r->out, text);
}

/* The notes add_note() gave, one per line (a note that is not a str is
 * printed by repr, as CPython does). */
static void print_notes(px_out *out, px_exc *e) {
    px_val notes = dict_attr(e, PX_Q(__notes__));
    if (notes == PX_NULL || !px_is_list(notes)) {
        return;
    }
    px_list *l = px_list_ptr(notes);
    for (size_t i = 0; i < l->len; i++) {
        px_print(out, l->items[i], px_is_str(l->items[i]) ? PX_PRINT_STR : PX_PRINT_REPR);
        px_write_cstr(out, "\n");
    }
}

/* "Type: message" and the notes. */
static void print_exception_only(px_out *out, px_val exc, px_exc *e) {
    bool syntax = px_issubclass(e->base.type, &px_type_SyntaxError);
    if (syntax) {
        print_syntax_location(out, e);
    }
    print_type_name(out, exc);
    /* (the preallocated MemoryError has no message: asking str() for it
     * would allocate, while memory may still be short) */
    px_val s = e == &memory_error_obj ? PX_NONE : exc_message(exc, e, syntax);
    if (s == PX_NULL) {
        px_write_cstr(out, ": <exception str() failed>");
    } else if (s != PX_NONE) {
        size_t n;
        const char *d = px_str_data(s, &n);
        if (n > 0) {
            px_write_cstr(out, ": ");
            px_write(out, d, n);
        }
    }
    px_write_cstr(out, "\n");
    print_notes(out, e);
}

static void print_one(report *r, px_val exc, px_val *chain, int depth);

/* A group: its traceback and line, then each sub-exception in a box. */
static void print_group(report *r, px_val exc, px_exc *e) {
    px_out o = {report_write, r};
    bool top = r->depth == 0;
    if (top) {
        r->depth = 1;
    }
    if (e->traceback != PX_NULL) {
        r->margin = top ? '+' : '|';
        px_write_cstr(&o, "Exception Group Traceback (most recent call last):\n");
        r->margin = '|';
        px_traceback_print_entries(&o, e->traceback);
    }
    print_exception_only(&o, exc, e);
    px_val excs = px_exc_group_getattr(exc, PX_Q(exceptions));
    size_t count = px_tuple_ptr(excs)->len;
    size_t n = count <= GROUP_WIDTH ? count : GROUP_WIDTH + 1;
    r->need_close = false;
    for (size_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= GROUP_WIDTH;
        r->need_close = r->need_close || last;
        char rule[64];
        if (truncated) {
            snprintf(rule, sizeof rule, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        } else {
            snprintf(rule, sizeof rule, "%s+---------------- %zu ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        }
        report_rule(r, rule);
        r->depth++;
        if (!truncated) {
            px_val sub_chain[CHAIN_MAX];
            print_one(r, px_tuple_ptr(excs)->items[i], sub_chain, 0);
        } else {
            size_t more = count - GROUP_WIDTH;
            px_printf(&o, "and %zu more exception%s\n", more, more > 1 ? "s" : "");
        }
        if (last && r->need_close) {
            report_rule(r, "+------------------------------------\n");
            r->need_close = false;
        }
        r->depth--;
    }
    if (top) {
        r->depth = 0;
    }
}

/* Print exc after its cause or context; `chain` holds the exceptions
 * already on the way here, so a cycle (a.__context__ = b,
 * b.__context__ = a) prints each exception once, as CPython does. */
static void print_one(report *r, px_val exc, px_val *chain, int depth) {
    px_exc *e = exc_ptr(exc);
    if (e == NULL) {
        return;
    }
    px_out o = {report_write, r};
    chain[depth] = exc;
    px_val prior = e->cause != PX_NULL ? e->cause : e->suppress_context ? PX_NULL : e->context;
    if (prior != PX_NULL && exc_ptr(prior) == NULL) {
        prior = PX_NULL; /* __cause__ = None */
    }
    for (int i = 0; i <= depth && prior != PX_NULL; i++) {
        if (chain[i] == prior) {
            prior = PX_NULL;
        }
    }
    if (prior != PX_NULL && depth + 1 < CHAIN_MAX) {
        print_one(r, prior, chain, depth + 1);
        px_write_cstr(&o, e->cause != PX_NULL
                              ? "\nThe above exception was the direct cause of the following exception:\n\n"
                              : "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    if (!px_issubclass(e->base.type, &px_type_BaseExceptionGroup)) {
        if (e->traceback != PX_NULL) {
            px_write_cstr(&o, "Traceback (most recent call last):\n");
            px_traceback_print_entries(&o, e->traceback);
        } else if (e == &memory_error_obj && mem_tb_len > 0) {
            /* from its entries, without allocating: memory may still be short */
            px_write_cstr(&o, "Traceback (most recent call last):\n");
            for (size_t i = mem_tb_len; i-- > 0;) {
                px_traceback_print_entry(&o, mem_tb[i].code, mem_tb[i].line);
            }
        }
        print_exception_only(&o, exc, e);
    } else if (r->depth > GROUP_DEPTH) {
        px_printf(&o, "... (max_group_depth is %d)\n", GROUP_DEPTH);
    } else {
        print_group(r, exc, e);
    }
}

void px_exc_print(px_out *out, px_val exc) {
    px_val chain[CHAIN_MAX];
    report r = {out, 0, false, true, '|'};
    print_one(&r, exc, chain, 0);
}
