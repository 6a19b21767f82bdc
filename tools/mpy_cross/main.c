/* px-mpy-cross: compile Python source into a .mpy file on the host, with
 * the interpreter's own compiler (libpxcore), the options of MicroPython's
 * mpy-cross that mean something here. The .mpy format is compiler/mpy.h's;
 * docs/mpy.md describes the tool and the format. The build also runs it
 * to freeze Python modules into the binary (tools/gen_modules.py). */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build_info.h"
#include "compiler/mpy.h"
#include "runtime.h"

static const char usage_text[] =
    "usage: px-mpy-cross [options] FILE.py\n"
    "Compile FILE.py into FILE.mpy, precompiled bytecode that `import` loads\n"
    "(docs/mpy.md).\n"
    "  -o OUT          write the .mpy to OUT (default: FILE.mpy beside FILE.py)\n"
    "  -s NAME         the source name tracebacks show (default: FILE.py as given)\n"
    "  -O[N], -OO...   optimisation level (1 and up leave assert statements out)\n"
    "  -v              list the bytecode of each code object\n"
    "  -march=ARCH     accepted and ignored: px .mpy files hold bytecode only\n"
    "  -X emit=bytecode  the only emitter (native and viper are not built in)\n"
    "  --version       print the .mpy version this tool writes\n"
    "  -h, --help      this help\n";

static const char *prog = "px-mpy-cross";

static PX_NORETURN void usage_error(const char *what, const char *arg) {
    fprintf(stderr, "%s: %s%s\n%s", prog, what, arg, usage_text);
    exit(2);
}

typedef struct {
    const char *input, *output, *source_name;
    int opt_level;
    bool verbose;
} options;

static void parse(int argc, char **argv, options *o) {
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("MicroPython v%s (px); px-mpy-cross emitting mpy v%d.%d\n", PX_VERSION, PX_MPY_VERSION,
                   PX_MPY_ARCH_SUB & 3);
            exit(0);
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "-s") == 0) {
            if (i + 1 >= argc) {
                usage_error("missing value after ", a);
            }
            *(a[1] == 'o' ? &o->output : &o->source_name) = argv[++i];
        } else if (strncmp(a, "-O", 2) == 0) {
            const char *n = a + 2;
            if (*n >= '0' && *n <= '9' && n[1] == '\0') {
                o->opt_level = *n - '0';
            } else if (n[strspn(n, "O")] == '\0') {
                o->opt_level = 1 + (int)strlen(n); /* -O is 1, -OO is 2 */
            } else {
                usage_error("bad optimisation level: ", a);
            }
        } else if (strcmp(a, "-v") == 0) {
            o->verbose = true;
        } else if (strncmp(a, "-march=", 7) == 0) {
            fprintf(stderr, "%s: %s ignored: px .mpy files hold bytecode, which runs on every architecture\n", prog,
                    a);
        } else if (strcmp(a, "-X") == 0 && i + 1 < argc && strncmp(argv[i + 1], "emit=", 5) == 0) {
            const char *e = argv[++i] + 5;
            if (strcmp(e, "bytecode") != 0) {
                fprintf(stderr, "%s: -X emit=%s: only the bytecode emitter is built in\n", prog, e);
                exit(2);
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            usage_error("unknown option: ", a);
        } else if (o->input != NULL) {
            usage_error("more than one input file: ", a);
        } else {
            o->input = a;
        }
    }
    if (o->input == NULL) {
        usage_error("no input file", "");
    }
}

/* FILE.py -> FILE.mpy; any other name gets .mpy added. */
static char *default_output(const char *input) {
    size_t n = strlen(input);
    char *out = malloc(n + 5);
    if (out == NULL) {
        fprintf(stderr, "%s: out of memory\n", prog);
        exit(1);
    }
    memcpy(out, input, n + 1);
    if (n > 3 && strcmp(input + n - 3, ".py") == 0) {
        n -= 3;
    }
    strcpy(out + n, ".mpy");
    return out;
}

static options opt;
static px_val result; /* the .mpy bytes (a GC root while it matters) */

static void compile_input(void) {
    size_t len;
    int err = 0;
    char *src = px_port_read_file(opt.input, &len, &err);
    if (src == NULL) {
        px_raise_os_error(err, "'%s'", opt.input);
    }
    px_compile_optimize = opt.opt_level;
#if PX_HAS_COMPILER_DEBUG
    px_compile_dis = opt.verbose;
#endif
    const char *name = opt.source_name != NULL ? opt.source_name : opt.input;
    px_code *code = px_compile(src, len, px_qstr_intern_cstr(name), PX_COMPILE_FILE);
    result = px_mpy_dump(code);
}

/* Written to OUT.tmp and renamed, so a failed run never leaves half a file. */
static int write_output(const char *path, const uint8_t *data, size_t n) {
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 5);
    if (tmp == NULL) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 1;
    }
    memcpy(tmp, path, plen);
    strcpy(tmp + plen, ".tmp");
    FILE *f = fopen(tmp, "wb");
    bool ok = f != NULL && fwrite(data, 1, n, f) == n;
    ok = (f != NULL && fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        fprintf(stderr, "%s: cannot write '%s': %s\n", prog, path, strerror(errno));
        remove(tmp);
        free(tmp);
        return 1;
    }
    free(tmp);
    return 0;
}

int main(int argc, char **argv) {
    void *top = __builtin_frame_address(0);
    parse(argc, argv, &opt);
    px_init(px_port_heap_default_cap(), top);
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) != 0) {
        px_exc_print(&px_out_stderr, j.exc);
        return 1;
    }
    compile_input();
    px_try_pop(&j);
    size_t n;
    const uint8_t *data = px_bytes_data(result, &n);
    char *made = opt.output != NULL ? NULL : default_output(opt.input);
    int status = write_output(made != NULL ? made : opt.output, data, n);
    free(made);
    return status;
}
