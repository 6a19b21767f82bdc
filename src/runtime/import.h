/* Modules and import: built-in modules, .py files and packages found on
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
/* Run source text as __main__ (-c) or in the REPL namespace. */
void px_run_main_source(const char *src, size_t len, const char *filename);
/* Run module `name` (dotted; a package runs its __main__) as __main__ (-m). */
void px_run_main_module(const char *name);

/* A built-in module is registered in one const table (runtime/modules.c). */
typedef struct {
    px_qid name;
    const px_module *module;
} px_builtin_module;
extern const px_builtin_module px_builtin_modules[];
extern const size_t px_builtin_modules_count;
/* The port's own built-in modules (select, machine, ...), in a table the
 * port defines; searched after the core's. */
extern const px_builtin_module px_port_modules[];
extern const size_t px_port_modules_count;

/* The builtins module object (modules.c). */
px_val px_builtins_module(void);
/* Set up sys.modules, sys.path, sys.argv and the sys module (px_init). */
void px_import_init(void);
/* The sys module (modules/sys.c): a heap module built at start-up. */
px_val px_sys_module_new(void);
/* Call the function registered with sys.atexit(), if any (main, at exit). */
void px_sys_run_atexit(void);

#endif
