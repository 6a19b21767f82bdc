/* What the port's main program needs of the sys module. */
#ifndef PX_MODULES_SYS_H
#define PX_MODULES_SYS_H

/* Call the function registered with sys.atexit(), if any (at exit). */
void px_sys_run_atexit(void);

#endif
