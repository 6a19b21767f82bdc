/* The platform module: platform(), python_compiler() and libc_ver(), as
 * MicroPython documents them. Everything comes from the build: the
 * architecture and the C library are those the binary was compiled for
 * (the C library's version macros, as MicroPython does), and the version
 * is sys.implementation's. There is no operating system component: the
 * module is portable, and os.uname() has the kernel's. */
#include <limits.h> /* brings the C library's version macros (glibc's features.h) */

#include "runtime.h"
#include "build_target.h"

#define STR2(x) #x
#define STR(x) STR2(x)
#if defined(__GLIBC__)
#define LIBC "glibc"
#define LIBC_VERSION STR(__GLIBC__) "." STR(__GLIBC_MINOR__)
#elif defined(__PICOLIBC_VERSION__)
#define LIBC "picolibc"
#define LIBC_VERSION __PICOLIBC_VERSION__
#elif defined(_NEWLIB_VERSION)
#define LIBC "newlib"
#define LIBC_VERSION _NEWLIB_VERSION
#else
#define LIBC "" /* musl, for one, announces no version */
#define LIBC_VERSION ""
#endif

static px_val platform_python_compiler(void) {
    return px_str_cstr(PX_BUILD_COMPILER);
}
static PX_FUN0(platform_python_compiler_obj, python_compiler, platform_python_compiler);

static px_val platform_libc_ver(void) {
    px_val items[2] = {px_str_cstr(LIBC), px_str_cstr(LIBC_VERSION)};
    return px_tuple_new(2, items);
}
static PX_FUN0(platform_libc_ver_obj, libc_ver, platform_libc_ver);

/* "MicroPython-0.1.0-x86_64-with-glibc2.36": system, version, architecture
 * and C library, joined by dashes. */
static px_val platform_platform(void) {
    px_val sys = px_import(px_qstr(PX_Q(sys)), PX_NONE, 0, NULL);
    px_val version = px_getattr(px_getattr(sys, PX_Q(implementation)), PX_Q(version));
    px_strbuf b;
    px_strbuf_init(&b, 64);
    px_out out = px_strbuf_out(&b);
    px_write_cstr(&out, "MicroPython-");
    for (int i = 0; i < 3; i++) {
        px_print(&out, px_subscr_load(version, px_small(i)), PX_PRINT_STR);
        px_write_cstr(&out, i < 2 ? "." : "");
    }
    px_write_cstr(&out, "-" PX_BUILD_ARCH);
    if (LIBC[0] != '\0') {
        px_write_cstr(&out, "-with-" LIBC LIBC_VERSION);
    }
    return px_strbuf_to_str(&b);
}
static PX_FUN0(platform_platform_obj, platform, platform_platform);

static const px_map_entry platform_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(platform))),
    PX_ENTRY_OBJ(libc_ver, &platform_libc_ver_obj),
    PX_ENTRY_OBJ(platform, &platform_platform_obj),
    PX_ENTRY_OBJ(python_compiler, &platform_python_compiler_obj),
};
static PX_CONST_MAP(platform_globals, platform_table);
PX_MODULE_DEF(platform, platform_globals, PX_MODULE_EXTENSIBLE, NULL);
