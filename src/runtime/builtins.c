/* The builtins module: functions implemented here (print, getattr, exec,
 * isinstance, ...) and the const table listing every built-in name. */
#include "rt_internal.h"

/* ---- attributes */
static px_val bi_getattr(size_t argc, const px_val *argv) {
    px_qid name = px_rt_attr_name(argv[1]);
    if (argc == 3) {
        px_val v = px_getattr_opt(argv[0], name);
        return v == PX_NULL ? argv[2] : v;
    }
    return px_getattr(argv[0], name);
}
static PX_FUNV(px_builtin_getattr, getattr, 2, 3, bi_getattr);

static px_val bi_setattr(px_val obj, px_val name, px_val value) {
    px_setattr(obj, px_rt_attr_name(name), value);
    return PX_NONE;
}
static PX_FUN3(px_builtin_setattr, setattr, bi_setattr);

static px_val bi_delattr(px_val obj, px_val name) {
    px_delattr(obj, px_rt_attr_name(name));
    return PX_NONE;
}
static PX_FUN2(px_builtin_delattr, delattr, bi_delattr);

static px_val bi_hasattr(px_val obj, px_val name) {
    return px_bool(px_getattr_opt(obj, px_rt_attr_name(name)) != PX_NULL);
}
static PX_FUN2(px_builtin_hasattr, hasattr, bi_hasattr);

static void add_keys(px_val set, const px_map *m) {
    if (m == NULL) {
        return;
    }
    for (uint32_t i = 0; i < m->used; i++) {
        if (m->entries[i].key != PX_NULL && px_is_str(m->entries[i].key)) {
            px_dict_set(set, m->entries[i].key, PX_NONE);
        }
    }
}

static void add_type_keys(px_val set, const px_type *t) {
    const px_type *mro[64];
    size_t n = px_rt_mro(t, mro, 64);
    for (size_t i = 0; i < n; i++) {
        add_keys(set, mro[i]->dict);
    }
}

static px_val bi_dir(size_t argc, const px_val *argv) {
    px_val set = px_dict_new(0);
    if (argc == 0) {
        px_val loc = px_vm_locals();
        if (px_is_dict(loc)) {
            add_keys(set, px_dict_map(loc));
        }
    } else {
        px_val o = argv[0];
        px_val hook = px_rt_user_lookup(px_type_of(o), PX_Q(__dir__));
        if (hook != PX_NULL) {
            px_val list = px_list_from_iter(px_rt_call_dunder0(hook, o));
            px_list_sort(list, PX_NONE, false);
            return list;
        }
        /* attributes every object answers (not stored in any dict here) */
        px_dict_set(set, px_qstr(PX_Q(__doc__)), PX_NONE);
        if (px_is_type(o, &px_type_module)) {
            add_keys(set, px_module_globals(o));
        } else {
            px_dict_set(set, px_qstr(PX_Q(__class__)), PX_NONE);
            if (px_rt_is_instance(o) || (px_is_type_obj(o) && px_rt_is_heap_type(px_as_ptr(o)))) {
                px_dict_set(set, px_qstr(PX_Q(__dict__)), PX_NONE);
            }
            if (px_is_type_obj(o)) {
                add_type_keys(set, px_as_ptr(o));
            } else {
                if (px_rt_is_instance(o)) {
                    add_keys(set, &px_rt_inst(o)->dict);
                }
                add_type_keys(set, px_type_of(o));
            }
        }
    }
    px_val list = px_list_from_iter(set);
    px_list_sort(list, PX_NONE, false);
    return list;
}
static PX_FUNV(px_builtin_dir, dir, 0, 1, bi_dir);

static px_val bi_vars(size_t argc, const px_val *argv) {
    if (argc == 0) {
        return px_vm_locals();
    }
    px_val d = px_getattr_opt(argv[0], PX_Q(__dict__)); /* a module's: its live globals */
    if (d == PX_NULL) {
        px_raise_type_error("vars() argument must have __dict__ attribute");
    }
    return d;
}
static PX_FUNV(px_builtin_vars, vars, 0, 1, bi_vars);

/* ---- types */
/* One walk serves isinstance() and issubclass(): arg 2 may be a type, a union
   or a (nested) tuple of them; `subclass` picks the test and the message. */
static bool class_check_any(px_val obj, px_val cls, bool subclass, int depth) {
    if (px_is_type_obj(cls)) {
        /* a metaclass may decide (abstract base classes do) */
        const px_type *meta = px_type_of(cls);
        px_val hook = px_rt_is_heap_type(meta)
                          ? px_rt_user_lookup(meta, subclass ? PX_Q(__subclasscheck__) : PX_Q(__instancecheck__))
                          : PX_NULL;
        if (hook != PX_NULL) {
            if (!subclass && px_as_ptr(cls) == px_type_of(obj)) {
                return true; /* the exact type: CPython skips the hook */
            }
            return px_truthy(px_rt_call_dunder1(hook, cls, obj));
        }
        return subclass ? px_issubclass(px_as_ptr(obj), px_as_ptr(cls)) : px_isinstance(obj, px_as_ptr(cls));
    }
    px_val members = px_rt_union_types(cls);
    if (members != PX_NULL) {
        cls = members;
    }
    if (px_is_tuple(cls) && depth < 64) {
        px_tuple *t = px_tuple_ptr(cls);
        for (size_t i = 0; i < t->len; i++) {
            if (class_check_any(obj, t->items[i], subclass, depth + 1)) {
                return true;
            }
        }
        return false;
    }
    px_raise_type_error(subclass ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                                 : "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

static px_val bi_isinstance(px_val obj, px_val cls) { return px_bool(class_check_any(obj, cls, false, 0)); }
static PX_FUN2(px_builtin_isinstance, isinstance, bi_isinstance);

static px_val bi_issubclass(px_val sub, px_val cls) {
    if (!px_is_type_obj(sub)) {
        px_raise_type_error("issubclass() arg 1 must be a class");
    }
    return px_bool(class_check_any(sub, cls, true, 0));
}
static PX_FUN2(px_builtin_issubclass, issubclass, bi_issubclass);

static px_val bi_callable(px_val v) { return px_bool(px_callable(v)); }
static PX_FUN1(px_builtin_callable, callable, bi_callable);

/* ---- simple protocol wrappers */
static px_val bi_len(px_val v) { return px_int_from_u64(px_len(v)); }
static PX_FUN1(px_builtin_len, len, bi_len);

static px_val bi_hash(px_val v) { return px_hash_to_int(px_hash(v)); }
static PX_FUN1(px_builtin_hash, hash, bi_hash);

static px_val bi_repr(px_val v) { return px_to_repr(v); }
static PX_FUN1(px_builtin_repr, repr, bi_repr);

static px_val bi_abs(px_val v) { return px_unary(PX_UNOP_ABS, v); }
static PX_FUN1(px_builtin_abs, abs, bi_abs);

static px_val bi_id(px_val v) { return px_int_from_u64((uint64_t)v); }
static PX_FUN1(px_builtin_id, id, bi_id);

static px_val bi_globals(void) { return px_dict_of_map(px_vm_globals()); }
static PX_FUN0(px_builtin_globals, globals, bi_globals);

static px_val bi_locals(void) { return px_vm_locals(); }
static PX_FUN0(px_builtin_locals, locals, bi_locals);

/* ---- print / input */
static px_val check_sep(px_val v, const char *what) {
    if (v != PX_NONE && !px_is_str(v)) {
        px_raise_type_error("%s must be None or a string, not %s", what, px_type_name(v));
    }
    return v;
}

static px_val bi_print(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(sep), PX_ARG_KWONLY, PX_NONE},
        {PX_Q(end), PX_ARG_KWONLY, PX_NONE},
        {PX_Q(file), PX_ARG_KWONLY, PX_NONE},
        {PX_Q(flush), PX_ARG_KWONLY, PX_FALSE},
    };
    px_val kw[4] = {PX_NONE, PX_NONE, PX_NONE, PX_FALSE};
    if (kwnames != PX_NULL) {
        px_parse_args(PX_Q(print), 0, argv + argc, kwnames, 4, spec, kw);
    }
    px_val sep = check_sep(kw[0], "sep"), end = check_sep(kw[1], "end"), file = kw[2];
    if (file == PX_NONE) {
        px_out *out = &px_out_stdout;
        for (size_t i = 0; i < argc; i++) {
            if (i > 0) {
                if (sep == PX_NONE) {
                    px_write(out, " ", 1);
                } else {
                    px_print(out, sep, PX_PRINT_STR);
                }
            }
            px_print(out, argv[i], PX_PRINT_STR);
        }
        if (end == PX_NONE) {
            px_write(out, "\n", 1);
        } else {
            px_print(out, end, PX_PRINT_STR);
        }
        if (px_truthy(kw[3])) {
            px_port_stdout_flush();
        }
        return PX_NONE;
    }
    px_val write = px_getattr(file, PX_Q(write));
    for (size_t i = 0; i < argc; i++) {
        if (i > 0) {
            px_call1(write, sep == PX_NONE ? px_str(" ", 1) : sep);
        }
        px_call1(write, px_to_str(argv[i]));
    }
    px_call1(write, end == PX_NONE ? px_str("\n", 1) : end);
    if (px_truthy(kw[3])) {
        px_val flush = px_getattr_opt(file, PX_Q(flush));
        if (flush != PX_NULL) {
            px_call0(flush);
        }
    }
    return PX_NONE;
}
static PX_FUNKW(px_builtin_print, print, 0, PX_ARGS_MAX, bi_print);

static px_val bi_input(size_t argc, const px_val *argv) {
    if (argc == 1) {
        px_print(&px_out_stdout, argv[0], PX_PRINT_STR);
    }
    px_port_stdout_flush(); /* the prompt shows before we wait */
    px_strbuf b;
    px_strbuf_init(&b, 32);
    bool any = false;
    for (;;) {
        int c = px_port_stdin_char();
        if (c < 0) {
            if (!any) {
                px_raise_msg(&px_type_EOFError, "EOF when reading a line");
            }
            break;
        }
        any = true;
        if (c == '\n') {
            break;
        }
        px_strbuf_add_char(&b, (char)c);
    }
    if (!px_utf8_valid(b.data, b.len)) {
        px_raise_msg(&px_type_UnicodeDecodeError, "invalid utf-8 in input");
    }
    return px_strbuf_to_str(&b);
}
static PX_FUNV(px_builtin_input, input, 0, 1, bi_input);

/* ---- eval / exec / compile */
static px_code *source_code(px_val src, px_compile_mode mode, px_qid filename, const char *func) {
    if (px_is_type(src, &px_type_code)) {
        return px_as_ptr(src);
    }
    const char *s;
    size_t n;
    px_buffer buf;
    if (px_is_str(src)) {
        s = px_str_data(src, &n);
    } else if (px_buffer_try(src, &buf, PX_BUF_READ)) { /* bytes, bytearray, memoryview, array */
        s = buf.data;
        n = buf.len;
    } else {
        px_raise_type_error("%s() arg 1 must be a string, bytes or code object", func);
    }
    if (mode == PX_COMPILE_EVAL) {
        while (n > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
    }
    return px_compile(s, n, filename, mode);
}

static px_val run_code(px_val src, px_val globals, px_val locals, px_compile_mode mode, const char *func) {
    px_map *g;
    px_val loc;
    if (globals == PX_NONE) {
        g = px_vm_globals();
        loc = locals == PX_NONE ? px_vm_locals() : locals;
    } else {
        if (!px_is_dict(globals)) {
            if (mode == PX_COMPILE_EVAL) {
                px_raise_type_error("globals must be a real dict; try eval(expr, {}, mapping)");
            }
            px_raise_type_error("%s() globals must be a dict, not %s", func, px_type_name(globals));
        }
        g = px_dict_map(globals);
        loc = locals == PX_NONE ? PX_NULL : locals;
    }
    if (loc != PX_NULL && px_is_dict(loc) && px_dict_map(loc) == g) {
        loc = PX_NULL;
    }
    px_code *code = source_code(src, mode, PX_Q(lt_string_gt), func);
    return px_vm_run_code(code, g, loc);
}

static const px_argspec eval_spec[] = {
    {PX_Q(source), PX_ARG_REQUIRED | PX_ARG_POSONLY, PX_NONE},
    {PX_Q(globals), 0, PX_NONE},
    {PX_Q(locals), 0, PX_NONE},
};

static px_val bi_eval(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(eval), argc, argv, kwnames, 3, eval_spec, a);
    return run_code(a[0], a[1], a[2], PX_COMPILE_EVAL, "eval");
}
static PX_FUNKW(px_builtin_eval, eval, 1, 3, bi_eval);

static px_val bi_exec(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(exec), argc, argv, kwnames, 3, eval_spec, a);
    run_code(a[0], a[1], a[2], PX_COMPILE_FILE, "exec");
    return PX_NONE;
}
static PX_FUNKW(px_builtin_exec, exec, 1, 3, bi_exec);

static px_val bi_compile(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(source), PX_ARG_REQUIRED, PX_NONE},  {PX_Q(filename), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(mode), PX_ARG_REQUIRED, PX_NONE},    {PX_Q(flags), 0, PX_SMALL_CONST(0)},
        {PX_Q(dont_inherit), 0, PX_FALSE},         {PX_Q(optimize), 0, PX_SMALL_CONST(-1)},
    };
    px_val a[6];
    px_parse_args(PX_Q(compile), argc, argv, kwnames, 6, spec, a);
    if (!px_is_str(a[1])) {
        px_raise_type_error("compile() argument 'filename' must be str, not %s", px_type_name(a[1]));
    }
    if (!px_is_str(a[2])) {
        px_raise_type_error("compile() argument 'mode' must be str, not %s", px_type_name(a[2]));
    }
    size_t n;
    const char *m = px_str_data(a[2], &n);
    px_compile_mode mode;
    if (n == 4 && memcmp(m, "exec", 4) == 0) {
        mode = PX_COMPILE_FILE;
    } else if (n == 4 && memcmp(m, "eval", 4) == 0) {
        mode = PX_COMPILE_EVAL;
    } else if (n == 6 && memcmp(m, "single", 6) == 0) {
        mode = PX_COMPILE_SINGLE;
    } else {
        px_raise_value_error("compile() mode must be 'exec', 'eval' or 'single'");
    }
    return px_from_ptr(source_code(a[0], mode, px_str_to_qid(a[1]), "compile"));
}
static PX_FUNKW(px_builtin_compile, compile, 3, 6, bi_compile);

/* open(): files belong to the port (the core has no OS calls). */
PX_FUNKW(px_builtin_open, open, 0, 8, px_port_open);

/* ---- help() in MicroPython's form */
static const char help_text[] =
    "Welcome to MicroPython!\n"
    "\n"
    "For online docs please visit http://docs.micropython.org/\n"
    "\n"
    "This is the Linux port: scripts run with `micropython script.py`,\n"
    "`micropython -h` lists the command-line options.\n"
    "\n"
    "Control commands at the REPL:\n"
    "  CTRL-A        -- on a blank line, enter raw REPL mode\n"
    "  CTRL-B        -- on a blank line, enter normal REPL mode\n"
    "  CTRL-C        -- interrupt a running program\n"
    "  CTRL-D        -- on a blank line, exit\n"
    "  CTRL-E        -- on a blank line, enter paste mode\n"
    "\n"
    "For further help on a specific object, type help(obj)\n"
    "For a list of available modules, type help('modules')\n";

static void help_modules(void) {
    px_val names = px_module_names();
    size_t n;
    px_val *items = px_seq_items(names, &n);
    enum { COLUMNS = 4 };
    size_t width = 16;
    for (size_t i = 0; i < n; i++) {
        size_t len = px_str_charlen(items[i]) + 2;
        width = len > width ? len : width;
    }
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = px_str_data(items[i], &len);
        px_write(&px_out_stdout, s, len);
        bool last = i % COLUMNS == COLUMNS - 1 || i + 1 == n;
        for (size_t k = len; !last && k < width; k++) {
            px_write(&px_out_stdout, " ", 1);
        }
        if (last) {
            px_write(&px_out_stdout, "\n", 1);
        }
    }
    px_write_cstr(&px_out_stdout, "Plus any modules on the filesystem\n");
}

/* "object X is of type T", then the names of its module or type. */
static void help_object(px_val obj) {
    px_out *out = &px_out_stdout;
    px_write_cstr(out, "object ");
    px_print(out, obj, PX_PRINT_STR);
    px_printf(out, " is of type %s\n", px_type_name(obj));
    const px_map *m;
    bool module = px_is_type(obj, &px_type_module);
    if (module) {
        m = px_module_globals(obj);
    } else if (px_is_type_obj(obj)) {
        m = ((const px_type *)px_as_ptr(obj))->dict;
    } else {
        m = px_type_of(obj)->dict;
    }
    for (uint32_t i = 0; m != NULL && i < m->used; i++) {
        px_val key = m->entries[i].key;
        if (key == PX_NULL) {
            continue;
        }
        size_t klen;
        const char *k = px_is_str(key) ? px_str_data(key, &klen) : "";
        if (!module && k[0] == '_' && k[1] == '_') {
            continue; /* a type's dunders are the protocol, not its API */
        }
        px_write_cstr(out, "  ");
        px_print(out, m->entries[i].key, PX_PRINT_STR);
        px_write_cstr(out, " -- ");
        px_print(out, m->entries[i].value, PX_PRINT_STR);
        px_write_cstr(out, "\n");
    }
}

static px_val bi_help(size_t argc, const px_val *argv) {
    if (argc == 0) {
        px_write_cstr(&px_out_stdout, help_text);
    } else if (px_is_str(argv[0]) && px_str_equal(argv[0], px_qstr(PX_Q(modules)))) {
        help_modules();
    } else {
        help_object(argv[0]);
    }
    return PX_NONE;
}
static PX_FUNV(px_builtin_help, help, 0, 1, bi_help);

/* exit()/quit(): what the site module gives CPython scripts */
static px_val bi_exit(size_t argc, const px_val *argv) {
    px_raise(px_exc_new(&px_type_SystemExit, argc, argv));
}
static PX_FUNV(px_builtin_exit, exit, 0, 1, bi_exit);
static PX_FUNV(px_builtin_quit, quit, 0, 1, bi_exit);

/* ---- classes and imports */
static PX_FUNKW(px_builtin_build_class, __build_class__, 2, PX_ARGS_MAX, px_build_class);

static px_val bi_import(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(name), PX_ARG_REQUIRED, PX_NONE},  {PX_Q(globals), 0, PX_NONE}, {PX_Q(locals), 0, PX_NONE},
        {PX_Q(fromlist), 0, PX_NONE},            {PX_Q(level), 0, PX_SMALL_CONST(0)},
    };
    px_val a[5];
    px_parse_args(PX_Q(__import__), argc, argv, kwnames, 5, spec, a);
    if (!px_is_str(a[0])) {
        px_raise_type_error("module name must be a string");
    }
    px_map *g = px_is_dict(a[1]) ? px_dict_map(a[1]) : NULL;
    px_int level = px_index(a[4]);
    if (level < 0) {
        px_raise_value_error("level must be >= 0");
    }
    if (g == NULL && level > 0) {
        g = px_vm_globals(); /* MicroPython: relative to the calling module (micropython-lib's hashlib) */
    }
    return px_import(a[0], a[3], level, g);
}
static PX_FUNKW(px_builtin___import__, __import__, 1, 5, bi_import);

px_val px_import_hook(void) {
    px_map *g = px_module_globals(px_st.builtins);
    if (g->flags & PX_MAP_CONST) {
        return PX_NULL; /* builtins never changed */
    }
    px_val f = px_map_get_q(g, PX_Q(__import__));
    if (f == PX_NULL) {
        px_raise_msg(&px_type_ImportError, "__import__ not found");
    }
    return f == px_from_ptr(&px_builtin___import__) ? PX_NULL : f;
}

/* The builtins module table: sorted by name bytes (strcmp order). */
static const px_map_entry builtins_table[] = {
    PX_ENTRY_OBJ(ArithmeticError, &px_type_ArithmeticError),
    PX_ENTRY_OBJ(AssertionError, &px_type_AssertionError),
    PX_ENTRY_OBJ(AttributeError, &px_type_AttributeError),
    PX_ENTRY_OBJ(BaseException, &px_type_BaseException),
    PX_ENTRY_OBJ(BaseExceptionGroup, &px_type_BaseExceptionGroup),
    PX_ENTRY_OBJ(BlockingIOError, &px_type_BlockingIOError),
    PX_ENTRY_OBJ(BrokenPipeError, &px_type_BrokenPipeError),
    PX_ENTRY_OBJ(BufferError, &px_type_BufferError),
    PX_ENTRY_OBJ(BytesWarning, &px_type_BytesWarning),
    PX_ENTRY_OBJ(ChildProcessError, &px_type_ChildProcessError),
    PX_ENTRY_OBJ(ConnectionAbortedError, &px_type_ConnectionAbortedError),
    PX_ENTRY_OBJ(ConnectionError, &px_type_ConnectionError),
    PX_ENTRY_OBJ(ConnectionRefusedError, &px_type_ConnectionRefusedError),
    PX_ENTRY_OBJ(ConnectionResetError, &px_type_ConnectionResetError),
    PX_ENTRY_OBJ(DeprecationWarning, &px_type_DeprecationWarning),
    PX_ENTRY_OBJ(EOFError, &px_type_EOFError),
    PX_ENTRY(Ellipsis, PX_ELLIPSIS),
    PX_ENTRY_OBJ(EncodingWarning, &px_type_EncodingWarning),
    PX_ENTRY_OBJ(EnvironmentError, &px_type_OSError),
    PX_ENTRY_OBJ(Exception, &px_type_Exception),
    PX_ENTRY_OBJ(ExceptionGroup, &px_type_ExceptionGroup),
    PX_ENTRY(False, PX_FALSE),
    PX_ENTRY_OBJ(FileExistsError, &px_type_FileExistsError),
    PX_ENTRY_OBJ(FileNotFoundError, &px_type_FileNotFoundError),
    PX_ENTRY_OBJ(FloatingPointError, &px_type_FloatingPointError),
    PX_ENTRY_OBJ(FutureWarning, &px_type_FutureWarning),
    PX_ENTRY_OBJ(GeneratorExit, &px_type_GeneratorExit),
    PX_ENTRY_OBJ(IOError, &px_type_OSError),
    PX_ENTRY_OBJ(ImportError, &px_type_ImportError),
    PX_ENTRY_OBJ(ImportWarning, &px_type_ImportWarning),
    PX_ENTRY_OBJ(IndentationError, &px_type_IndentationError),
    PX_ENTRY_OBJ(IndexError, &px_type_IndexError),
    PX_ENTRY_OBJ(InterruptedError, &px_type_InterruptedError),
    PX_ENTRY_OBJ(IsADirectoryError, &px_type_IsADirectoryError),
    PX_ENTRY_OBJ(KeyError, &px_type_KeyError),
    PX_ENTRY_OBJ(KeyboardInterrupt, &px_type_KeyboardInterrupt),
    PX_ENTRY_OBJ(LookupError, &px_type_LookupError),
    PX_ENTRY_OBJ(MemoryError, &px_type_MemoryError),
    PX_ENTRY_OBJ(ModuleNotFoundError, &px_type_ModuleNotFoundError),
    PX_ENTRY_OBJ(NameError, &px_type_NameError),
    PX_ENTRY(None, PX_NONE),
    PX_ENTRY_OBJ(NotADirectoryError, &px_type_NotADirectoryError),
    PX_ENTRY(NotImplemented, PX_NOTIMPL),
    PX_ENTRY_OBJ(NotImplementedError, &px_type_NotImplementedError),
    PX_ENTRY_OBJ(OSError, &px_type_OSError),
    PX_ENTRY_OBJ(OverflowError, &px_type_OverflowError),
    PX_ENTRY_OBJ(PendingDeprecationWarning, &px_type_PendingDeprecationWarning),
    PX_ENTRY_OBJ(PermissionError, &px_type_PermissionError),
    PX_ENTRY_OBJ(ProcessLookupError, &px_type_ProcessLookupError),
    PX_ENTRY_OBJ(RecursionError, &px_type_RecursionError),
    PX_ENTRY_OBJ(ReferenceError, &px_type_ReferenceError),
    PX_ENTRY_OBJ(ResourceWarning, &px_type_ResourceWarning),
    PX_ENTRY_OBJ(RuntimeError, &px_type_RuntimeError),
    PX_ENTRY_OBJ(RuntimeWarning, &px_type_RuntimeWarning),
    PX_ENTRY_OBJ(StopAsyncIteration, &px_type_StopAsyncIteration),
    PX_ENTRY_OBJ(StopIteration, &px_type_StopIteration),
    PX_ENTRY_OBJ(SyntaxError, &px_type_SyntaxError),
    PX_ENTRY_OBJ(SyntaxWarning, &px_type_SyntaxWarning),
    PX_ENTRY_OBJ(SystemError, &px_type_SystemError),
    PX_ENTRY_OBJ(SystemExit, &px_type_SystemExit),
    PX_ENTRY_OBJ(TabError, &px_type_TabError),
    PX_ENTRY_OBJ(TimeoutError, &px_type_TimeoutError),
    PX_ENTRY(True, PX_TRUE),
    PX_ENTRY_OBJ(TypeError, &px_type_TypeError),
    PX_ENTRY_OBJ(UnboundLocalError, &px_type_UnboundLocalError),
    PX_ENTRY_OBJ(UnicodeDecodeError, &px_type_UnicodeDecodeError),
    PX_ENTRY_OBJ(UnicodeEncodeError, &px_type_UnicodeEncodeError),
    PX_ENTRY_OBJ(UnicodeError, &px_type_UnicodeError),
    PX_ENTRY_OBJ(UnicodeTranslateError, &px_type_UnicodeTranslateError),
    PX_ENTRY_OBJ(UnicodeWarning, &px_type_UnicodeWarning),
    PX_ENTRY_OBJ(UserWarning, &px_type_UserWarning),
    PX_ENTRY_OBJ(ValueError, &px_type_ValueError),
    PX_ENTRY_OBJ(Warning, &px_type_Warning),
    PX_ENTRY_OBJ(ZeroDivisionError, &px_type_ZeroDivisionError),
    PX_ENTRY_OBJ(__build_class__, &px_builtin_build_class),
    PX_ENTRY(__debug__, PX_TRUE),
    PX_ENTRY(__doc__, PX_NONE),
    PX_ENTRY_OBJ(__import__, &px_builtin___import__),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(builtins))),
    PX_ENTRY_OBJ(abs, &px_builtin_abs),
    PX_ENTRY_OBJ(all, &px_builtin_all),
    PX_ENTRY_OBJ(any, &px_builtin_any),
    PX_ENTRY_OBJ(ascii, &px_builtin_ascii),
    PX_ENTRY_OBJ(bin, &px_builtin_bin),
    {PX_QSTR_CONST(PX_QID_bool), PX_OBJ_CONST(&px_type_bool)}, /* `bool` is a macro */
    PX_ENTRY_OBJ(bytearray, &px_type_bytearray),
    PX_ENTRY_OBJ(bytes, &px_type_bytes),
    PX_ENTRY_OBJ(callable, &px_builtin_callable),
    PX_ENTRY_OBJ(chr, &px_builtin_chr),
    PX_ENTRY_OBJ(classmethod, &px_type_classmethod),
    PX_ENTRY_OBJ(compile, &px_builtin_compile),
#if PX_HAS_COMPLEX
    PX_ENTRY_OBJ(complex, &px_type_complex),
#endif
    PX_ENTRY_OBJ(delattr, &px_builtin_delattr),
    PX_ENTRY_OBJ(dict, &px_type_dict),
    PX_ENTRY_OBJ(dir, &px_builtin_dir),
    PX_ENTRY_OBJ(divmod, &px_builtin_divmod),
    PX_ENTRY_OBJ(enumerate, &px_type_enumerate),
    PX_ENTRY_OBJ(eval, &px_builtin_eval),
    PX_ENTRY_OBJ(exec, &px_builtin_exec),
    PX_ENTRY_OBJ(exit, &px_builtin_exit),
    PX_ENTRY_OBJ(filter, &px_type_filter),
#if PX_HAS_FLOAT
    PX_ENTRY_OBJ(float, &px_type_float),
#endif
    PX_ENTRY_OBJ(format, &px_builtin_format),
    PX_ENTRY_OBJ(frozenset, &px_type_frozenset),
    PX_ENTRY_OBJ(getattr, &px_builtin_getattr),
    PX_ENTRY_OBJ(globals, &px_builtin_globals),
    PX_ENTRY_OBJ(hasattr, &px_builtin_hasattr),
    PX_ENTRY_OBJ(hash, &px_builtin_hash),
    PX_ENTRY_OBJ(help, &px_builtin_help),
    PX_ENTRY_OBJ(hex, &px_builtin_hex),
    PX_ENTRY_OBJ(id, &px_builtin_id),
    PX_ENTRY_OBJ(input, &px_builtin_input),
    PX_ENTRY_OBJ(int, &px_type_int),
    PX_ENTRY_OBJ(isinstance, &px_builtin_isinstance),
    PX_ENTRY_OBJ(issubclass, &px_builtin_issubclass),
    PX_ENTRY_OBJ(iter, &px_builtin_iter),
    PX_ENTRY_OBJ(len, &px_builtin_len),
    PX_ENTRY_OBJ(list, &px_type_list),
    PX_ENTRY_OBJ(locals, &px_builtin_locals),
    PX_ENTRY_OBJ(map, &px_type_map),
    PX_ENTRY_OBJ(max, &px_builtin_max),
    PX_ENTRY_OBJ(memoryview, &px_type_memoryview),
    PX_ENTRY_OBJ(min, &px_builtin_min),
    PX_ENTRY_OBJ(next, &px_builtin_next),
    PX_ENTRY_OBJ(object, &px_type_object),
    PX_ENTRY_OBJ(oct, &px_builtin_oct),
    PX_ENTRY_OBJ(open, &px_builtin_open),
    PX_ENTRY_OBJ(ord, &px_builtin_ord),
    PX_ENTRY_OBJ(pow, &px_builtin_pow),
    PX_ENTRY_OBJ(print, &px_builtin_print),
    PX_ENTRY_OBJ(property, &px_type_property),
    PX_ENTRY_OBJ(quit, &px_builtin_quit),
    PX_ENTRY_OBJ(range, &px_type_range),
    PX_ENTRY_OBJ(repr, &px_builtin_repr),
    PX_ENTRY_OBJ(reversed, &px_type_reversed),
    PX_ENTRY_OBJ(round, &px_builtin_round),
    PX_ENTRY_OBJ(set, &px_type_set),
    PX_ENTRY_OBJ(setattr, &px_builtin_setattr),
    PX_ENTRY_OBJ(slice, &px_type_slice),
    PX_ENTRY_OBJ(sorted, &px_builtin_sorted),
    PX_ENTRY_OBJ(staticmethod, &px_type_staticmethod),
    PX_ENTRY_OBJ(str, &px_type_str),
    PX_ENTRY_OBJ(sum, &px_builtin_sum),
    PX_ENTRY_OBJ(super, &px_type_super),
    PX_ENTRY_OBJ(tuple, &px_type_tuple),
    PX_ENTRY_OBJ(type, &px_type_type),
    PX_ENTRY_OBJ(vars, &px_builtin_vars),
    PX_ENTRY_OBJ(zip, &px_type_zip),
};
PX_CONST_MAP(px_builtins_globals, builtins_table);

/* The builtins module: the const table until a program changes it (see
 * module_make_mutable in import.c). */
static PX_MODULE(builtins_module, px_builtins_globals);

px_val px_builtins_module(void) {
    return px_from_ptr(&builtins_module);
}
