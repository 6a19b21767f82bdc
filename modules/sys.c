/* The sys module. Constant parts are a const map; at start-up they are
 * copied into a heap module together with argv, path, modules and maxsize,
 * which change at run time. Also the console streams sys.stdin/stdout/
 * stderr (and their .buffer), which go straight to the port. */
#include <string.h>

#include "runtime.h"
#include "sys.h"
#include "build_target.h"
#include "build_info.h"
#include "compiler/mpy.h"

/* ---- console streams */

typedef struct {
    px_obj base;
    int fd;      /* 0 stdin, 1 stdout, 2 stderr */
    bool binary; /* .buffer: bytes in and out */
} console;

extern const px_type px_type_console_text, px_type_console_bin;
static const console con_text[3] = {
    {{&px_type_console_text}, 0, false},
    {{&px_type_console_text}, 1, false},
    {{&px_type_console_text}, 2, false},
};
static const console con_bin[3] = {
    {{&px_type_console_bin}, 0, true},
    {{&px_type_console_bin}, 1, true},
    {{&px_type_console_bin}, 2, true},
};

static const console *as_console(px_val v) {
    if (px_is_type(v, &px_type_console_text) || px_is_type(v, &px_type_console_bin)) {
        return px_as_ptr(v);
    }
    px_raise_type_error("expected a console stream, got '%s'", px_type_name(v));
}

static void con_out(const console *c, const char *s, size_t n) {
    if (c->fd == 2) {
        px_port_stderr(s, n);
    } else if (c->fd == 1) {
        px_port_stdout(s, n);
    } else {
        px_raise_os_error(9, "stream not writable"); /* EBADF */
    }
}

/* write(data[, len]) */
static px_val con_write(size_t argc, const px_val *argv) {
    const console *c = as_console(argv[0]);
    px_val data = argv[1];
    if (!c->binary) {
        px_stream_text_write_arg(argc);
        if (!px_is_str(data)) {
            px_raise_type_error("write() argument must be str, not %s", px_type_name(data));
        }
        size_t n;
        const char *s = px_str_data(data, &n);
        con_out(c, s, n);
        return px_int_from_u64(px_str_charlen(data));
    }
    if (px_is_str(data)) {
        px_raise_type_error("a bytes-like object is required, not 'str'");
    }
    px_buffer buf;
    px_stream_write_arg(argc, argv, &buf);
    if (c->fd == 1) {
        px_port_stdout_bytes(buf.data, buf.len); /* untranslated, unlike text */
    } else {
        con_out(c, buf.data, buf.len);
    }
    return px_int_from_u64(buf.len);
}

static px_val con_flush(px_val self) {
    if (as_console(self)->fd == 1) {
        px_port_stdout_flush();
    }
    return PX_NONE;
}

static px_val con_fileno(px_val self) {
    return px_small(as_console(self)->fd);
}

/* Read up to `limit` characters (bytes for .buffer; SIZE_MAX: all),
 * stopping after a newline when `line`. */
static px_val con_read_impl(const console *c, size_t limit, bool line) {
    if (c->fd != 0) {
        px_raise_os_error(9, "stream not readable");
    }
    px_strbuf b;
    px_strbuf_init(&b, 64);
    size_t count = 0;
    while (count < limit) {
        int ch = px_port_stdin_char();
        if (ch < 0) {
            break;
        }
        px_strbuf_add_char(&b, (char)ch);
        if (!c->binary) {
            /* take the rest of a UTF-8 sequence so a character is never split */
            int extra = (ch >= 0xF0) ? 3 : (ch >= 0xE0) ? 2 : (ch >= 0xC0) ? 1 : 0;
            while (extra-- > 0) {
                int cc = px_port_stdin_char();
                if (cc < 0) {
                    break;
                }
                px_strbuf_add_char(&b, (char)cc);
            }
        }
        count++;
        if (line && ch == '\n') {
            break;
        }
    }
    if (c->binary) {
        return px_strbuf_to_bytes(&b);
    }
    if (!px_utf8_valid(b.data, b.len)) {
        px_raise_msg(&px_type_UnicodeError, "invalid UTF-8 on standard input");
    }
    return px_strbuf_to_str(&b);
}

static size_t size_arg(size_t argc, const px_val *argv) {
    if (argc < 2 || argv[1] == PX_NONE) {
        return SIZE_MAX;
    }
    px_int n = px_index(argv[1]);
    return n < 0 ? SIZE_MAX : (size_t)n;
}

static px_val con_read(size_t argc, const px_val *argv) {
    return con_read_impl(as_console(argv[0]), size_arg(argc, argv), false);
}

static px_val con_readline(size_t argc, const px_val *argv) {
    return con_read_impl(as_console(argv[0]), size_arg(argc, argv), true);
}

/* readinto(buf[, nbytes]) of sys.stdin.buffer: bytes until buf (or its
 * first nbytes) is full or input ends, as a stream reads; the count. The
 * bytes are collected first: reading may run scheduled Python code, which
 * could resize buf. */
static px_val con_readinto(size_t argc, const px_val *argv) {
    const console *c = as_console(argv[0]);
    if (c->fd != 0) {
        px_raise_os_error(9, "stream not readable");
    }
    px_buffer buf;
    px_stream_readinto_arg(argc, argv, &buf);
    px_val got = con_read_impl(c, buf.len, false);
    size_t n;
    const uint8_t *s = px_bytes_data(got, &n);
    px_stream_readinto_arg(argc, argv, &buf);
    n = n < buf.len ? n : buf.len;
    memcpy(buf.data, s, n);
    return px_int_from_u64(n);
}

static px_val con_getattr(px_val self, px_qid name) {
    const console *c = px_as_ptr(self);
    if (name == PX_Q(buffer) && !c->binary) {
        return px_from_ptr(&con_bin[c->fd]);
    }
    return PX_NULL;
}

static void con_print(px_out *out, px_val self, px_print_kind kind) {
    const console *c = px_as_ptr(self);
    px_printf(out, "<io.%s %d>", c->binary ? "FileIO" : "TextIOWrapper", c->fd);
}

/* The stream protocol (select.poll): the descriptor, and for stdin the
 * bytes the port has read ahead, which are input ready now. */
static int con_stream_fileno(px_val self) {
    return ((const console *)px_as_ptr(self))->fd;
}

static unsigned con_stream_ready(px_val self, unsigned events) {
    const console *c = px_as_ptr(self);
    return c->fd == 0 && (events & PX_POLL_IN) && px_port_stdin_pending() > 0 ? PX_POLL_IN : 0;
}

static const px_stream_proto con_stream = {NULL, NULL, con_stream_fileno, con_stream_ready};

/* One method table per stream type: a method's owner is the type of self. */
#define CONSOLE_METHODS(tab, T)                                              \
    static PX_METHV(tab##_write, T, write, 2, 3, con_write);                  \
    static PX_METH1(tab##_flush, T, flush, con_flush);                        \
    static PX_METH1(tab##_fileno, T, fileno, con_fileno);                     \
    static PX_METHV(tab##_read, T, read, 1, 2, con_read);                     \
    static PX_METHV(tab##_readline, T, readline, 1, 2, con_readline);         \
    static const px_map_entry tab##_table[] = {                               \
        PX_ENTRY_OBJ(fileno, &tab##_fileno),                                  \
        PX_ENTRY_OBJ(flush, &tab##_flush),                                    \
        PX_ENTRY_OBJ(read, &tab##_read),                                      \
        PX_ENTRY_OBJ(readline, &tab##_readline),                              \
        PX_ENTRY_OBJ(write, &tab##_write),                                    \
    };                                                                        \
    static PX_CONST_MAP(tab, tab##_table)

CONSOLE_METHODS(text_methods, &px_type_console_text);

static PX_METHV(bin_write, &px_type_console_bin, write, 2, 3, con_write);
static PX_METH1(bin_flush, &px_type_console_bin, flush, con_flush);
static PX_METH1(bin_fileno, &px_type_console_bin, fileno, con_fileno);
static PX_METHV(bin_read, &px_type_console_bin, read, 1, 2, con_read);
static PX_METHV(bin_readinto, &px_type_console_bin, readinto, 2, 3, con_readinto);
static PX_METHV(bin_readline, &px_type_console_bin, readline, 1, 2, con_readline);
static const px_map_entry bin_table[] = {
    PX_ENTRY_OBJ(fileno, &bin_fileno),     PX_ENTRY_OBJ(flush, &bin_flush),       PX_ENTRY_OBJ(read, &bin_read),
    PX_ENTRY_OBJ(readinto, &bin_readinto), PX_ENTRY_OBJ(readline, &bin_readline), PX_ENTRY_OBJ(write, &bin_write),
};
static PX_CONST_MAP(bin_methods, bin_table);

const px_type px_type_console_text = {
    .base = {&px_type_type},
    .name = PX_Q(TextIOWrapper),
    .base_type = &px_type_object,
    .dict = &text_methods,
    .print = con_print,
    .getattr = con_getattr,
    .proto = &con_stream,
};
const px_type px_type_console_bin = {
    .base = {&px_type_type},
    .name = PX_Q(FileIO),
    .base_type = &px_type_object,
    .dict = &bin_methods,
    .print = con_print,
    .getattr = con_getattr,
    .proto = &con_stream,
};

/* ---- sys.implementation */

typedef struct {
    px_obj base;
} sysimpl;
extern const px_type px_type_sysimpl;
static const sysimpl impl_obj = {{&px_type_sysimpl}};

static const struct {
    px_obj base;
    size_t len;
    px_val items[4];
} impl_version = {{&px_type_tuple}, 4, {PX_SMALL_CONST(0), PX_SMALL_CONST(1), PX_SMALL_CONST(0), PX_QSTR_CONST(PX_Q(empty))}};

static const struct {
    px_obj base;
    size_t len;
    px_val items[3];
} version_info = {{&px_type_tuple}, 3, {PX_SMALL_CONST(3), PX_SMALL_CONST(4), PX_SMALL_CONST(0)}};

/* What the build runs on: sys.platform (the symbol of an interned name)
 * and sys.implementation._machine; a board's config header names its own
 * ("qemu", "mps2-an385 with Cortex-M3"). */
#ifndef PX_SYS_PLATFORM
#define PX_SYS_PLATFORM linux
#endif
#ifndef PX_SYS_MACHINE
#define PX_SYS_MACHINE "linux [" PX_BUILD_COMPILER "] with " PX_BUILD_ARCH
#endif
#define PLATFORM_QID(name) PX_Q(name) /* expands PX_SYS_PLATFORM first */

/* "linux [GCC 12.2.0] with x86_64": made at start-up from the compiler's macros. */
static px_val machine_str = PX_NONE;

#define VERSION_TEXT "MicroPython v" PX_VERSION " on " PX_BUILD_DATE
const char px_sys_version_text[] = VERSION_TEXT;

static px_val impl_getattr(px_val self, px_qid name) {
    switch (name) {
    case PX_Q(name):
        return px_qstr(PX_Q(micropython));
    case PX_Q(version):
        return px_from_ptr(&impl_version);
    case PX_Q(_machine):
        return machine_str;
    case PX_Q(_build):
        return px_qstr(PX_Q(standard));
    case PX_Q(_mpy):
        return px_small(PX_MPY_SYS_VALUE); /* the .mpy files this build reads */
    default:
        return PX_NULL;
    }
}

static void impl_print(px_out *out, px_val self, px_print_kind kind) {
    px_write_cstr(out, "(name='micropython', version=");
    px_print(out, px_from_ptr(&impl_version), PX_PRINT_REPR);
    px_write_cstr(out, ", _machine=");
    px_print(out, machine_str, PX_PRINT_REPR);
    px_write_cstr(out, ", _build='standard')");
}

const px_type px_type_sysimpl = {
    .base = {&px_type_type},
    .name = PX_Q(implementation),
    .base_type = &px_type_object,
    .print = impl_print,
    .getattr = impl_getattr,
};

/* ---- functions */

static px_val sys_exit(size_t argc, const px_val *argv) {
    if (argc == 1 && argv[0] == PX_NONE) {
        argc = 0; /* exit(None) is SystemExit() as in CPython */
    }
    px_raise(px_exc_new(&px_type_SystemExit, argc, argv));
}

/* A px_out that calls file.write(str). */
static void file_write(void *ctx, const char *s, size_t n) {
    px_val file = *(px_val *)ctx;
    px_val str = px_str(s, n);
    px_call_method(file, PX_Q(write), 1, &str);
}

static px_val sys_print_exception(size_t argc, const px_val *argv) {
    if (!px_is_exception(argv[0])) {
        px_raise_type_error("print_exception() argument must be an exception");
    }
    px_val file = argc > 1 ? argv[1] : px_from_ptr(&con_text[1]);
    if (px_is_type(file, &px_type_console_text)) {
        const console *c = px_as_ptr(file);
        px_exc_print(c->fd == 2 ? &px_out_stderr : &px_out_stdout, argv[0]);
        return PX_NONE;
    }
    px_out out = {file_write, &file};
    px_exc_print(&out, argv[0]);
    return PX_NONE;
}

static px_val sys_exc_info(void) {
    px_val items[3] = {PX_NONE, PX_NONE, PX_NONE};
    px_val e = px_st.handled_exc;
    if (e != PX_NULL && e != PX_NONE) {
        items[0] = px_from_ptr(px_type_of(e));
        items[1] = e;
    }
    return px_tuple_new(3, items);
}

static px_val sys_getrecursionlimit(void) {
    return px_small(px_st.recursion_limit);
}

static px_val sys_setrecursionlimit(px_val n) {
    px_int lim = px_index(n);
    if (lim < 1) {
        px_raise_value_error("recursion limit must be greater or equal than 1");
    }
    px_st.recursion_limit = lim > 0x7FFFFFFF ? 0x7FFFFFFF : (unsigned)lim;
    return PX_NONE;
}

static px_val atexit_func = PX_NONE;

static px_val sys_atexit(px_val f) {
    px_val prev = atexit_func;
    atexit_func = f;
    return prev;
}

void px_sys_run_atexit(void) {
    px_val f = atexit_func;
    atexit_func = PX_NONE;
    if (f != PX_NONE && f != PX_NULL) {
        px_call0(f);
    }
}

/* sys.getsizeof(obj): the bytes the heap holds for obj: its own block
 * and the storage it owns (the items of a list, the table of a dict or
 * set, the data of a buffer kept apart). A value that needs no block (a
 * small int, None, an interned str) or lives in ROM counts one word. */
static size_t map_bytes(const px_map *m) {
    return px_gc_size(m->entries) + px_gc_size(m->index);
}

static px_val sys_getsizeof(size_t argc, const px_val *argv) {
    px_val v = argv[0];
    size_t n = px_is_obj(v) ? px_gc_size(px_as_ptr(v)) : 0;
    if (n == 0) {
        return px_small((px_int)sizeof(px_val));
    }
    const px_type *t = px_type_of(v);
    if (t == &px_type_list) {
        n += px_gc_size(px_list_ptr(v)->items);
    } else if (t == &px_type_dict) {
        n += map_bytes(px_dict_map(v));
    } else if (t == &px_type_set || t == &px_type_frozenset) {
        n += map_bytes(&((px_set *)px_as_ptr(v))->map);
    } else if (t->buffer != NULL) {
        px_buffer b;
        const uint8_t *obj = px_as_ptr(v);
        if (px_buffer_try(v, &b, PX_BUF_READ) && b.len > 0 &&
            ((const uint8_t *)b.data < obj || (const uint8_t *)b.data >= obj + n)) {
            n += px_gc_size(b.data);
        }
    }
    return px_int_from_u64(n);
}

static PX_FUNV(sys_exit_obj, exit, 0, 1, sys_exit);
static PX_FUNV(sys_print_exception_obj, print_exception, 1, 2, sys_print_exception);
static PX_FUN0(sys_exc_info_obj, exc_info, sys_exc_info);
static PX_FUN0(sys_getrecursionlimit_obj, getrecursionlimit, sys_getrecursionlimit);
static PX_FUN1(sys_setrecursionlimit_obj, setrecursionlimit, sys_setrecursionlimit);
static PX_FUN1(sys_atexit_obj, atexit, sys_atexit);
static PX_FUNV(sys_getsizeof_obj, getsizeof, 1, 2, sys_getsizeof);

/* Sorted by name bytes. */
static const px_map_entry sys_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(sys))),
    PX_ENTRY_OBJ(atexit, &sys_atexit_obj),
    PX_ENTRY(byteorder, PX_QSTR_CONST(PX_Q(little))),
    PX_ENTRY_OBJ(exc_info, &sys_exc_info_obj),
    PX_ENTRY_OBJ(exit, &sys_exit_obj),
    PX_ENTRY_OBJ(getrecursionlimit, &sys_getrecursionlimit_obj),
    PX_ENTRY_OBJ(getsizeof, &sys_getsizeof_obj),
    PX_ENTRY_OBJ(implementation, &impl_obj),
    PX_ENTRY(platform, PX_QSTR_CONST(PLATFORM_QID(PX_SYS_PLATFORM))),
    PX_ENTRY_OBJ(print_exception, &sys_print_exception_obj),
    PX_ENTRY_OBJ(setrecursionlimit, &sys_setrecursionlimit_obj),
    PX_ENTRY_OBJ(stderr, &con_text[2]),
    PX_ENTRY_OBJ(stdin, &con_text[0]),
    PX_ENTRY_OBJ(stdout, &con_text[1]),
    PX_ENTRY_OBJ(version_info, &version_info),
};
static PX_CONST_MAP(sys_globals, sys_table);

/* The heap module: the const globals plus what changes at run time. It
 * becomes px_st.sys_module, where import reads sys.path from. */
static px_val sys_make(const px_module *module) {
    if (px_st.sys_module != PX_NULL) {
        return px_st.sys_module;
    }
    px_gc_add_root(&atexit_func, sizeof atexit_func);
    px_gc_add_root(&machine_str, sizeof machine_str);
    machine_str = px_str_cstr(PX_SYS_MACHINE);
    px_val m = px_module_new(PX_Q(sys));
    px_map *g = px_module_globals(m);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(module->globals, &pos)) != NULL) {
        px_map_set(g, e->key, e->value);
    }
    px_map_set_q(g, PX_Q(version), px_str_cstr("3.4.0; " VERSION_TEXT));
    px_map_set_q(g, PX_Q(ps1), px_str_cstr(">>> "));
    px_map_set_q(g, PX_Q(ps2), px_str_cstr("... "));
    px_map_set_q(g, PX_Q(argv), px_st.argv);
    px_map_set_q(g, PX_Q(path), px_st.path);
    px_map_set_q(g, PX_Q(modules), px_st.modules);
    /* the largest int a build without big ints has, as the docs say */
    px_map_set_q(g, PX_Q(maxsize), px_int_from_i64(PX_HAS_BIGINT ? (int64_t)(SIZE_MAX >> 1) : PX_SMALL_MAX));
    px_map_set_q(g, PX_Q(tracebacklimit), px_small(1000));
    px_st.sys_module = m;
    return m;
}

void px_sys_print_banner(px_out *out) {
    px_import(px_qstr(PX_Q(sys)), PX_NONE, 0, NULL); /* sets machine_str */
    px_write_cstr(out, px_sys_version_text);
    px_write_cstr(out, "; ");
    px_print(out, machine_str, PX_PRINT_STR);
}

PX_MODULE_DEF(sys, sys_globals, 0, sys_make);
