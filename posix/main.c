/* The `micropython` command.
 *
 *   micropython [options] [script.py | -c code | -m module | -] [args...]
 *
 * Options: -X heapsize=N[kmg]  heap cap (default: see px_port_heap_default_cap)
 *          -h                  usage
 *          -i                  the REPL after the program
 *          -m module           run a module (a package: its __main__) as __main__
 * With no program, the REPL runs on a terminal; otherwise the program is
 * read from standard input.
 *
 * The interpreter runs on a thread with a large stack (INTERP_STACK) so
 * the C-stack depth limit does not depend on `ulimit -s`; the GC scans that
 * thread's stack from the top recorded in run(). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime.h"
#include "posix.h"
#include "repl.h"

#define INTERP_STACK ((size_t)64 << 20)

typedef enum { RUN_FILE, RUN_CODE, RUN_MODULE, RUN_STDIN } run_kind;

static struct {
    const char *prog;     /* argv[0] */
    size_t heap_cap;      /* 0: the port's default */
    run_kind kind;
    const char *target;   /* script path or -c code */
    bool inspect;         /* -i: the REPL after the program */
    int argc;             /* the script's arguments: sys.argv */
    char **argv;
    int status;
} opt;

static void usage(FILE *f) {
    fprintf(f,
            "usage: %s [-X heapsize=N[kmg]] [-c cmd | -m mod | file | -] [arg ...]\n"
            "  -c cmd     program passed in as string\n"
            "  -m mod     run library module as a script\n"
            "  -i         inspect interactively after running the program\n"
            "  file       program read from script file\n"
            "  -          program read from stdin (default; the REPL on a terminal)\n"
            "  -X heapsize=N   heap size limit in bytes (suffix k, m or g)\n",
            opt.prog);
}

PX_NORETURN static void bad_usage(const char *msg, const char *arg) {
    fprintf(stderr, "%s: %s%s\n", opt.prog, msg, arg ? arg : "");
    usage(stderr);
    exit(2);
}

/* "64k", "8M", "1g", "100000" -> bytes; 0 on bad text. */
static size_t parse_size(const char *s) {
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (end == s || errno != 0) {
        return 0;
    }
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
    }
    if (*end != '\0' || n > (SIZE_MAX >> shift)) {
        return 0;
    }
    return (size_t)(n << shift);
}

static void parse_x_option(const char *arg) {
    if (strncmp(arg, "heapsize=", 9) == 0) {
        opt.heap_cap = parse_size(arg + 9);
        if (opt.heap_cap < 4096) {
            bad_usage("bad heap size: ", arg + 9);
        }
        return;
    }
    bad_usage("unknown -X option: ", arg);
}

static void parse_args(int argc, char **argv) {
    opt.prog = argc > 0 ? argv[0] : "micropython";
    opt.kind = RUN_STDIN;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            break;
        }
        if (strcmp(a, "-c") == 0) {
            if (i + 1 >= argc) {
                bad_usage("argument expected for the -c option", NULL);
            }
            opt.kind = RUN_CODE;
            opt.target = argv[i + 1];
            /* sys.argv = ['-c', args...] */
            opt.argc = argc - (i + 1);
            opt.argv = argv + i + 1;
            opt.argv[0] = "-c";
            return;
        }
        if (strcmp(a, "-m") == 0) {
            if (i + 1 >= argc) {
                bad_usage("argument expected for the -m option", NULL);
            }
            opt.kind = RUN_MODULE;
            opt.target = argv[i + 1];
            /* sys.argv = [module file (set when found), args...] */
            opt.argc = argc - (i + 1);
            opt.argv = argv + i + 1;
            return;
        }
        if (strcmp(a, "-X") == 0) {
            if (++i >= argc) {
                bad_usage("argument expected for the -X option", NULL);
            }
            parse_x_option(argv[i]);
        } else if (strncmp(a, "-X", 2) == 0) {
            parse_x_option(a + 2);
        } else if (strcmp(a, "-i") == 0) {
            opt.inspect = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        } else {
            bad_usage("unknown option: ", a);
        }
    }
    if (i < argc && strcmp(argv[i], "-") != 0) {
        opt.kind = RUN_FILE;
        opt.target = argv[i];
    }
    opt.argc = argc - i;
    opt.argv = argv + i;
}

/* ---- sys.path and sys.argv */

static void path_append(const char *s, size_t n) {
    px_list_append(px_st.path, px_str(s, n));
}

static void setup_sys(void) {
    /* sys.path[0]: the script's directory, or '' for -c and stdin */
    if (opt.kind == RUN_FILE) {
        char *real = realpath(opt.target, NULL);
        const char *p = real ? real : opt.target;
        const char *slash = strrchr(p, '/');
        if (slash == NULL) {
            path_append("", 0);
        } else {
            path_append(p, slash == p ? 1 : (size_t)(slash - p));
        }
        free(real);
    } else {
        path_append("", 0);
    }
    /* then MICROPYPATH (colon-separated) or the default library dirs */
    const char *env = getenv("MICROPYPATH");
    if (env != NULL) {
        while (*env) {
            const char *c = strchr(env, ':');
            size_t n = c ? (size_t)(c - env) : strlen(env);
            path_append(env, n);
            env += n + (c != NULL);
        }
    } else {
        const char *home = getenv("HOME");
        if (home != NULL) {
            char buf[PATH_MAX];
            int n = snprintf(buf, sizeof buf, "%s/.micropython/lib", home);
            if (n > 0 && (size_t)n < sizeof buf) {
                path_append(buf, (size_t)n);
            }
        }
        path_append("/usr/lib/micropython", 20);
    }
    if (opt.argc == 0) {
        px_list_append(px_st.argv, px_qstr(PX_Q(empty)));
    }
    for (int i = 0; i < opt.argc; i++) {
        const char *a = opt.argv[i];
        size_t n = strlen(a);
        /* str must be valid UTF-8: an argument that is not stays bytes */
        px_list_append(px_st.argv, px_utf8_valid(a, n) ? px_str(a, n) : px_bytes(a, n));
    }
}

/* ---- running and the exit status */

static char *read_stdin(size_t *len) {
    px_strbuf b;
    px_strbuf_init(&b, 4096);
    int c;
    while ((c = px_port_stdin_char()) >= 0) {
        px_strbuf_add_char(&b, (char)c);
    }
    px_strbuf_add_char(&b, '\0');
    *len = b.len - 1;
    return b.data;
}

static void run_program(void) {
    setup_sys();
    switch (opt.kind) {
    case RUN_FILE:
        px_run_main_file(opt.target);
        break;
    case RUN_CODE:
        px_run_main_source(opt.target, strlen(opt.target), "<string>");
        break;
    case RUN_MODULE:
        px_run_main_module(opt.target);
        break;
    case RUN_STDIN: {
        if (isatty(STDIN_FILENO)) {
            px_repl_run();
            return;
        }
        size_t len;
        char *src = read_stdin(&len);
        px_run_main_source(src, len, "<stdin>");
        break;
    }
    }
    if (opt.inspect) {
        px_repl_run();
    }
}

/* SystemExit: None -> 0, an int -> it, anything else is printed -> 1. */
static int exit_status(px_val exc) {
    if (!px_isinstance(exc, &px_type_SystemExit)) {
        px_exc_print(&px_out_stderr, exc);
        return px_isinstance(exc, &px_type_KeyboardInterrupt) ? 130 : 1;
    }
    px_val args = px_exc_args(exc);
    size_t n = 0;
    px_val *items = px_seq_items(args, &n);
    px_val code = n == 0 ? PX_NONE : n == 1 ? items[0] : args;
    if (code == PX_NONE) {
        return 0;
    }
    if (px_is_int(code) && !px_is_bool(code)) {
        int64_t v = px_int_to_i64(code);
        return (int)(v & 0xFF);
    }
    px_print(&px_out_stderr, code, PX_PRINT_STR);
    px_write(&px_out_stderr, "\n", 1);
    return 1;
}

/* Calls f, turning an escaping exception into an exit status. */
static int guarded(void (*f)(void), int ok_status) {
    volatile int status = ok_status;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        f();
        px_try_pop(&j);
        return status;
    }
    px_jmp j2; /* printing the exception may itself raise */
    px_try_push(&j2);
    if (setjmp(j2.buf) == 0) {
        status = exit_status(j.exc);
        px_try_pop(&j2);
    } else {
        px_port_stderr("error while printing an exception\n", 34);
        status = 1;
    }
    return status;
}

static void *interp_thread(void *arg) {
#if defined(__GNUC__) || defined(__clang__)
    void *top = __builtin_frame_address(0);
#else
    volatile char here = 0;
    void *top = (void *)(&here + 1);
#endif
    px_init(opt.heap_cap, top);
    px_set_c_stack(top, INTERP_STACK - (64u << 10));
    px_posix_signals_init();
    int status = guarded(run_program, 0);
    status = guarded(px_sys_run_atexit, status);
    px_deinit();
    opt.status = status;
    return arg;
}

int main(int argc, char **argv) {
    parse_args(argc, argv);
    if (opt.kind == RUN_FILE) {
        int fd = open(opt.target, O_RDONLY);
        if (fd < 0) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", opt.prog, opt.target, errno,
                    strerror(errno));
            return 2;
        }
        close(fd);
    }
    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, INTERP_STACK);
    if (pthread_create(&th, &attr, interp_thread, NULL) != 0) {
        /* no thread: run on the main stack with the default assumption */
        interp_thread(NULL);
    } else {
        pthread_join(th, NULL);
    }
    pthread_attr_destroy(&attr);
    px_port_stdout_flush();
    fflush(stdout);
    return opt.status;
}
