/* Loading OpenSSL 3 at first use (openssl_lib.h). The sonames are
 * OpenSSL 3's ABI (Debian's libssl3 package has both libraries);
 * RTLD_LOCAL keeps their symbols out of the global scope, so nothing
 * but this table reaches them. */
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "openssl_lib.h"

struct px_openssl_fns px_openssl;

static const struct {
    const char *name;
    unsigned short offset; /* in px_openssl */
    unsigned char lib;     /* PX_OSSL_* */
} functions[] = {
#define PX_OSSL_FN(lib, name) {#name, offsetof(struct px_openssl_fns, name), PX_OSSL_##lib},
#include "openssl_syms.h"
#undef PX_OSSL_FN
};

static const struct {
    unsigned char lib;
    const char *soname;
} libraries[] = {
    {PX_OSSL_CRYPTO, "libcrypto.so.3"}, /* first: libssl's functions need it */
    {PX_OSSL_SSL, "libssl.so.3"},
};

static unsigned loaded; /* PX_OSSL_* bits of the libraries ready */

const char *px_openssl_load(unsigned libs) {
    static char msg[512];
    for (size_t i = 0; i < sizeof libraries / sizeof libraries[0]; i++) {
        unsigned lib = libraries[i].lib;
        if (!(libs & lib) || (loaded & lib)) {
            continue;
        }
        const char *soname = libraries[i].soname;
        void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
        if (h == NULL) {
            const char *why = dlerror();
            snprintf(msg, sizeof msg, "OpenSSL 3's %s did not load (%s): install it (Debian: apt install libssl3)",
                     soname, why ? why : "no reason given");
            return msg;
        }
        /* all of the library's functions, or none: a half-filled table
         * would be called through a null pointer */
        void *found[sizeof functions / sizeof functions[0]];
        for (size_t k = 0; k < sizeof functions / sizeof functions[0]; k++) {
            if (functions[k].lib != lib) {
                continue;
            }
            found[k] = dlsym(h, functions[k].name);
            if (found[k] == NULL) {
                snprintf(msg, sizeof msg,
                         "%s has no function %s (OpenSSL 3.0 or later is needed: Debian's libssl3 package)",
                         soname, functions[k].name);
                dlclose(h);
                return msg;
            }
        }
        for (size_t k = 0; k < sizeof functions / sizeof functions[0]; k++) {
            if (functions[k].lib == lib) {
                /* POSIX: a dlsym result converts to a function pointer */
                memcpy((char *)&px_openssl + functions[k].offset, &found[k], sizeof found[k]);
            }
        }
        loaded |= lib;
    }
    return NULL;
}
