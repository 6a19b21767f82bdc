/* The command line of `micropython`: what to run and how (args.c). The
 * option list and the -h text live in one table in args.c; the man page
 * docs/micropython.1 repeats it (tests/cli checks that they agree). */
#ifndef PX_POSIX_ARGS_H
#define PX_POSIX_ARGS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { PX_RUN_FILE, PX_RUN_CODE, PX_RUN_MODULE, PX_RUN_STDIN } px_run_kind;

typedef struct {
    const char *prog;  /* argv[0], for messages */
    px_run_kind kind;
    const char *target; /* script path, -c code, -m module name, "-" for an
                           explicit stdin; NULL: none given (the REPL on a tty) */
    size_t heap_cap;   /* -X heapsize; 0: the port's default */
    int opt_level;     /* -O count or -O<n> */
    int verbose;       /* -v count */
    bool inspect;      /* -i or MICROPYINSPECT: the REPL afterwards */
    bool compile_only; /* -X compile-only */
    bool version;      /* --version */
    int argc;          /* sys.argv */
    char **argv;
} px_cli_opts;

/* Fill *o from the command line and the environment. Prints the usage and
 * exits with status 2 on a bad option, status 0 after -h. */
void px_cli_parse(px_cli_opts *o, int argc, char **argv);

#endif
