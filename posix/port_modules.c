/* The built-in modules of the POSIX port (the core's are in
 * src/runtime/modules.c). Each area adds its module above the end marker. */
#include "runtime.h"

extern const px_module px_module_errno, px_module_select;
extern const px_module px_module_gpio, px_module_machine;

const px_builtin_module px_port_modules[] = {
    {PX_Q(errno), &px_module_errno},
    {PX_Q(gpio), &px_module_gpio},
    {PX_Q(machine), &px_module_machine},
    {PX_Q(select), &px_module_select},
    {PX_QID_NONE, NULL}, /* end marker: keeps the table non-empty */
};
const size_t px_port_modules_count = sizeof px_port_modules / sizeof px_port_modules[0] - 1;
