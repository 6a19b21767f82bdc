/* Raising exceptions from C: a chain of setjmp handlers rooted in
 * px_st.jmp_top, plus helpers that build the common exceptions. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../runtime.h"

PX_NORETURN void px_raise(px_val exc) {
    if (px_is_type_obj(exc)) {
        exc = px_call(exc, 0, NULL, PX_NULL);
    }
    if (!px_is_exception(exc)) {
        px_raise_type_error("exceptions must derive from BaseException");
    }
    px_jmp *j = px_st.jmp_top;
    if (j == NULL) {
        /* Nobody can catch it: a bug in the embedding (main always has a handler). */
        px_exc_print(&px_out_stderr, exc);
        px_port_fatal("uncaught exception outside any handler");
    }
    px_st.jmp_top = j->prev;
    j->exc = exc;
    px_st.frame = j->vm_frame;
    longjmp(j->buf, 1);
}

#if PX_ERROR_TEXT == 2
const char *px_errtext_expand(const char *s, char buf[PX_ERRTEXT_MAX]) {
    if (s == NULL || s[0] != '\001') {
        return s;
    }
    char *out = buf, *end = buf + PX_ERRTEXT_MAX - 1;
    for (const unsigned char *p = (const unsigned char *)s + 1; *p != 0; p++) {
        const char *w = (const char *)p, *wend = w + 1;
        if (*p >= 0x80 || *p < 0x20) {
            w = px_errtext_words;
            for (unsigned i = *p >= 0x80 ? *p - 0x80u : *p + 127u; i > 0; i--) {
                w += strlen(w) + 1;
            }
            wend = w + strlen(w);
        }
        while (w < wend && out < end) {
            *out++ = *w++;
        }
    }
    *out = '\0';
    return buf;
}
#endif

#if PX_ERROR_TEXT
/* Format into a GC string; long messages are truncated at a generous size. */
static px_val vformat(const char *fmt, va_list ap) {
    char buf[512];
    PX_ERRTEXT_FMT(fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    if (n < 0) {
        n = 0;
    }
    size_t len = (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1;
    /* vsnprintf may cut a UTF-8 sequence: back off to a boundary. */
    while (len > 0 && !px_utf8_valid(buf, len)) {
        len--;
    }
    return px_str(buf, len);
}

PX_NORETURN static void raise_va(const px_type *type, const char *fmt, va_list ap) {
    px_val msg = vformat(fmt, ap);
    px_raise(px_exc_new_msg(type, msg));
}

PX_NORETURN void (px_raise_msg)(const px_type *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_va(type, fmt, ap);
}

PX_NORETURN void (px_raise_type_error)(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_va(&px_type_TypeError, fmt, ap);
}

PX_NORETURN void (px_raise_value_error)(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_va(&px_type_ValueError, fmt, ap);
}

PX_NORETURN void (px_raise_index_error)(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    raise_va(&px_type_IndexError, fmt, ap);
}

#else
PX_NORETURN void px_raise_terse(const px_type *type) {
    px_raise(px_exc_new(type, 0, NULL));
}
#endif

PX_NORETURN void px_raise_key_error(px_val key) {
    px_raise(px_exc_new(&px_type_KeyError, 1, &key));
}

PX_NORETURN void px_raise_attribute_error(px_val obj, px_qid name) {
    if (px_is_type_obj(obj)) {
        px_raise_msg(&px_type_AttributeError, "type object '%s' has no attribute '%s'",
                     px_qstr_str(((const px_type *)px_as_ptr(obj))->name), px_qstr_str(name));
    }
    if (px_is_type(obj, &px_type_module)) {
        px_val mod = px_map_get_q(px_module_globals(obj), PX_Q(__name__));
        if (mod != PX_NULL && px_is_str(mod)) {
            size_t n;
            const char *s = px_str_data(mod, &n);
            px_raise_msg(&px_type_AttributeError, "module '%.*s' has no attribute '%s'", (int)n, s,
                         px_qstr_str(name));
        }
    }
    px_raise_msg(&px_type_AttributeError, "'%s' object has no attribute '%s'", px_type_name(obj),
                 px_qstr_str(name));
}

PX_NORETURN void px_raise_recursion(const char *context) {
    px_raise_msg(&px_type_RecursionError, "maximum recursion depth exceeded%s", context);
}

PX_NORETURN void px_raise_name_error(px_qid name) {
    px_raise_msg(&px_type_NameError, "name '%s' is not defined", px_qstr_str(name));
}

#if PX_ERROR_TEXT
PX_NORETURN void (px_raise_zero_division)(const char *msg) {
    PX_ERRTEXT_FMT(msg);
    px_raise_msg(&px_type_ZeroDivisionError, "%s", msg);
}

PX_NORETURN void (px_raise_overflow)(const char *msg) {
    PX_ERRTEXT_FMT(msg);
    px_raise_msg(&px_type_OverflowError, "%s", msg);
}
#endif

PX_NORETURN void px_raise_stop_iteration(px_val value) {
    if (value == PX_NULL) {
        px_raise(px_exc_new(&px_type_StopIteration, 0, NULL));
    }
    px_raise(px_exc_new(&px_type_StopIteration, 1, &value));
}

#if PX_ERROR_TEXT
PX_NORETURN void (px_raise_os_error)(int errnum, const char *fmt, ...) {
    px_val args[3];
    size_t n = 2;
    args[0] = px_small(errnum);
    args[1] = px_str_cstr(px_port_strerror(errnum));
    if (fmt != NULL && fmt[0] != '\0') {
        va_list ap;
        va_start(ap, fmt);
        args[2] = vformat(fmt, ap);
        va_end(ap);
        n = 3;
    }
    px_raise(px_exc_new(&px_type_OSError, n, args));
}
#else
PX_NORETURN void px_raise_os_error_terse(int errnum) {
    px_val args[2] = {px_small(errnum), px_str_cstr(px_port_strerror(errnum))};
    px_raise(px_exc_new(&px_type_OSError, 2, args));
}
#endif

PX_NORETURN void px_raise_arg_count(px_qid func, size_t min, size_t max, size_t given) {
    const char *f = px_qstr_str(func);
    if (given < min) {
        size_t missing = min - given;
        px_raise_type_error("%s() missing %zu required positional argument%s", f, missing,
                            missing == 1 ? "" : "s");
    }
    const char *were = given == 1 ? "was" : "were";
    if (min == max) {
        px_raise_type_error("%s() takes %zu positional argument%s but %zu %s given", f, max,
                            max == 1 ? "" : "s", given, were);
    }
    px_raise_type_error("%s() takes from %zu to %zu positional arguments but %zu %s given", f, min,
                        max, given, were);
}
