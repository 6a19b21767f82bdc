/* Modules and the import system.
 *
 * A heap module keeps its globals in a px_dict (module->globals points at
 * the dict's map), so __dict__ and globals() can hand out that dict. Built-in
 * modules are static const with a const map; they are read-only.
 *
 * Finding a module: sys.modules, then the built-in modules the port's
 * build declared (px_module_defs), then each sys.path directory (or the
 * parent package's __path__) for name/__init__.py, name/__init__.mpy,
 * name.py, name.mpy (a .py before its .mpy, as the docs' ".mpy files"
 * chapter says), and finally a bare directory (a namespace package). An extensible built-in comes after
 * the sys.path search instead (see PX_MODULE_EXTENSIBLE). A module is put
 * into sys.modules before its code runs, so circular imports see the
 * partial module, and removed if that code raises.
 */
#include "../runtime.h"
#include "../compiler/mpy.h"

/* ---- the module type */

static bool is_module(px_val v) {
    return px_is_type(v, &px_type_module);
}

px_map *px_module_globals(px_val module) {
    if (!is_module(module)) {
        px_raise_type_error("expected a module, got '%s'", px_type_name(module));
    }
    return ((px_module *)px_as_ptr(module))->globals;
}

px_val px_module_new(px_qid name) {
    px_module *m = px_gc_alloc(sizeof *m, 0);
    m->base.type = &px_type_module;
    px_val d = px_dict_new(8);
    m->globals = px_dict_map(d);
    px_map_set_q(m->globals, PX_Q(__name__), px_qstr(name));
    return px_from_ptr(m);
}

/* The builtins module is a heap module over the const table until a
 * program changes it (`builtins.x = 1`): then it gets a mutable copy, so
 * the table costs no RAM in programs that never do. */
static bool module_make_mutable(px_module *m) {
    if (!(m->globals->flags & PX_MAP_CONST)) {
        return true;
    }
    if (px_from_ptr(m) != px_st.builtins) {
        return false; /* a static const module */
    }
    px_val d = px_dict_new(m->globals->count + 4);
    px_map_copy(px_dict_map(d), m->globals);
    m->globals = px_dict_map(d);
    px_cache_epoch++; /* inline caches point into the const table (vm_cache.c) */
    return true;
}

/* The dict around a heap module's globals; a fresh copy for a const map. */
static px_val module_dict(px_module *m) {
    if (!module_make_mutable(m)) {
        px_val d = px_dict_new(m->globals->count);
        px_map_copy(px_dict_map(d), m->globals);
        return d;
    }
    return px_from_ptr((char *)m->globals - offsetof(px_dict, map));
}

static px_val module_getattr(px_val self, px_qid name) {
    px_module *m = px_as_ptr(self);
    px_val v = px_map_get_q(m->globals, name);
    if (v != PX_NULL) {
        return v;
    }
    if (name == PX_Q(__dict__)) {
        return module_dict(m);
    }
    if (name == PX_Q(__doc__)) {
        return PX_NONE; /* docstrings are not kept (as in MicroPython) */
    }
    /* module-level __getattr__ (PEP 562) */
    px_val ga = px_map_get_q(m->globals, PX_Q(__getattr__));
    if (ga != PX_NULL && name != PX_Q(__getattr__)) {
        return px_call1(ga, px_qstr(name));
    }
    return PX_NULL;
}

static bool module_setattr(px_val self, px_qid name, px_val value) {
    px_module *m = px_as_ptr(self);
    if (!module_make_mutable(m)) {
        return false;
    }
    if (value == PX_DELETE) {
        return px_map_pop(m->globals, px_qstr(name)) != PX_NULL;
    }
    px_map_set_q(m->globals, name, value);
    return true;
}

static void module_print(px_out *out, px_val self, px_print_kind kind) {
    px_module *m = px_as_ptr(self);
    px_val name = px_map_get_q(m->globals, PX_Q(__name__));
    px_val file = px_map_get_q(m->globals, PX_Q(__file__));
    px_write_cstr(out, "<module ");
    if (name != PX_NULL) {
        px_print(out, name, PX_PRINT_REPR);
    } else {
        px_write_cstr(out, "'?'");
    }
    if (file != PX_NULL && px_is_str(file)) {
        px_write_cstr(out, " from ");
        px_print(out, file, PX_PRINT_REPR);
    }
    px_write_cstr(out, ">");
}

const px_type px_type_module = {
    .base = {&px_type_type},
    .name = PX_Q(module),
    .base_type = &px_type_object,
    .print = module_print,
    .getattr = module_getattr,
    .setattr = module_setattr,
};

/* ---- helpers on names */

static px_val modules_get(px_val name) {
    return px_dict_get(px_st.modules, name);
}

static px_val str_slice(const char *s, size_t n) {
    return px_str_interned(s, n);
}

/* A linear search: the table is short and searched once per first import. */
const px_module_def *px_module_def_find(const char *s, size_t n) {
    px_qid q = px_qstr_find(s, n);
    if (q == PX_QID_NONE) {
        return NULL;
    }
    for (size_t i = 0; i < px_module_defs_count; i++) {
        if (px_module_defs[i]->name == q) {
            return px_module_defs[i];
        }
    }
    return NULL;
}

/* The module object of a declaration (made at first use if it has a make
 * function, which returns the same object every time). */
static px_val builtin_object(const px_module_def *def) {
    return def->make != NULL ? def->make(def->module) : px_from_ptr(def->module);
}

/* "dir/name" into a NUL-terminated GC string ("name" when dir is ""). */
static char *path_join(const char *dir, size_t dlen, const char *name, size_t nlen, const char *suffix) {
    size_t slen = strlen(suffix);
    char *p = px_gc_alloc(dlen + 1 + nlen + slen + 1, PX_GC_LEAF);
    size_t k = 0;
    if (dlen > 0) {
        memcpy(p, dir, dlen);
        k = dlen;
        if (dir[dlen - 1] != '/') {
            p[k++] = '/';
        }
    }
    memcpy(p + k, name, nlen);
    k += nlen;
    memcpy(p + k, suffix, slen);
    p[k + slen] = '\0';
    return p;
}

/* sys.path as it is now: a program may have assigned a new list to it. */
static px_val sys_path(void) {
    if (px_st.sys_module != PX_NULL && is_module(px_st.sys_module)) {
        px_val p = px_map_get_q(px_module_globals(px_st.sys_module), PX_Q(path));
        if (p != PX_NULL) {
            return p;
        }
    }
    return px_st.path;
}

/* ---- loading source modules */

static void set_str(px_map *g, px_qid key, const char *s) {
    px_map_set_q(g, key, px_str_cstr(s));
}

/* Run `code` as module `fullname`. file: its __file__ (NULL: none);
 * pkgdir: its __path__ if it is a package. */
static px_val exec_module(px_val fullname, px_code *code, const char *file, const char *pkgdir) {
    px_qid qname = px_str_to_qid(fullname);
    px_val mod = px_module_new(qname);
    px_map *g = px_module_globals(mod);
    if (file != NULL) {
        set_str(g, PX_Q(__file__), file);
    }
    if (pkgdir != NULL) {
        set_str(g, PX_Q(__path__), pkgdir);
        px_map_set_q(g, PX_Q(__package__), fullname);
    } else {
        size_t n;
        const char *s = px_str_data(fullname, &n);
        size_t dot = n;
        while (dot > 0 && s[dot - 1] != '.') {
            dot--;
        }
        px_map_set_q(g, PX_Q(__package__), str_slice(s, dot > 0 ? dot - 1 : 0));
    }
    px_dict_set(px_st.modules, fullname, mod);
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_vm_run_module(code, g);
        px_try_pop(&j);
    } else {
        px_map_pop(px_dict_map(px_st.modules), fullname);
        px_raise(j.exc);
    }
    /* the module may have replaced itself in sys.modules */
    px_val now = modules_get(fullname);
    return now != PX_NULL ? now : mod;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* 'path', for messages. */
static const char *quoted(const char *path) {
    px_strbuf b;
    px_strbuf_init(&b, strlen(path) + 3);
    px_strbuf_add_char(&b, '\'');
    px_strbuf_add_cstr(&b, path);
    px_strbuf_add(&b, "'", 2); /* and the NUL */
    return b.data;
}

/* The code of the file at `path`: a .mpy file loaded (and checked), any
 * other file compiled as source. Tracebacks name what the code says: the
 * path for source, the name the .mpy was compiled with for a .mpy. */
struct px_code *px_code_of_file(const char *path) {
    size_t len;
    int err = 0;
    char *data = px_port_read_file(path, &len, &err);
    if (data == NULL) {
        px_raise_os_error(err, "'%s'", path);
    }
    if (ends_with(path, ".mpy")) {
        return px_mpy_load((const uint8_t *)data, len, quoted(path));
    }
    px_code *code = px_compile(data, len, px_qstr_intern_cstr(path), PX_COMPILE_FILE);
    px_gc_free(data); /* the code holds nothing of the source: the module runs without it */
    return code;
}

/* Run the file at `path` (source or .mpy) as module `fullname`. */
static px_val load_file(px_val fullname, const char *path, const char *pkgdir) {
    return exec_module(fullname, px_code_of_file(path), path, pkgdir);
}

/* A frozen module's code: precompiled .mpy data in the binary, whose
 * bytecode the code objects use in place. */
static px_code *frozen_code(const px_frozen_def *f) {
    return px_mpy_load_static(f->mpy, f->len, quoted(f->file));
}

static const px_frozen_def *frozen_find(const char *s, size_t n) {
    for (size_t i = 0; i < px_frozen_defs_count; i++) {
        const px_frozen_def *f = &px_frozen_defs[i];
        if (strlen(f->name) == n && memcmp(f->name, s, n) == 0) {
            return f;
        }
    }
    return NULL;
}

/* A frozen module by its full name, or PX_NULL. */
px_val px_module_names(void) {
    px_val b = px_qstr(PX_Q(builtins));
    px_val names = px_list_new(1, &b);
    for (size_t i = 0; i < px_module_defs_count; i++) {
        px_list_append(names, px_qstr(px_module_defs[i]->name));
    }
    for (size_t i = 0; i < px_frozen_defs_count; i++) {
        if (strchr(px_frozen_defs[i].name, '.') == NULL) {
            px_list_append(names, px_str_cstr(px_frozen_defs[i].name));
        }
    }
    px_list_sort(names, PX_NONE, false);
    return names;
}

static px_val load_frozen(px_val fullname) {
    size_t n;
    const char *s = px_str_data(fullname, &n);
    const px_frozen_def *f = frozen_find(s, n);
    if (f == NULL) {
        return PX_NULL;
    }
    return exec_module(fullname, frozen_code(f), NULL, f->package ? PX_FROZEN_PATH : NULL);
}

/* A namespace package: a directory without __init__.py. */
static px_val load_namespace(px_val fullname, const char *dir) {
    px_val mod = px_module_new(px_str_to_qid(fullname));
    px_map *g = px_module_globals(mod);
    set_str(g, PX_Q(__path__), dir);
    px_map_set_q(g, PX_Q(__package__), fullname);
    px_dict_set(px_st.modules, fullname, mod);
    return mod;
}

/* The file of module `name` in directory d: name.py, else name.mpy;
 * NULL if neither. */
static char *module_file(const char *d, size_t dlen, const char *name, size_t nlen) {
    static const char *const suffixes[] = {".py", ".mpy"};
    for (size_t i = 0; i < 2; i++) {
        char *file = path_join(d, dlen, name, nlen, suffixes[i]);
        if (px_port_stat(file) == PX_PATH_FILE) {
            return file;
        }
    }
    return NULL;
}

/* A package directory's __init__.py or __init__.mpy, or NULL. */
static char *package_init(const char *pkg) {
    return module_file(pkg, strlen(pkg), "__init__", 8);
}

/* Look for `name` (the last component) in directory `dir`. Returns the
 * module, or PX_NULL; *ns_dir receives a directory without __init__.py. */
static px_val try_dir(px_val fullname, const char *name, size_t nlen, px_val dir, char **ns_dir) {
    size_t dlen;
    const char *d = px_str_data(dir, &dlen);
    if (dlen == sizeof PX_FROZEN_PATH - 1 && memcmp(d, PX_FROZEN_PATH, dlen) == 0) {
        return load_frozen(fullname);
    }
    char *pkg = path_join(d, dlen, name, nlen, "");
    if (px_port_stat(pkg) == PX_PATH_DIR) {
        char *init = package_init(pkg);
        if (init != NULL) {
            return load_file(fullname, init, pkg);
        }
        if (*ns_dir == NULL) {
            *ns_dir = pkg;
        }
    }
    char *file = module_file(d, dlen, name, nlen);
    if (file != NULL) {
        return load_file(fullname, file, NULL);
    }
    return PX_NULL;
}

/* Search directories: a str (one dir) or a list/tuple of str. */
static px_val search(px_val fullname, const char *name, size_t nlen, px_val dirs, char **ns_dir) {
    if (px_is_str(dirs)) {
        return try_dir(fullname, name, nlen, dirs, ns_dir);
    }
    size_t n;
    px_val *items = px_seq_items(dirs, &n);
    for (size_t i = 0; items != NULL && i < n; i++) {
        if (!px_is_str(items[i])) {
            continue;
        }
        px_val m = try_dir(fullname, name, nlen, items[i], ns_dir);
        if (m != PX_NULL) {
            return m;
        }
        items = px_seq_items(dirs, &n); /* the module may have changed sys.path */
    }
    return PX_NULL;
}

/* not_pkg: the parent is a module, not a package (CPython says so). The
 * error's `name` is the module's, so a caller can tell "this module is
 * missing" from "this module failed to import something else". */
PX_NORETURN static void not_found(px_val fullname, bool not_pkg) {
    size_t n;
    const char *s = px_str_data(fullname, &n);
    px_strbuf b;
    px_strbuf_init(&b, 2 * n + 40);
    px_strbuf_add_cstr(&b, "No module named '");
    px_strbuf_add(&b, s, n);
    px_strbuf_add_char(&b, '\'');
    if (not_pkg) {
        size_t dot = n;
        while (dot > 0 && s[dot - 1] != '.') {
            dot--;
        }
        px_strbuf_add_cstr(&b, "; '");
        px_strbuf_add(&b, s, dot - 1);
        px_strbuf_add_cstr(&b, "' is not a package");
    }
    px_val exc = px_exc_new_msg(&px_type_ModuleNotFoundError, px_strbuf_to_str(&b));
    px_setattr(exc, PX_Q(name), fullname);
    px_raise(exc);
}

/* Import one module given its full dotted name; parent is the already
 * imported package (PX_NULL for a top-level name). */
static px_val import_one(px_val fullname, px_val parent) {
    size_t n;
    const char *s = px_str_data(fullname, &n);
    const px_module_def *def = px_module_def_find(s, n);
    bool extensible = def != NULL && (def->flags & PX_MODULE_EXTENSIBLE) && parent == PX_NULL;
    px_val m;
    if (extensible && !px_truthy(sys_path())) {
        /* the extending NAME.py importing the built-in it extends: its
         * own partial module holds sys.modules[NAME] */
        m = builtin_object(def);
        if (modules_get(fullname) == PX_NULL) {
            px_dict_set(px_st.modules, fullname, m);
        }
        return m;
    }
    m = modules_get(fullname);
    if (m != PX_NULL) {
        return m;
    }
    if (def == NULL && parent == PX_NULL && n > 1 && s[0] == 'u') {
        /* `import utime`: the built-in time, whatever sys.path holds */
        def = px_module_def_find(s + 1, n - 1);
        extensible = false;
    }
    if (def != NULL && !extensible) {
        m = builtin_object(def);
        px_dict_set(px_st.modules, fullname, m);
        return m;
    }
    if (def == NULL && px_qstr_find(s, n) == PX_Q(builtins)) {
        m = px_st.builtins; /* taken out of sys.modules */
        px_dict_set(px_st.modules, fullname, m);
        return m;
    }
    size_t dot = n;
    while (dot > 0 && s[dot - 1] != '.') {
        dot--;
    }
    const char *last = s + dot;
    size_t llen = n - dot;
    px_val dirs;
    if (parent != PX_NULL) {
        dirs = px_getattr_opt(parent, PX_Q(__path__));
        if (dirs == PX_NULL) {
            not_found(fullname, true);
        }
    } else {
        dirs = sys_path();
    }
    char *ns_dir = NULL;
    m = search(fullname, last, llen, dirs, &ns_dir);
    if (m == PX_NULL && def != NULL) {
        m = builtin_object(def); /* an extensible module nothing extends */
        px_dict_set(px_st.modules, fullname, m);
        return m;
    }
    if (m == PX_NULL && ns_dir != NULL) {
        m = load_namespace(fullname, ns_dir);
    }
    if (m == PX_NULL) {
        not_found(fullname, false);
    }
    if (parent != PX_NULL && is_module(parent) &&
        !(((px_module *)px_as_ptr(parent))->globals->flags & PX_MAP_CONST)) {
        px_map_set_q(px_module_globals(parent), px_qstr_intern(last, llen), m);
    }
    return m;
}

/* The absolute name for a relative import of `name` at `level`. */
static px_val resolve_relative(px_val name, px_int level, px_map *globals) {
    px_val pkg = globals ? px_map_get_q(globals, PX_Q(__package__)) : PX_NULL;
    size_t plen = 0;
    const char *p = NULL;
    if (pkg != PX_NULL && px_is_str(pkg)) {
        p = px_str_data(pkg, &plen);
    }
    if (plen == 0 && globals != NULL) {
        px_val modname = px_map_get_q(globals, PX_Q(__name__));
        if (modname != PX_NULL && px_is_str(modname)) {
            p = px_str_data(modname, &plen);
            if (px_map_get_q(globals, PX_Q(__path__)) == PX_NULL) {
                while (plen > 0 && p[plen - 1] != '.') {
                    plen--;
                }
                plen = plen > 0 ? plen - 1 : 0;
            }
            if (plen == 8 && memcmp(p, "__main__", 8) == 0) {
                plen = 0;
            }
        }
    }
    if (plen == 0) {
        px_raise_msg(&px_type_ImportError, "attempted relative import with no known parent package");
    }
    for (px_int i = 1; i < level; i++) {
        while (plen > 0 && p[plen - 1] != '.') {
            plen--;
        }
        if (plen == 0) {
            px_raise_msg(&px_type_ImportError, "attempted relative import beyond top-level package");
        }
        plen--;
    }
    size_t nlen = 0;
    const char *ns = px_str_data(name, &nlen);
    if (nlen == 0) {
        return str_slice(p, plen);
    }
    px_strbuf b;
    px_strbuf_init(&b, plen + 1 + nlen);
    px_strbuf_add(&b, p, plen);
    px_strbuf_add_char(&b, '.');
    px_strbuf_add(&b, ns, nlen);
    return px_str_interned(b.data, b.len);
}

px_val px_import(px_val name, px_val fromlist, px_int level, px_map *globals) {
    if (!px_is_str(name)) {
        px_raise_type_error("module name must be str, not %s", px_type_name(name));
    }
    if (level < 0) {
        px_raise_value_error("level must be >= 0");
    }
    px_val full = name;
    if (level > 0) {
        full = resolve_relative(name, level, globals);
    } else {
        size_t n;
        px_str_data(name, &n);
        if (n == 0) {
            px_raise_value_error("Empty module name");
        }
    }
    size_t n;
    const char *s = px_str_data(full, &n);
    /* fast path: already imported and no need for the top package (not
     * with sys.path empty, which reaches past sys.modules to a built-in) */
    bool want_last = fromlist != PX_NULL && fromlist != PX_NONE && px_truthy(fromlist);
    if (want_last && px_truthy(sys_path())) {
        px_val m = modules_get(full);
        if (m != PX_NULL) {
            return m;
        }
    }
    px_val top = PX_NULL, parent = PX_NULL;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '.') {
            continue;
        }
        if (i == start) {
            px_raise_value_error("Empty module name");
        }
        px_val part = str_slice(s, i);
        parent = import_one(part, parent);
        s = px_str_data(full, &n); /* a heap str does not move, but stay safe */
        if (top == PX_NULL) {
            top = parent;
        }
        start = i + 1;
    }
    if (want_last || level > 0) {
        return parent;
    }
    return top;
}

px_val px_import_from(px_val module, px_qid name) {
    px_val v = px_getattr_opt(module, name);
    if (v != PX_NULL) {
        return v;
    }
    px_val modname = px_getattr_opt(module, PX_Q(__name__));
    if (modname != PX_NULL && px_is_str(modname) && px_getattr_opt(module, PX_Q(__path__)) != PX_NULL) {
        size_t n;
        const char *s = px_str_data(modname, &n);
        px_strbuf b;
        px_strbuf_init(&b, n + 1 + px_qstr_len(name));
        px_strbuf_add(&b, s, n);
        px_strbuf_add_char(&b, '.');
        px_strbuf_add(&b, px_qstr_str(name), px_qstr_len(name));
        px_val full = px_str_interned(b.data, b.len);
        px_val m = modules_get(full);
        if (m != PX_NULL) {
            return m;
        }
        px_jmp j;
        px_try_push(&j);
        if (setjmp(j.buf) == 0) {
            m = import_one(full, module);
            px_try_pop(&j);
            return m;
        } else {
            /* only the submodule's own absence means "cannot import name";
             * an import failing inside it is the error to report */
            px_val missing = px_exc_matches(j.exc, px_from_ptr(&px_type_ModuleNotFoundError))
                                 ? px_getattr_opt(j.exc, PX_Q(name))
                                 : PX_NULL;
            if (missing == PX_NULL || !px_is_str(missing) || !px_str_equal(missing, full)) {
                px_raise(j.exc);
            }
        }
    }
    px_val file = px_getattr_opt(module, PX_Q(__file__));
    const char *mn = "<unknown module name>";
    size_t mlen = strlen(mn);
    if (modname != PX_NULL && px_is_str(modname)) {
        mn = px_str_data(modname, &mlen);
    }
    px_strbuf b;
    px_strbuf_init(&b, mlen + 64);
    px_strbuf_add_cstr(&b, "cannot import name '");
    px_strbuf_add(&b, px_qstr_str(name), px_qstr_len(name));
    px_strbuf_add_cstr(&b, "' from '");
    px_strbuf_add(&b, mn, mlen);
    px_strbuf_add_cstr(&b, "' (");
    if (file != PX_NULL && px_is_str(file)) {
        size_t flen;
        const char *f = px_str_data(file, &flen);
        px_strbuf_add(&b, f, flen);
    } else {
        px_strbuf_add_cstr(&b, "unknown location");
    }
    px_strbuf_add_char(&b, ')');
    px_val exc = px_exc_new_msg(&px_type_ImportError, px_strbuf_to_str(&b));
    if (modname != PX_NULL && px_is_str(modname)) {
        px_setattr(exc, PX_Q(name), modname); /* as CPython: the module searched */
    }
    px_raise(exc);
}

static bool is_private(px_val key) {
    size_t n;
    const char *s = px_str_data(key, &n);
    return n > 0 && s[0] == '_';
}

void px_import_star(px_val module, px_map *into) {
    px_val all = px_getattr_opt(module, PX_Q(__all__));
    if (all != PX_NULL) {
        px_val it = px_iter(all);
        px_val name;
        while ((name = px_next(it)) != PX_NULL) {
            if (!px_is_str(name)) {
                px_raise_type_error("Item in %s.__all__ must be str, not %s", "module", px_type_name(name));
            }
            px_qid q = px_str_to_qid(name);
            px_map_set_q(into, q, px_getattr(module, q));
        }
        return;
    }
    px_map *g = px_module_globals(module);
    size_t pos = 0;
    px_map_entry *e;
    while ((e = px_map_next(g, &pos)) != NULL) {
        if (px_is_str(e->key) && !is_private(e->key)) {
            px_map_set(into, e->key, e->value);
        }
    }
}

/* ---- running __main__ */

static px_map *main_globals(const char *file) {
    if (px_st.main_module == PX_NULL) {
        px_st.main_module = px_module_new(PX_Q(__main__));
        px_dict_set(px_st.modules, px_qstr(PX_Q(__main__)), px_st.main_module);
    }
    px_map *g = px_module_globals(px_st.main_module);
    if (file != NULL) {
        set_str(g, PX_Q(__file__), file);
    }
    return g;
}

void px_run_main_file(const char *path) {
    px_code *code = px_code_of_file(path);
    px_vm_run_module(code, main_globals(path));
}

void px_run_main_source(const char *src, size_t len, const char *filename) {
    px_map *g = main_globals(NULL);
    px_code *code = px_compile(src, len, px_qstr_intern_cstr(filename), PX_COMPILE_FILE);
    px_vm_run_module(code, g);
}

/* ---- start-up */

void px_import_init(void) {
    px_st.modules = px_dict_new(16);
    px_st.path = px_list_new(0, NULL);
    px_st.argv = px_list_new(0, NULL);
    /* builtins: a heap module (see module_make_mutable) */
    px_module *b = px_gc_alloc(sizeof *b, 0);
    b->base.type = &px_type_module;
    b->globals = px_module_globals(px_builtins_module());
    px_st.builtins = px_from_ptr(b);
    px_dict_set(px_st.modules, px_qstr(PX_Q(builtins)), px_st.builtins);
}

/* ---- micropython -m name */


static void set_argv0(px_val v) {
    size_t argc;
    px_val *argv = px_seq_items(px_st.argv, &argc);
    if (argv != NULL && argc > 0) {
        argv[0] = v;
    }
}

void px_run_main_frozen(const px_frozen_def *f) {
    px_code *code = frozen_code(f);
    px_map *g = main_globals(NULL);
    const char *dot = strrchr(f->name, '.');
    px_map_set_q(g, PX_Q(__package__), dot != NULL ? str_slice(f->name, (size_t)(dot - f->name)) : PX_NONE);
    set_argv0(px_str_cstr(f->file));
    px_vm_run_module(code, g);
}

/* A package runs as its __main__ submodule, after its __init__. */
static void run_main_package(px_val full, const char *name, size_t n) {
    px_import(full, px_tuple_new(1, &full), 0, NULL);
    px_strbuf b;
    px_strbuf_init(&b, n + 10);
    px_strbuf_add(&b, name, n);
    px_strbuf_add_cstr(&b, ".__main__");
    px_strbuf_add_char(&b, '\0');
    px_run_main_module(b.data);
}

void px_run_main_module(const char *name) {
    size_t n = strlen(name);
    px_val full = px_str_interned(name, n);
    size_t dot = n;
    while (dot > 0 && name[dot - 1] != '.') {
        dot--;
    }
    px_val dirs = sys_path();
    px_val pkgname = PX_NONE;
    if (dot > 0) {
        pkgname = str_slice(name, dot - 1);
        px_val fl = px_tuple_new(1, &full);
        px_val parent = px_import(pkgname, fl, 0, NULL);
        dirs = px_getattr_opt(parent, PX_Q(__path__));
        if (dirs == PX_NULL) {
            not_found(full, true);
        }
    }
    if (px_module_def_find(name, n) != NULL) {
        px_raise_msg(&px_type_ImportError, "No code object available for %s", name);
    }
    const char *last = name + dot;
    size_t llen = n - dot;
    /* a package runs its __main__ submodule */
    px_val list = px_is_str(dirs) ? px_list_new(1, &dirs) : dirs;
    size_t count;
    px_val *items = px_seq_items(list, &count);
    for (size_t i = 0; items != NULL && i < count; i++) {
        if (!px_is_str(items[i])) {
            continue;
        }
        size_t dlen;
        const char *d = px_str_data(items[i], &dlen);
        const px_frozen_def *f = frozen_find(name, n);
        if (f != NULL && dlen == sizeof PX_FROZEN_PATH - 1 && memcmp(d, PX_FROZEN_PATH, dlen) == 0) {
            if (f->package) {
                run_main_package(full, name, n);
                return;
            }
            px_run_main_frozen(f);
            return;
        }
        char *pkg = path_join(d, dlen, last, llen, "");
        if (px_port_stat(pkg) == PX_PATH_DIR && package_init(pkg) != NULL) {
            run_main_package(full, name, n);
            return;
        }
        char *file = module_file(d, dlen, last, llen);
        if (file != NULL) {
            px_code *code = px_code_of_file(file);
            px_map *g = main_globals(file);
            px_map_set_q(g, PX_Q(__package__), pkgname);
            set_argv0(px_str_cstr(file));
            px_vm_run_module(code, g);
            return;
        }
    }
    not_found(full, false);
}
