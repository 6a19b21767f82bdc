/* What the port's main program needs of the sys module. */
#ifndef PX_MODULES_SYS_H
#define PX_MODULES_SYS_H

#include "runtime.h"

/* "MicroPython v<version> on <build date>": sys.version after its "3.4.0; ",
 * and what the REPL banner, --version and os.uname() say. */
extern const char px_sys_version_text[];
/* The banner line: that text, "; ", then sys.implementation._machine
 * ("linux [GCC 12.2.0] with x86_64"). */
void px_sys_print_banner(px_out *out);

/* Call the function registered with sys.atexit(), if any (at exit). */
void px_sys_run_atexit(void);

#endif
