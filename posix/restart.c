/* Starting the program again, for machine.reset(), soft_reset() and
 * deepsleep() (posix.h): exec of /proc/self/exe with the same command
 * line, in the directory it was given in, with the cause in the
 * environment for the new run's machine.reset_cause(). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "posix.h"
#include "repl/term.h"

#define RESET_ENV "MICROPYTHON_RESET_CAUSE"

static char **saved_argv; /* a copy: the command-line parser rewrites argv */
static char *start_cwd;           /* where the command line was given, or NULL */
static char *reset_cause;         /* from the run before, or NULL */
static const char *restart_cause; /* soft_reset(): start again at the end */

void px_posix_restart_init(char **argv) {
    /* the array of pointers copied (the strings stay): px_cli_parse puts
     * sys.argv[0] in argv's place, "-c" over -c's code */
    size_t n = 0;
    while (argv[n] != NULL) {
        n++;
    }
    saved_argv = malloc((n + 1) * sizeof *saved_argv);
    if (saved_argv != NULL) {
        memcpy(saved_argv, argv, (n + 1) * sizeof *saved_argv);
    }
    start_cwd = getcwd(NULL, 0);
    const char *c = getenv(RESET_ENV);
    if (c != NULL) {
        reset_cause = strdup(c);
        unsetenv(RESET_ENV); /* not for the programs this one starts */
    }
}

/* Returns only on failure, with its errno. */
static int restart_exec(const char *cause) {
    if (saved_argv == NULL) {
        return ENOEXEC; /* not the micropython command (a test program) */
    }
    if (start_cwd != NULL && chdir(start_cwd) != 0) {
        return errno;
    }
    setenv(RESET_ENV, cause, 1);
    execv("/proc/self/exe", saved_argv);
    int err = errno;
    unsetenv(RESET_ENV);
    return err;
}

PX_NORETURN void px_posix_restart_now(const char *cause) {
    px_port_stdout_flush();
    px_term_restore();
    int err = restart_exec(cause);
    px_raise_os_error(err, "starting the program again (/proc/self/exe)");
}

void px_posix_restart_at_exit(const char *cause) {
    restart_cause = cause;
}

void px_posix_restart_cancel(void) {
    restart_cause = NULL;
}

int px_posix_restart_at_end(void) {
    return restart_cause != NULL ? restart_exec(restart_cause) : 0;
}

const char *px_posix_reset_cause(void) {
    return reset_cause;
}
