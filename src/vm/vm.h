/* The bytecode VM and the objects it owns: functions, code objects,
 * cells, bound methods, generators and coroutines. */
#ifndef PX_VM_H
#define PX_VM_H

#include "../object.h"
#include "../compiler/bytecode.h"

typedef struct px_func {
    px_obj base;          /* &px_type_function */
    px_code *code;
    px_map *globals;
    px_val defaults;      /* tuple or PX_NULL */
    px_val kwdefaults;    /* dict or PX_NULL */
    px_val closure;       /* tuple of cells or PX_NULL */
    px_val name;          /* str: __name__ (writable) */
    px_val dict;          /* function attributes (dict) or PX_NULL */
} px_func;

typedef struct px_cell {
    px_obj base;          /* &px_type_cell */
    px_val value;         /* PX_NULL: empty */
} px_cell;

typedef struct px_bound {
    px_obj base;          /* &px_type_bound_method */
    px_val func;
    px_val self;
} px_bound;

px_val px_cell_new(px_val value);

/* Run a module-level (or exec) code object with `globals` as both globals
 * and namespace. Returns the value of the last RETURN_VALUE. */
px_val px_vm_run_module(px_code *code, px_map *globals);
/* eval/exec with separate locals (a dict), or PX_NULL for locals = globals. */
px_val px_vm_run_code(px_code *code, px_map *globals, px_val locals);
/* Call a Python function (the `call` slot of px_type_function). */
px_val px_func_call(px_val func, size_t argc, const px_val *argv, px_val kwnames);
/* Run a class body function with `ns` as its namespace; returns what the
 * body returned (the __class__ cell or None). */
px_val px_vm_run_class_body(px_val func, px_val ns);
/* For super() without arguments: the current function's __class__ cell
 * contents and first argument. TypeError/RuntimeError as CPython if absent. */
void px_vm_super_args(px_val *cls, px_val *self);
/* Current frame's globals / locals (for globals(), locals(), eval, exec). */
px_map *px_vm_globals(void);
px_val px_vm_locals(void);

/* Generators: send(value), throw(exc), close(). `send` returns the yielded
 * value, or PX_NULL when the generator returned (its return value is then
 * in *ret if ret is not NULL). */
px_val px_gen_resume(px_val gen, px_val send, px_val throw_exc, px_val *ret);

/* An empty frame stack (px_init: a new heap, after a soft reset too). */
void px_vm_init(void);

/* Called by the GC while marking roots: scans the live part of the running
 * thread's frame stack and drops its spare chunk. */
void px_vm_gc_roots(px_gc_scan_fn scan);

#endif
