/* Parsing the command line of `micropython`. Options come before the
 * program (a script, -c or -m); everything after it goes to sys.argv.
 * One-letter flags may be grouped (-iv, -OO). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "memlimit.h"
#include "config.h"

/* The interpreter needs about 200 KiB to start (px_init cannot report a
 * MemoryError: it would abort), so smaller heaps are refused. */
#define MIN_HEAP ((size_t)256 << 10)

/* The -h text; docs/micropython.1 lists the same options. */
static const char *const help_lines[] = {
    "Options and arguments:",
    "  -c <command>   run the Python statements in <command>",
    "  -m <module>    run library module <module> (found on sys.path) as __main__",
    "  <script>       run the file <script>",
    "  -              read the program from standard input (the default when",
    "                 it is not a terminal; on a terminal the default is the REPL)",
    "  <args>         the rest of the command line, in sys.argv[1:]",
    "  -h, --help     print this help and exit",
    "  --version      print the version and exit",
    "  -i             enter the REPL after running the program (also MICROPYINSPECT)",
    "  -O[<level>]    optimisation level: -O, -OO or -O<n>; from 1 on, assert",
    "                 statements are skipped and __debug__ is False",
    "  -v             verbose: list the bytecode of each compiled code object",
    "  -X <option>    implementation-specific option:",
    "     compile-only          compile the program but do not run it",
    "     emit=bytecode         the code emitter (native and viper are not built in)",
    "     heapsize=<n>[w][K|M]  heap size limit: <n> bytes, or words with w;",
    "                           K and M multiply by 1024 and 1024*1024",
    "Environment:",
    "  MICROPYPATH     colon-separated module search path (sys.path after its",
    ("                  first entry); default ~/.micropython/lib:" PX_PYLIBDIR), /* (): one element, for clang */
    "  MICROPYINSPECT  if non-empty, the same as -i",
    "  NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID, JOURNAL_STREAM, LISTEN_FDS,",
    "  LISTEN_PID, LISTEN_FDNAMES: set by systemd for a service (readiness,",
    "                  watchdog, journal priorities, socket activation)",
    "Exit status: 0 on success, 1 on an uncaught exception, 2 on a bad command",
    "line, n for sys.exit(n), 130 on an uncaught KeyboardInterrupt (SIGINT),",
    "143 / 129 (death by the signal, after clean-up) on an uncaught SystemExit",
    "raised by SIGTERM / SIGHUP, 141 when standard output is a closed pipe,",
    "120 when output was lost to a write error (a full disk) the program was",
    "not told of.",
};

static void usage_line(FILE *f, const char *prog) {
    fprintf(f, "usage: %s [-h] [-i] [-O<level>] [-v] [-X <option>]\n"
               "       [-c <command> | -m <module> | <script> | -] [<args>]\n",
            prog);
}

static void help(const char *prog) {
    usage_line(stdout, prog);
    for (size_t i = 0; i < sizeof help_lines / sizeof help_lines[0]; i++) {
        puts(help_lines[i]);
        if (strstr(help_lines[i], "K and M multiply") != NULL) {
            /* the default and the bound, as found on this machine */
            const char *what;
            char cap[32], limit[32];
            px_posix_format_size(px_posix_default_heap_cap(), cap, sizeof cap);
            px_posix_format_size(px_posix_memory_limit(&what), limit, sizeof limit);
            printf("                           default here: %s, a quarter of what the process\n"
                   "                           may use (%s: %s), within 8M..2G;\n"
                   "                           at most %s\n",
                   cap, what, limit, limit);
        }
    }
    exit(0);
}

static void bad_usage(const char *prog, const char *msg, const char *arg) {
    fprintf(stderr, "%s: %s%s\n", prog, msg, arg ? arg : "");
    usage_line(stderr, prog);
    fprintf(stderr, "Try '%s -h' for more information.\n", prog);
    exit(2);
}

/* "<n>[w][K|M]" (G and lower case accepted too) -> bytes; 0 on bad text. */
static size_t parse_heapsize(const char *s) {
    if (*s < '0' || *s > '9') {
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (errno != 0) {
        return 0;
    }
    unsigned long long unit = 1;
    if (*end == 'w' || *end == 'W') {
        unit = sizeof(void *);
        end++;
    }
    switch (*end) {
    case 'k': case 'K': unit <<= 10; end++; break;
    case 'm': case 'M': unit <<= 20; end++; break;
    case 'g': case 'G': unit <<= 30; end++; break;
    default: break;
    }
    if (*end != '\0' || n > SIZE_MAX / unit) {
        return 0;
    }
    return (size_t)(n * unit);
}

static void x_option(px_cli_opts *o, const char *arg) {
    if (strncmp(arg, "heapsize=", 9) == 0) {
        o->heap_cap = parse_heapsize(arg + 9);
        if (o->heap_cap == 0) {
            bad_usage(o->prog, "-X heapsize: expected <n>[w][K|M], got ", arg + 9);
        }
        if (o->heap_cap < MIN_HEAP) {
            fprintf(stderr, "%s: -X heapsize: at least 256K is needed, got %s\n", o->prog, arg + 9);
            exit(2);
        }
        /* a heap bigger than the memory there is ends in the OOM killer
         * (or swapping), never in a MemoryError the program can handle */
        const char *what;
        uint64_t limit = px_posix_memory_limit(&what);
        if (o->heap_cap > limit) {
            char text[32];
            px_posix_format_size(limit, text, sizeof text);
            fprintf(stderr, "%s: -X heapsize: %s is more than the memory this process may use (%s: %s)\n",
                    o->prog, arg + 9, what, text);
            exit(2);
        }
    } else if (strcmp(arg, "compile-only") == 0) {
        o->compile_only = true;
    } else if (strncmp(arg, "emit=", 5) == 0) {
        const char *e = arg + 5;
        if (strcmp(e, "native") == 0 || strcmp(e, "viper") == 0) {
            fprintf(stderr, "%s: -X %s: the %s emitter is not built in (only bytecode)\n", o->prog, arg, e);
            exit(2);
        }
        if (strcmp(e, "bytecode") != 0) {
            bad_usage(o->prog, "-X emit: expected bytecode, native or viper, got ", e);
        }
    } else if (strcmp(arg, "realtime") == 0) {
        fprintf(stderr, "%s: -X realtime is only available on macOS\n", o->prog);
        exit(2);
    } else {
        bad_usage(o->prog, "unknown -X option: ", arg);
    }
}

/* The value of -c/-m/-X: the rest of the word (-cCODE) or the next one.
 * Advances *i past what it used. */
static const char *option_value(px_cli_opts *o, int argc, char **argv, int *i, const char *rest, char flag) {
    if (*rest != '\0') {
        return rest;
    }
    if (*i + 1 >= argc) {
        char msg[48];
        snprintf(msg, sizeof msg, "argument expected for the -%c option", flag);
        bad_usage(o->prog, msg, NULL);
    }
    return argv[++*i];
}

/* One word of grouped flags (argv[*i] without its '-'). Returns true when
 * it named the program (-c or -m): option parsing ends there. */
static bool flags(px_cli_opts *o, int argc, char **argv, int *i) {
    const char *w = argv[*i] + 1;
    while (*w) {
        char f = *w++;
        switch (f) {
        case 'c':
        case 'm':
            o->kind = f == 'c' ? PX_RUN_CODE : PX_RUN_MODULE;
            o->target = option_value(o, argc, argv, i, w, f);
            return true;
        case 'X':
            x_option(o, option_value(o, argc, argv, i, w, f));
            return false;
        case 'i':
            o->inspect = true;
            break;
        case 'v':
#if !PX_HAS_COMPILER_DEBUG
            fprintf(stderr, "%s: -v: this build has no bytecode listing (built with PX_HAS_COMPILER_DEBUG=0)\n",
                    o->prog);
            exit(2);
#endif
            o->verbose++;
            break;
        case 'h':
            help(o->prog);
            break;
        case 'O':
            if (*w >= '0' && *w <= '9') {
                char *end;
                long level = strtol(w, &end, 10);
                o->opt_level = level > 255 ? 255 : (int)level;
                w = end;
            } else {
                o->opt_level++;
            }
            break;
        default: {
            char opt[3] = {'-', f, '\0'};
            bad_usage(o->prog, "unknown option: ", opt);
        }
        }
    }
    return false;
}

void px_cli_parse(px_cli_opts *o, int argc, char **argv) {
    memset(o, 0, sizeof *o);
    o->prog = argc > 0 ? argv[0] : "micropython";
    o->kind = PX_RUN_STDIN;
    const char *env = getenv("MICROPYINSPECT");
    o->inspect = env != NULL && env[0] != '\0';
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') {
            break; /* the script, or "-" for standard input */
        }
        if (a[1] == '-') {
            if (a[2] == '\0') {
                i++; /* "--": what follows is the script */
                break;
            }
            if (strcmp(a, "--help") == 0) {
                help(o->prog);
            } else if (strcmp(a, "--version") == 0) {
                o->version = true;
            } else {
                bad_usage(o->prog, "unknown option: ", a);
            }
            continue;
        }
        if (flags(o, argc, argv, &i)) {
            /* sys.argv: ['-c', args...] for -c; for -m, [module path, args...]
             * (argv[0] is replaced once the module is found) */
            o->argc = argc - i;
            o->argv = argv + i;
            o->argv[0] = o->kind == PX_RUN_CODE ? "-c" : (char *)o->target;
            return;
        }
    }
    if (i < argc) {
        /* "-": standard input even on a terminal (target "-", not NULL) */
        o->kind = strcmp(argv[i], "-") == 0 ? PX_RUN_STDIN : PX_RUN_FILE;
        o->target = argv[i];
    }
    o->argc = argc - i;
    o->argv = argv + i;
}
