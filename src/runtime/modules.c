/* The table of built-in modules, searched by import before sys.path.
 * Each module is static const data in its own file; `sys` is listed here
 * too but import hands out the heap module built at start-up (its argv,
 * path and modules are mutable). */
#include "../runtime.h"

extern const px_module px_module_io;
extern const px_module px_module_array;
extern const px_module px_module_sys_const, px_module_gc, px_module_time, px_module_micropython,
    px_module_string, px_module_string_templatelib;

static PX_MODULE(builtins_module, px_builtins_globals);

const px_builtin_module px_builtin_modules[] = {
    {PX_Q(array), &px_module_array},
    {PX_Q(builtins), &builtins_module},
    {PX_Q(gc), &px_module_gc},
    {PX_Q(io), &px_module_io},
    {PX_Q(micropython), &px_module_micropython},
    {PX_Q(string), &px_module_string},
    {PX_Q(string_templatelib), &px_module_string_templatelib},
    {PX_Q(sys), &px_module_sys_const},
    {PX_Q(time), &px_module_time},
};
const size_t px_builtin_modules_count = sizeof px_builtin_modules / sizeof px_builtin_modules[0];

/* The builtins module object for px_st.builtins. */
px_val px_builtins_module(void) {
    return px_from_ptr(&builtins_module);
}
