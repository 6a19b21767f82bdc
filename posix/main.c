/* The `micropython` command: parse the command line (args.c), set up
 * sys.path/argv/executable, run a script, -c text, a module, standard input
 * or the REPL, and turn the outcome into the exit status:
 *
 *   0    success (or SystemExit with None)
 *   1    an uncaught exception, or SystemExit with a non-int argument
 *   2    a bad command line or a script that cannot be opened
 *   n    SystemExit(n) / sys.exit(n), modulo 256
 *   130  an uncaught KeyboardInterrupt (SIGINT)
 *   SIGTERM  SIGTERM raises SystemExit(143) (signals.c); if that ends the
 *        program, the process ends by SIGTERM after clean-up, as systemd
 *        expects of a service (services/shutdown.c); a shell shows 143
 *   SIGHUP   the same for SIGHUP: SystemExit(129), then death by SIGHUP
 *   141  standard output is a closed pipe (console.c): quietly, no traceback
 *
 * Before the atexit function, scheduled work still queued runs (dropped
 * generators are closed), as the program would have had it gone on.
 *
 * The interpreter runs on a thread with a large stack (INTERP_STACK) so the
 * C-stack depth limit does not depend on `ulimit -s`; the main thread only
 * waits for it, with every signal blocked so that signals reach the
 * interpreter thread and interrupt its blocking calls. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime.h"
#include "args.h"
#include "posix.h"
#include "repl/repl.h"
#include "services.h"
#include "sys.h"

#define INTERP_STACK ((size_t)64 << 20)

static px_cli_opts opt;
static int exit_code;
/* the stop signal whose SystemExit ended the program, or 0 */
static int ended_by_signal;


/* ---- sys.path, sys.argv, sys.executable */

/* A str must be valid UTF-8: a directory whose name is not goes on
 * sys.path as bytes (there is no surrogateescape), which import skips. */
static void path_append(const char *s, size_t n) {
    px_list_append(px_st.path, px_utf8_valid(s, n) ? px_str(s, n) : px_bytes(s, n));
}

/* A MICROPYPATH entry: a leading "~" (alone or before '/') is $HOME. */
static void path_append_expanded(const char *s, size_t n) {
    const char *home = getenv("HOME");
    if (home != NULL && n > 0 && s[0] == '~' && (n == 1 || s[1] == '/')) {
        px_strbuf b;
        px_strbuf_init(&b, strlen(home) + n);
        px_strbuf_add_cstr(&b, home);
        px_strbuf_add(&b, s + 1, n - 1);
        path_append(b.data, b.len);
        return;
    }
    path_append(s, n);
}

static void set_sys_attr(px_qid name, px_val v) {
    px_map_set_q(px_module_globals(px_st.sys_module), name, v);
}

static void setup_sys(void) {
    /* sys is made at its first import; the REPL and -v read it too */
    px_import(px_qstr(PX_Q(sys)), PX_NONE, 0, NULL);
    /* sys.path[0]: the script's directory; for -m the current one by its
     * full name (so sys.argv[0] is the module's full path, as in CPython);
     * otherwise '' (the current one, wherever that is at each import).
     * (On the stack: path_append may raise MemoryError, leaking a malloc'd one.) */
    char real[PATH_MAX];
    bool resolved = opt.kind == PX_RUN_FILE     ? realpath(opt.target, real) != NULL
                    : opt.kind == PX_RUN_MODULE ? getcwd(real, sizeof real) != NULL
                                                : false;
    if (opt.kind == PX_RUN_MODULE && resolved) {
        path_append(real, strlen(real));
    } else {
        const char *script = resolved ? real : opt.kind == PX_RUN_FILE ? opt.target : "";
        const char *slash = strrchr(script, '/');
        if (slash == NULL) {
            path_append("", 0);
        } else {
            path_append(script, slash == script ? 1 : (size_t)(slash - script));
        }
    }
    /* then the modules frozen into the binary (import.h), then the rest */
    path_append(PX_FROZEN_PATH, sizeof PX_FROZEN_PATH - 1);
    const char *env = getenv("MICROPYPATH");
    if (env == NULL) {
        env = "~/.micropython/lib:" PX_PYLIBDIR;
    }
    while (*env) {
        const char *colon = strchr(env, ':');
        size_t n = colon ? (size_t)(colon - env) : strlen(env);
        path_append_expanded(env, n);
        env += n + (colon != NULL);
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

    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe);
    bool ok = n > 0 && (size_t)n < sizeof exe && px_utf8_valid(exe, (size_t)n);
    set_sys_attr(PX_Q(executable), ok ? px_str(exe, (size_t)n) : px_qstr(PX_Q(empty)));
}

/* ---- finding what to run */

static bool is_builtin_module(const char *name) {
    return px_module_def_find(name, strlen(name)) != NULL;
}

/* -m on a built-in module runs its _main() (a command-line tool such as
 * `-m gpio`), with sys.argv[0] the module's name. */
static void run_builtin_module(const char *name) {
    px_val m = px_import(px_str_cstr(name), PX_NONE, 0, NULL);
    px_val main_fn = px_getattr_opt(m, PX_Q(_main));
    if (main_fn == PX_NULL) {
        /* as a SystemExit message: printed to stderr, status 1, no traceback */
        char msg[256];
        snprintf(msg, sizeof msg, "%s: No code object available for %s", opt.prog, name);
        px_val text = px_str_cstr(msg);
        px_raise(px_exc_new(&px_type_SystemExit, 1, &text));
    }
    px_call0(main_fn);
}

/* The file -m would run: dir/a/b.py or the package's dir/a/b/__main__.py
 * for the first sys.path entry that has it; NULL if none. */
static char *module_file(const char *name) {
    size_t count;
    px_val *dirs = px_seq_items(px_st.path, &count);
    for (size_t i = 0; i < count; i++) {
        if (!px_is_str(dirs[i])) {
            continue;
        }
        size_t dlen;
        const char *d = px_str_data(dirs[i], &dlen);
        static const char *const tails[] = {".py", ".mpy", "/__main__.py", "/__main__.mpy"};
        for (size_t t = 0; t < 4; t++) {
            px_strbuf b;
            px_strbuf_init(&b, dlen + strlen(name) + 16);
            if (dlen > 0) {
                px_strbuf_add(&b, d, dlen);
                px_strbuf_add_char(&b, '/');
            }
            for (const char *p = name; *p; p++) {
                px_strbuf_add_char(&b, *p == '.' ? '/' : *p);
            }
            px_strbuf_add_cstr(&b, tails[t]);
            px_strbuf_add_char(&b, '\0');
            if (px_port_stat(b.data) == PX_PATH_FILE) {
                return b.data;
            }
        }
    }
    return NULL;
}

static char *read_stdin(size_t *len) {
    px_strbuf b;
    px_strbuf_init(&b, 4096);
    int c;
    while ((c = px_port_stdin_char()) >= 0) {
        px_strbuf_add_char(&b, (char)c);
    }
    *len = b.len;
    px_strbuf_add_char(&b, '\0');
    return b.data;
}

/* -X compile-only: compile what would run (SyntaxError propagates), or
 * load and check it if it is a .mpy file (ValueError propagates). */
static void compile_program(void) {
    const char *src, *file = opt.target;
    size_t len = 0;
    switch (opt.kind) {
    case PX_RUN_CODE:
        src = opt.target;
        len = strlen(src);
        file = "<string>";
        break;
    case PX_RUN_STDIN:
        src = read_stdin(&len);
        file = "<stdin>";
        break;
    case PX_RUN_MODULE:
        if (is_builtin_module(opt.target)) {
            return; /* nothing to compile */
        }
        file = module_file(opt.target);
        if (file == NULL) {
            px_raise_msg(&px_type_ModuleNotFoundError, "No module named '%s'", opt.target);
        }
        /* fall through */
    case PX_RUN_FILE:
    default:
        px_code_of_file(file); /* a .mpy file is loaded and checked */
        return;
    }
    px_compile(src, len, px_qstr_intern_cstr(file), PX_COMPILE_FILE);
}

static void run_program(void) {
    setup_sys();
    if (opt.kind == PX_RUN_MODULE && !px_utf8_valid(opt.target, strlen(opt.target))) {
        /* not a str: show it with \xNN escapes */
        px_strbuf b;
        px_strbuf_init(&b, 64);
        for (const unsigned char *p = (const unsigned char *)opt.target; *p; p++) {
            if (*p >= 0x20 && *p < 0x7f) {
                px_strbuf_add_char(&b, (char)*p);
            } else {
                char esc[5];
                snprintf(esc, sizeof esc, "\\x%02x", *p);
                px_strbuf_add_cstr(&b, esc);
            }
        }
        px_strbuf_add_char(&b, '\0');
        px_raise_msg(&px_type_ModuleNotFoundError, "No module named '%s'", b.data);
    }
    if (opt.compile_only) {
        compile_program();
        return;
    }
    switch (opt.kind) {
    case PX_RUN_FILE:
        px_run_main_file(opt.target);
        break;
    case PX_RUN_CODE:
        px_run_main_source(opt.target, strlen(opt.target), "<string>");
        break;
    case PX_RUN_MODULE:
        if (is_builtin_module(opt.target)) {
            run_builtin_module(opt.target);
        } else {
            px_run_main_module(opt.target);
        }
        break;
    case PX_RUN_STDIN:
        if (opt.target == NULL && isatty(STDIN_FILENO)) {
            px_repl_run();
        } else {
            /* a piped script runs as a whole, as CPython and MicroPython do */
            size_t len;
            char *src = read_stdin(&len);
            px_run_main_source(src, len, "<stdin>");
        }
        break;
    }
}

static void run_repl(void) {
    px_repl_run();
}

/* ---- the exit status */

static int system_exit_status(px_val exc) {
    px_val args = px_exc_args(exc);
    size_t n = 0;
    px_val *items = px_seq_items(args, &n);
    px_val code = n == 0 ? PX_NONE : n == 1 ? items[0] : args;
    if (code == PX_NONE) {
        return 0;
    }
    if (px_is_int(code)) {
        /* as CPython: a value too big for the C int is -1 */
        return px_is_small(code) || px_is_bool(code) ? (int)(px_int_to_i64(code) & 0xFF) : 255;
    }
    px_print(&px_out_stderr, code, PX_PRINT_STR);
    px_write(&px_out_stderr, "\n", 1);
    return 1;
}

/* Print an uncaught exception as it deserves and return the exit status. */
static int report(px_val exc) {
    if (px_isinstance(exc, &px_type_SystemExit)) {
        return system_exit_status(exc);
    }
    if (px_isinstance(exc, &px_type_BrokenPipeError) && px_posix_stdout_broken()) {
        return 141; /* the reader of our output has gone: end quietly */
    }
    px_exc_print(&px_out_stderr, exc);
    return px_isinstance(exc, &px_type_KeyboardInterrupt) ? 130 : 1;
}

#ifdef PX_GC_DEBUG
/* Debug builds: PX_FAIL_ALLOC=N[,LIMIT] makes every Nth allocation of the
 * program fail (at most LIMIT times); PX_COUNT_ALLOCS=1 prints how many
 * allocations it made. tests/faults/ sweeps N over the language tests. */
static void fault_injection_start(void) {
    const char *e = getenv("PX_FAIL_ALLOC");
    if (e != NULL && *e) {
        char *end;
        unsigned long n = strtoul(e, &end, 10), limit = *end == ',' ? strtoul(end + 1, NULL, 10) : 0;
        px_gc_debug_fail_every(n, limit);
    } else {
        px_gc_debug_fail_every(0, 0);
    }
}

static void fault_injection_stop(void) {
    size_t n = px_gc_debug_allocs();
    px_gc_debug_fail_every(0, 0);
    const char *e = getenv("PX_COUNT_ALLOCS");
    if (e != NULL && *e == '1') {
        fprintf(stderr, "px: %zu allocations\n", n);
        setenv("PX_COUNT_ALLOCS", "0", 1); /* once */
    }
}
#endif

/* Call f; the exception that escapes it, or PX_NULL. Sets exit_code. */
static px_val run_guarded(void (*f)(void)) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        f();
        px_try_pop(&j);
        exit_code = 0;
        return PX_NULL;
    }
#ifdef PX_GC_DEBUG
    fault_injection_stop(); /* the report of what escaped is not under test */
#endif
    while (px_gc_heap_unlock() > 0) {
        /* micropython.heap_lock() left held: printing needs memory */
    }
    px_jmp j2; /* printing the exception may itself raise */
    px_try_push(&j2);
    if (setjmp(j2.buf) == 0) {
        exit_code = report(j.exc);
        px_try_pop(&j2);
    } else {
        px_port_stderr("error while printing an exception\n", 34);
        exit_code = 1;
    }
    return j.exc;
}

/* ---- scheduled work left at exit */

#define EXIT_PASSES 3

/* the callback being run and its argument (a GC root) */
static px_val exit_call[2];

static void call_exit_callback(void) {
    px_call(exit_call[0], 1, &exit_call[1], PX_NULL);
}

/* Before shutting down, run what the scheduler holds, as the program would
 * have had it gone on: micropython.schedule'd callbacks, and the closing
 * of generators dropped while suspended (a collection finds them first;
 * their finally blocks then run at exit, as in CPython). Each pass runs
 * only what was queued when it started, and there are few passes, so a
 * callback that re-schedules itself cannot keep the process alive. Each
 * callback is guarded: an exception is reported and decides the status,
 * as one from an atexit function does. */
static void run_scheduled_at_exit(void) {
    px_gc_add_root(exit_call, sizeof exit_call);
    for (int pass = 0; pass < EXIT_PASSES; pass++) {
        px_gc_collect();
        unsigned n = px_st.sched_len;
        if (n == 0) {
            return;
        }
        while (n-- > 0 && px_sched_take(&exit_call[0], &exit_call[1])) {
            /* as px_sched_run: pending checks inside do not run the rest */
            px_st.sched_running = true;
            int status = exit_code;
            if (run_guarded(call_exit_callback) == PX_NULL) {
                exit_code = status;
            }
            px_st.sched_running = false;
        }
    }
}

static void print_version(void) {
    px_sys_print_banner(&px_out_stdout);
    px_write(&px_out_stdout, "\n", 1);
}

/* The status of the process once the interpreter is done: stdout's final
 * flush and the way the program ended decide it (a stop signal is raised
 * again, soft_reset() execs the program again). */
static int process_status(void) {
    px_port_stdout_flush();
    if (exit_code == 0 && px_posix_stdout_lost()) {
        exit_code = 141;
    }
    bool on_stderr;
    int err = px_posix_output_error(&on_stderr);
    if (err != 0) {
        fprintf(stderr, "%s: output lost: writing to stdout failed: %s\n", opt.prog, strerror(err));
    }
    if ((err != 0 || on_stderr) && exit_code == 0) {
        exit_code = 120; /* as CPython when its final flush fails */
    }
    /* unless work at exit raised and so decided another status */
    if (ended_by_signal != 0 && exit_code == 128 + ended_by_signal) {
        px_shutdown_reraise(ended_by_signal);
    }
    int rerr = px_posix_restart_at_end();
    if (rerr != 0) {
        fprintf(stderr, "%s: soft_reset: starting the program again: %s\n", opt.prog, strerror(rerr));
        return 1;
    }
    return exit_code;
}

/* Ends the process with exit() rather than returning: a thread that ends
 * runs the C library's per-thread clean-up (its resolver's, RPC's and
 * malloc arena's), code no other part of start-up touches, which cost
 * resident pages of libc (docs/performance.md, "Footprint"). */
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
    px_service_init();
    px_compile_optimize = opt.opt_level;
#if PX_HAS_COMPILER_DEBUG
    px_compile_dis = opt.verbose > 0;
#endif
    if (opt.version) {
        run_guarded(print_version);
    } else {
#ifdef PX_GC_DEBUG
        fault_injection_start();
#endif
        px_val exc = run_guarded(run_program);
#ifdef PX_GC_DEBUG
        fault_injection_stop();
#endif
        ended_by_signal = px_posix_stop_signal(exc);
        if (exc == PX_NULL || !px_isinstance(exc, &px_type_SystemExit)) {
            px_posix_restart_cancel(); /* soft_reset()'s SystemExit was caught */
        }
        if (exit_code == 0) {
            px_service_finished(); /* READY=1 if not sent yet: it ran */
        }
        px_service_stopping();
        bool in_repl = opt.kind == PX_RUN_STDIN && opt.target == NULL && isatty(STDIN_FILENO);
        /* -i: the REPL after the program, even after an exception (to look
         * at the state), but not after sys.exit() */
        if (opt.inspect && !in_repl && !opt.compile_only &&
            (exc == PX_NULL || !px_isinstance(exc, &px_type_SystemExit))) {
            run_guarded(run_repl);
        }
        run_scheduled_at_exit();
        /* an exception from the atexit function decides the status */
        int status = exit_code;
        if (run_guarded(px_sys_run_atexit) == PX_NULL) {
            exit_code = status;
        }
        /* then what modules do at exit (weakref.finalize's atexit calls) */
        status = exit_code;
        if (run_guarded(px_run_exit_hooks) == PX_NULL) {
            exit_code = status;
        }
    }
    px_port_term_mode(PX_TERM_NORMAL); /* (micropython.kbd_intr may have changed it) */
    px_deinit();
    exit(process_status());
}

/* A standard descriptor closed at start-up (`>&-`) is taken by /dev/null
 * opened the wrong way round before anything else is opened: otherwise the
 * script's first open() gets it and print() writes into that file. Writing
 * to such a stdout still fails (EBADF, reported as any write error), and
 * reading such a stdin finds nothing (EBADF, taken as end of input). */
static void reserve_std_fds(void) {
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int r = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
            if (r >= 0 && r != fd) { /* (normally r is fd: the lower ones are open) */
                dup2(r, fd);
                close(r);
            }
        }
    }
}

int main(int argc, char **argv) {
    reserve_std_fds();
    px_posix_restart_init(argv);
    px_cli_parse(&opt, argc, argv);
    if (opt.kind == PX_RUN_FILE) {
        /* CPython's wording; a directory opens but cannot be run */
        struct stat st;
        int fd = open(opt.target, O_RDONLY);
        int err = fd < 0 ? errno : fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : 0;
        if (fd >= 0) {
            close(fd);
        }
        if (err != 0) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", opt.prog, opt.target, err,
                    strerror(err));
            return 2;
        }
    }
    px_posix_signals_route();
    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, INTERP_STACK);
    if (pthread_create(&th, &attr, interp_thread, NULL) != 0) {
        /* no thread: run on the main stack with the default assumption */
        interp_thread(NULL);
    }
    pthread_join(th, NULL); /* does not return: the interpreter thread calls exit() */
    return 1;
}
