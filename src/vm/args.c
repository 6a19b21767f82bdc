/* Argument binding with CPython's rules and messages, and frame cells. */
#include <stdio.h>

#include "frame.h"

void px_vm_frame_cells(px_frame *f, px_func *fn) {
    px_code *code = f->code;
    for (size_t i = 0; i < code->ncellvars; i++) {
        f->cells[i] = px_cell_new(PX_NULL);
    }
    if (code->nfreevars > 0) {
        if (fn == NULL || fn->closure == PX_NULL) {
            px_raise_msg(&px_type_RuntimeError, "code object has free variables but no closure");
        }
        px_tuple *cl = px_tuple_ptr(fn->closure);
        size_t n = cl->len < code->nfreevars ? cl->len : code->nfreevars;
        memcpy(f->cells + code->ncellvars, cl->items, n * sizeof(px_val));
    }
}



/* ---- argument binding (CPython's rules and messages) ------------------- */

static const char *fname(px_func *fn, int *len) {
    size_t n;
    const char *s = px_str_data(px_vm_func_qualname(fn), &n);
    *len = (int)n;
    return s;
}

static PX_NORETURN void too_many_positional(px_func *fn, size_t given, const px_val *L) {
    px_code *co = fn->code;
    size_t argcount = co->argcount;
    size_t ndef = fn->defaults == PX_NULL ? 0 : px_tuple_ptr(fn->defaults)->len;
    size_t kwonly_given = 0;
    for (size_t i = argcount; i < argcount + co->kwonlycount; i++) {
        kwonly_given += L[i] != PX_NULL;
    }
    char sig[64], kwsig[96];
    bool plural;
    if (ndef > 0) {
        snprintf(sig, sizeof sig, "from %zu to %zu", argcount - ndef, argcount);
        plural = true;
    } else {
        snprintf(sig, sizeof sig, "%zu", argcount);
        plural = argcount != 1;
    }
    kwsig[0] = 0;
    if (kwonly_given) {
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zu keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    int n;
    const char *s = fname(fn, &n);
    px_raise_type_error("%.*s() takes %s positional argument%s but %zu%s %s given", n, s, sig,
                        plural ? "s" : "", given, kwsig, given == 1 && !kwonly_given ? "was" : "were");
}

static PX_NORETURN void missing_args(px_func *fn, const px_val *L, size_t lo, size_t hi, const char *kind) {
    px_code *co = fn->code;
    size_t total = 0;
    for (size_t i = lo; i < hi; i++) {
        total += L[i] == PX_NULL;
    }
    px_strbuf b;
    px_strbuf_init(&b, 64);
    size_t k = 0;
    for (size_t i = lo; i < hi; i++) {
        if (L[i] != PX_NULL) {
            continue;
        }
        if (k > 0) {
            px_strbuf_add_cstr(&b, total == 2 ? " and " : (k == total - 1 ? ", and " : ", "));
        }
        px_strbuf_add_char(&b, '\'');
        px_strbuf_add_cstr(&b, px_qstr_str(co->varnames[i]));
        px_strbuf_add_char(&b, '\'');
        k++;
    }
    px_strbuf_add_char(&b, 0);
    int n;
    const char *s = fname(fn, &n);
    px_raise_type_error("%.*s() missing %zu required %s argument%s: %s", n, s, total, kind,
                        total == 1 ? "" : "s", b.data);
}

static px_qid kw_qid(px_val name) {
    if (px_is_qstr(name)) {
        return px_qstr_get(name);
    }
    if (!px_is_str(name)) {
        px_raise_type_error("keywords must be strings");
    }
    size_t len;
    const char *s = px_str_data(name, &len);
    return px_qstr_find(s, len);
}

void px_vm_bind_slow(px_frame *f, px_func *fn, size_t argc, const px_val *argv, px_val kwnames) {
    px_code *co = fn->code;
    px_val *L = f->localsplus;
    size_t nargs = co->argcount, nnamed = nargs + co->kwonlycount;
    size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    size_t extra = nnamed;
    size_t n = argc < nargs ? argc : nargs;
    if (n) {
        memcpy(L, argv, n * sizeof(px_val));
    }
    if (co->flags & PX_CODE_VARARGS) {
        L[extra++] = argc > nargs ? px_tuple_new(argc - nargs, argv + nargs) : px_from_ptr(&px_empty_tuple);
    }
    px_val kwdict = PX_NULL;
    if (co->flags & PX_CODE_VARKEYWORDS) {
        kwdict = px_dict_new(nkw);
        L[extra] = kwdict;
    }
    for (size_t k = 0; k < nkw; k++) {
        px_val name = px_tuple_ptr(kwnames)->items[k];
        px_val val = argv[argc + k];
        px_qid q = kw_qid(name);
        size_t j = nnamed;
        if (q != PX_QID_NONE) {
            for (j = co->posonlycount; j < nnamed; j++) {
                if (co->varnames[j] == q) {
                    break;
                }
            }
        }
        if (j < nnamed) {
            if (L[j] != PX_NULL) {
                int ln;
                const char *s = fname(fn, &ln);
                px_raise_type_error("%.*s() got multiple values for argument '%s'", ln, s, px_qstr_str(q));
            }
            L[j] = val;
            continue;
        }
        if (kwdict != PX_NULL) {
            px_dict_set(kwdict, name, val);
            continue;
        }
        int ln;
        const char *s = fname(fn, &ln);
        for (j = 0; j < co->posonlycount; j++) {
            if (co->varnames[j] == q) {
                px_raise_type_error("%.*s() got some positional-only arguments passed as keyword arguments: '%s'",
                                    ln, s, px_qstr_str(q));
            }
        }
        size_t sl;
        const char *ks = px_str_data(name, &sl);
        px_raise_type_error("%.*s() got an unexpected keyword argument '%.*s'", ln, s, (int)sl, ks);
    }
    if (argc > nargs && !(co->flags & PX_CODE_VARARGS)) {
        too_many_positional(fn, argc, L);
    }
    if (argc < nargs) {
        size_t ndef = 0;
        const px_val *defs = NULL;
        if (fn->defaults != PX_NULL) {
            ndef = px_tuple_ptr(fn->defaults)->len;
            defs = px_tuple_ptr(fn->defaults)->items;
        }
        size_t first = ndef > nargs ? 0 : nargs - ndef;
        bool missing = false;
        for (size_t i = argc; i < nargs; i++) {
            if (L[i] == PX_NULL) {
                if (i >= first) {
                    L[i] = defs[i - first];
                } else {
                    missing = true;
                }
            }
        }
        if (missing) {
            missing_args(fn, L, 0, nargs, "positional");
        }
    }
    if (co->kwonlycount > 0) {
        bool missing = false;
        for (size_t i = nargs; i < nnamed; i++) {
            if (L[i] == PX_NULL) {
                px_val d = PX_NULL;
                if (fn->kwdefaults != PX_NULL) {
                    d = px_dict_get(fn->kwdefaults, px_qstr(co->varnames[i]));
                }
                if (d != PX_NULL) {
                    L[i] = d;
                } else {
                    missing = true;
                }
            }
        }
        if (missing) {
            missing_args(fn, L, nargs, nnamed, "keyword-only");
        }
    }
}

