/* Modules and import: built-in modules, .py and .mpy files and packages found on
 * sys.path through the port's file hooks, sys.modules caching, relative
 * imports. */
#ifndef PX_IMPORT_H
#define PX_IMPORT_H

#include "../object.h"

/* __import__(name, globals, locals, fromlist, level) semantics. */
px_val px_import(px_val name, px_val fromlist, px_int level, px_map *globals);
/* IMPORT_FROM: module.name, or a submodule; ImportError if neither. */
px_val px_import_from(px_val module, px_qid name);
void px_import_star(px_val module, px_map *into);
px_val px_module_new(px_qid name);
px_map *px_module_globals(px_val module);
/* Run a file as __main__ (the posix port's `micropython script.py`). */
void px_run_main_file(const char *path);
/* The code of the file at `path`: a .mpy file loaded and checked, any
 * other file compiled as source (SyntaxError, ValueError, OSError). */
struct px_code *px_code_of_file(const char *path);
/* Run source text as __main__ (-c) or in the REPL namespace. */
void px_run_main_source(const char *src, size_t len, const char *filename);
/* Run module `name` (dotted; a package runs its __main__) as __main__ (-m). */
void px_run_main_module(const char *name);

/* ---- built-in modules declare themselves.
 *
 * A module's own file ends with one PX_MODULE_DEF; tools/gen_modules.py
 * finds those declarations in the sources a port's build chooses and
 * generates the table import searches (px_module_defs), so neither the
 * core nor any other file names the module. The core links with an empty
 * table. `name` is the symbol of an interned name (PX_Q), so a dotted
 * module such as string.templatelib is `string_templatelib: ...` in a
 * .names file. */
enum {
    /* A `NAME.py` on sys.path is imported instead of the built-in, which
     * that file reaches by importing with sys.path empty, or as `uNAME`
     * (the docs' "Extending built-in libraries from Python"). */
    PX_MODULE_EXTENSIBLE = 1,
};
typedef struct px_module_def {
    px_qid name;
    uint8_t flags;              /* PX_MODULE_* */
    const px_module *module;    /* the const module */
    /* NULL, or builds the module object at its first import, for a module
     * whose globals change at run time (sys: argv, path). */
    px_val (*make)(const px_module *module);
} px_module_def;

#define PX_MODULE_DEF(name_, globals_map, flags_, make_)   \
    PX_MODULE(px_module_##name_, globals_map);             \
    const px_module_def px_moddef_##name_ = {PX_QID_##name_, (flags_), &px_module_##name_, (make_)}

/* The generated table, in the port's build. */
extern const px_module_def *const px_module_defs[];
extern const size_t px_module_defs_count;
/* The declaration of the built-in module named s[0..n), or NULL. */
const px_module_def *px_module_def_find(const char *s, size_t n);

/* Frozen modules: Python modules built into the binary (a `.py` in a
 * module list), precompiled at build time by px-mpy-cross into .mpy data
 * (tools/gen_modules.py) and loaded from it at first import. Import finds
 * them where sys.path has the entry ".frozen" (the docs' sys.path), by
 * full dotted name; a frozen package's __path__ is ".frozen". */
typedef struct px_frozen_def {
    const char *name;     /* dotted module name */
    const char *file;     /* the name tracebacks show: "pkg/mod.py" */
    const uint8_t *mpy;   /* the module's .mpy (compiler/mpy.h) */
    size_t len;
    bool package;         /* from a pkg/__init__.py */
} px_frozen_def;
extern const px_frozen_def px_frozen_defs[];
extern const size_t px_frozen_defs_count;
#define PX_FROZEN_PATH ".frozen"
/* Run frozen module f as __main__ (-m, a board's frozen main.py). */
void px_run_main_frozen(const px_frozen_def *f);

/* The modules in the binary, as help('modules') lists them: builtins, the
 * built-in modules and the top-level frozen ones; a sorted list of str. */
px_val px_module_names(void);

/* builtins.__import__ when a program has replaced it (the import
 * statement then calls it), else PX_NULL (builtins.c). */
px_val px_import_hook(void);
/* The builtins module object (builtins.c). */
px_val px_builtins_module(void);
/* Set up sys.modules, sys.path and sys.argv (px_init). */
void px_import_init(void);

#endif
