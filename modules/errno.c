/* The errno module: the symbolic error codes (the ones MicroPython
 * documents, the rest of POSIX's and the common Linux ones), with the
 * values of the C library's <errno.h> (the values OSError carries in this
 * build: Linux's on POSIX, picolibc's on a board), and errno.errorcode.
 * The Linux-only codes a C library may lack are left out where it does.
 *
 * errorcode is a real dict (it can be changed, as in CPython), so it
 * cannot be const data: it is built on first use, through the module's
 * __getattr__. Where two names share a value (EAGAIN/EWOULDBLOCK,
 * ENOTSUP/EOPNOTSUPP on Linux) it maps to the first in byte order, as
 * CPython's does. */
#include <errno.h>
#include <string.h>

#include "runtime.h"

/* PX_QID_##name pastes the name before <errno.h> can expand it to its
 * number (PX_ENTRY would expand it first). */
#define E(name) {PX_QSTR_CONST(PX_QID_##name), PX_SMALL_CONST(name)}

static px_val errno_getattr(px_val name);
static PX_FUN1(errno_getattr_obj, __getattr__, errno_getattr);

/* Sorted by name bytes: the codes first, then the two dunder entries.
 * The table size is counted, not fixed: some entries depend on <errno.h>. */
static const px_map_entry errno_table[] = {
    E(E2BIG),
    E(EACCES),
    E(EADDRINUSE),
    E(EADDRNOTAVAIL),
    E(EAFNOSUPPORT),
    E(EAGAIN),
    E(EALREADY),
    E(EBADF),
    E(EBADMSG),
    E(EBUSY),
    E(ECANCELED),
    E(ECHILD),
    E(ECONNABORTED),
    E(ECONNREFUSED),
    E(ECONNRESET),
    E(EDEADLK),
    E(EDESTADDRREQ),
    E(EDOM),
    E(EDQUOT),
    E(EEXIST),
    E(EFAULT),
    E(EFBIG),
    E(EHOSTDOWN),
    E(EHOSTUNREACH),
    E(EIDRM),
    E(EILSEQ),
    E(EINPROGRESS),
    E(EINTR),
    E(EINVAL),
    E(EIO),
    E(EISCONN),
    E(EISDIR),
    E(ELOOP),
#ifdef EMEDIUMTYPE
    E(EMEDIUMTYPE),
#endif
    E(EMFILE),
    E(EMLINK),
    E(EMSGSIZE),
    E(EMULTIHOP),
    E(ENAMETOOLONG),
    E(ENETDOWN),
    E(ENETRESET),
    E(ENETUNREACH),
    E(ENFILE),
    E(ENOBUFS),
    E(ENODATA),
    E(ENODEV),
    E(ENOENT),
    E(ENOEXEC),
    E(ENOLCK),
    E(ENOLINK),
#ifdef ENOMEDIUM
    E(ENOMEDIUM),
#endif
    E(ENOMEM),
    E(ENOMSG),
    E(ENOPROTOOPT),
    E(ENOSPC),
    E(ENOSR),
    E(ENOSTR),
    E(ENOSYS),
#ifdef ENOTBLK
    E(ENOTBLK),
#endif
    E(ENOTCONN),
    E(ENOTDIR),
    E(ENOTEMPTY),
    E(ENOTRECOVERABLE),
    E(ENOTSOCK),
    E(ENOTSUP),
    E(ENOTTY),
    E(ENXIO),
    E(EOPNOTSUPP),
    E(EOVERFLOW),
    E(EOWNERDEAD),
    E(EPERM),
    E(EPFNOSUPPORT),
    E(EPIPE),
    E(EPROTO),
    E(EPROTONOSUPPORT),
    E(EPROTOTYPE),
    E(ERANGE),
#ifdef EREMOTEIO
    E(EREMOTEIO),
#endif
    E(EROFS),
#ifdef ESHUTDOWN
    E(ESHUTDOWN),
#endif
#ifdef ESOCKTNOSUPPORT
    E(ESOCKTNOSUPPORT),
#endif
    E(ESPIPE),
    E(ESRCH),
    E(ESTALE),
    E(ETIME),
    E(ETIMEDOUT),
    E(ETOOMANYREFS),
    E(ETXTBSY),
    E(EWOULDBLOCK),
    E(EXDEV),
    PX_ENTRY_OBJ(__getattr__, &errno_getattr_obj),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(errno))),
};
static PX_CONST_MAP(errno_globals, errno_table);
PX_MODULE_DEF(errno, errno_globals, PX_MODULE_EXTENSIBLE, NULL);

#define NCODES (sizeof errno_table / sizeof errno_table[0] - 2)

static px_val errorcode; /* a GC root once built */

static px_val errorcode_new(void) {
    px_val d = px_dict_new(NCODES);
    for (size_t i = 0; i < NCODES; i++) {
        if (px_dict_get(d, errno_table[i].value) == PX_NULL) {
            px_dict_set(d, errno_table[i].value, errno_table[i].key);
        }
    }
    return d;
}

/* Module __getattr__ (PEP 562): only errorcode is not in the table. */
static px_val errno_getattr(px_val name) {
    size_t n = 0;
    const char *s = px_is_str(name) ? px_str_data(name, &n) : "";
    if (n == 9 && memcmp(s, "errorcode", 9) == 0) {
        if (errorcode == PX_NULL) {
            px_val d = errorcode_new();
            px_gc_add_root(&errorcode, sizeof errorcode);
            errorcode = d;
        }
        return errorcode;
    }
    px_raise_msg(&px_type_AttributeError, "module 'errno' has no attribute '%.*s'", (int)n, s);
}
