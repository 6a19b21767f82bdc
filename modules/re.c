/* The re module: compile() and the module-level functions, Pattern
 * objects, and a cache of compiled patterns for the module-level
 * functions (re.search(text_pattern, s) in a loop compiles once).
 * Errors in patterns raise re.error, which here is ValueError (MicroPython
 * raises ValueError; `except re.error` works the same). */
#include <stdarg.h>
#include <stdio.h>

#include "re.h"
#include "objects/str_impl.h"

void(re_error)(const char *fmt, ...) {
    char msg[256];
    PX_ERRTEXT_FMT(fmt);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    px_raise_value_error("%s", msg);
}

/* ---- subjects */

const uint8_t *re_subject_bytes(const re_pattern_obj *p, px_val string, px_val *text, size_t *len, bool *utf8) {
    size_t n;
    const char *s = px_str_get(string, &n);
    if (p->is_str) {
        if (s == NULL) {
            if (px_buffer_try(string, &(px_buffer){0}, PX_BUF_READ)) {
                px_raise_type_error("cannot use a string pattern on a bytes-like object");
            }
            px_raise_type_error("expected string or bytes-like object, got '%s'", px_type_name(string));
        }
        *text = string;
        *len = n;
        *utf8 = px_str_charlen(px_native(string, &px_type_str)) != n;
        return (const uint8_t *)s;
    }
    if (s != NULL) {
        px_raise_type_error("cannot use a bytes pattern on a string-like object");
    }
    *utf8 = false;
    if (px_is_bytes(string)) {
        *text = string;
        return px_bytes_data(string, len);
    }
    px_buffer buf;
    if (!px_buffer_try(string, &buf, PX_BUF_READ)) {
        px_raise_type_error("expected string or bytes-like object, got '%s'", px_type_name(string));
    }
    *text = px_bytes(buf.data, buf.len); /* a snapshot: a bytearray may change while we look at it */
    *len = buf.len;
    return px_bytes_data(*text, len);
}

size_t re_char_to_byte(const uint8_t *s, size_t len, bool utf8, px_int index) {
    if (index <= 0) {
        return 0;
    }
    if (!utf8) {
        return (size_t)index < len ? (size_t)index : len;
    }
    return px_utf8_offset((const char *)s, len, (size_t)index);
}

px_int re_byte_to_char(const uint8_t *s, bool utf8, size_t off) {
    return utf8 ? (px_int)px_utf8_count((const char *)s, off) : (px_int)off;
}

void re_span_args(px_val pos_arg, px_val endpos_arg, size_t nchars, px_int *pos, px_int *endpos) {
    px_int n = (px_int)nchars;
    px_int a = pos_arg == PX_NULL || pos_arg == PX_NONE ? 0 : px_index(pos_arg);
    px_int b = endpos_arg == PX_NULL || endpos_arg == PX_NONE ? n : px_index(endpos_arg);
    *pos = a < 0 ? 0 : a > n ? n : a;
    *endpos = b < 0 ? 0 : b > n ? n : b;
}

px_val re_slice(bool is_str, const uint8_t *s, size_t a, size_t b) {
    return is_str ? px_str((const char *)s + a, b - a) : px_bytes(s + a, b - a);
}

/* ---- compiling, with a cache for the module-level functions */

#define CACHE_SIZE 64 /* a power of two */
static px_val cache[CACHE_SIZE];
static bool cache_rooted;

static re_pattern_obj *compile_text(px_val pattern, int flags) {
    bool is_str = px_str_get(pattern, &(size_t){0}) != NULL;
    const char *src;
    size_t len;
    if (is_str) {
        src = px_str_get(pattern, &len);
    } else {
        px_buffer buf;
        if (!px_buffer_try(pattern, &buf, PX_BUF_READ)) {
            px_raise_type_error("first argument must be string or compiled pattern");
        }
        pattern = px_bytes(buf.data, buf.len);
        src = (const char *)px_bytes_data(pattern, &len);
    }
    re_parsed parsed;
    re_parse(src, len, is_str, flags, &parsed);
    re_pattern_obj *p = px_gc_alloc(sizeof *p, 0);
    p->base.type = &re_type_pattern;
    p->pattern = pattern;
    p->flags = parsed.flags & ~RE_DEBUG;
    p->is_str = is_str;
    p->prog = re_compile_prog(&parsed, is_str);
    p->groupindex = parsed.names;
    if (flags & RE_DEBUG) {
        re_prog_dump(p->prog);
    }
    return p;
}

static int flags_arg(px_val flags) {
    if (flags == PX_NULL || flags == PX_NONE) {
        return 0;
    }
    return (int)px_index(flags);
}

re_pattern_obj *re_get_pattern(px_val pattern, px_val flags_v) {
    int flags = flags_arg(flags_v);
    if (px_is_type(pattern, &re_type_pattern)) {
        if (flags != 0) {
            px_raise_value_error("cannot process flags argument with a compiled pattern");
        }
        return px_as_ptr(pattern);
    }
    if (flags & RE_DEBUG) { /* DEBUG prints the program: never from the cache */
        return compile_text(pattern, flags);
    }
    if (!cache_rooted) {
        px_gc_add_root(cache, sizeof cache);
        cache_rooted = true;
    }
    size_t n;
    const char *s = px_str_get(pattern, &n);
    bool is_str = s != NULL;
    if (s == NULL && px_is_bytes(pattern)) {
        s = (const char *)px_bytes_data(pattern, &n);
    }
    if (s == NULL) {
        return compile_text(pattern, flags);
    }
    uint32_t h = px_hash_bytes(s, n) ^ (uint32_t)flags * 0x9E3779B1u;
    px_val *slot = &cache[h & (CACHE_SIZE - 1)];
    if (*slot != PX_NULL) {
        re_pattern_obj *c = px_as_ptr(*slot);
        size_t cn;
        const char *cs = c->is_str ? px_str_get(c->pattern, &cn) : (const char *)px_bytes_data(c->pattern, &cn);
        if (c->is_str == is_str && (c->flags & ~RE_UNICODE) == (flags & ~RE_UNICODE) && cn == n &&
            memcmp(cs, s, n) == 0) {
            return c;
        }
    }
    re_pattern_obj *p = compile_text(pattern, flags);
    if ((p->flags & ~RE_UNICODE) == (flags & ~RE_UNICODE)) { /* inline flags would defeat the key */
        *slot = px_from_ptr(p);
    }
    return p;
}

/* ---- match, search, fullmatch */

static px_val do_match(re_pattern_obj *p, px_val string, px_val pos_arg, px_val endpos_arg, int mode) {
    px_val text;
    size_t len;
    bool utf8;
    const uint8_t *s = re_subject_bytes(p, string, &text, &len, &utf8);
    size_t nchars = utf8 ? px_utf8_count((const char *)s, len) : len;
    px_int pos, endpos;
    re_span_args(pos_arg, endpos_arg, nchars, &pos, &endpos);
    if (endpos < pos) {
        return PX_NONE;
    }
    size_t start = re_char_to_byte(s, len, utf8, pos);
    size_t end = re_char_to_byte(s, len, utf8, endpos);
    size_t caps_small[32];
    size_t ncaps = re_ncaps(p->prog);
    size_t *caps = ncaps <= 32 ? caps_small : px_gc_alloc(ncaps * sizeof(size_t), PX_GC_LEAF);
    re_subject subj = {p->prog, s, end, utf8, caps};
    if (!px_re_exec(&subj, start, mode, false)) {
        return PX_NONE;
    }
    return re_match_new(p, string, text, utf8, pos, endpos, caps, start, pos);
}

/* ---- Pattern methods */

static re_pattern_obj *pattern_of(px_val v) {
    return px_as_ptr(px_native(v, &re_type_pattern));
}

static const px_argspec span_spec[] = {
    {PX_Q(string), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(pos), 0, PX_NONE},
    {PX_Q(endpos), 0, PX_NONE},
};

#define PATTERN_MATCHER(cname, pyname, mode)                                                            \
    static px_val cname(size_t argc, const px_val *argv, px_val kwnames) {                             \
        px_val a[3];                                                                                   \
        px_parse_args(PX_Q(pyname), argc - 1, argv + 1, kwnames, 3, span_spec, a);                     \
        return do_match(pattern_of(argv[0]), a[0], a[1], a[2], mode);                                  \
    }                                                                                                  \
    static PX_METHKW(cname##_obj, &re_type_pattern, pyname, 2, 4, cname)
PATTERN_MATCHER(pattern_match, match, RE_MODE_MATCH);
PATTERN_MATCHER(pattern_search, search, RE_MODE_SEARCH);
PATTERN_MATCHER(pattern_fullmatch, fullmatch, RE_MODE_FULL);

static px_val pattern_findall(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(findall), argc - 1, argv + 1, kwnames, 3, span_spec, a);
    return re_do_findall(pattern_of(argv[0]), a[0], a[1], a[2]);
}
static PX_METHKW(pattern_findall_obj, &re_type_pattern, findall, 2, 4, pattern_findall);

static px_val pattern_finditer(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(finditer), argc - 1, argv + 1, kwnames, 3, span_spec, a);
    return re_do_finditer(pattern_of(argv[0]), a[0], a[1], a[2]);
}
static PX_METHKW(pattern_finditer_obj, &re_type_pattern, finditer, 2, 4, pattern_finditer);

static const px_argspec sub_spec[] = {
    {PX_Q(repl), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(string), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(count), 0, PX_SMALL_CONST(0)},
};

static px_val pattern_sub(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(sub), argc - 1, argv + 1, kwnames, 3, sub_spec, a);
    return re_do_sub(pattern_of(argv[0]), a[0], a[1], a[2], false);
}
static PX_METHKW(pattern_sub_obj, &re_type_pattern, sub, 3, 4, pattern_sub);

static px_val pattern_subn(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(subn), argc - 1, argv + 1, kwnames, 3, sub_spec, a);
    return re_do_sub(pattern_of(argv[0]), a[0], a[1], a[2], true);
}
static PX_METHKW(pattern_subn_obj, &re_type_pattern, subn, 3, 4, pattern_subn);

static const px_argspec split_spec[] = {
    {PX_Q(string), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(maxsplit), 0, PX_SMALL_CONST(0)},
};

static px_val pattern_split(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[2];
    px_parse_args(PX_Q(split), argc - 1, argv + 1, kwnames, 2, split_spec, a);
    return re_do_split(pattern_of(argv[0]), a[0], a[1]);
}
static PX_METHKW(pattern_split_obj, &re_type_pattern, split, 2, 3, pattern_split);

static px_val pattern_getattr(px_val self, px_qid name) {
    re_pattern_obj *p = pattern_of(self);
    if (name == PX_Q(pattern)) {
        return p->pattern;
    }
    if (name == PX_Q(flags)) {
        return px_small(p->flags);
    }
    if (name == PX_Q(groups)) {
        return px_small(p->prog->ngroups);
    }
    if (name == PX_Q(groupindex)) {
        px_val d = px_dict_new(0);
        px_dict_update(d, p->groupindex, false);
        return d;
    }
    return PX_NULL;
}

static const struct {
    int flag;
    const char *name;
} flag_names[] = {
    {RE_TEMPLATE, "TEMPLATE"}, {RE_IGNORECASE, "IGNORECASE"}, {RE_LOCALE, "LOCALE"},
    {RE_MULTILINE, "MULTILINE"}, {RE_DOTALL, "DOTALL"}, {RE_UNICODE, "UNICODE"},
    {RE_VERBOSE, "VERBOSE"}, {RE_DEBUG, "DEBUG"}, {RE_ASCII, "ASCII"},
};

static void pattern_print(px_out *out, px_val self, px_print_kind kind) {
    re_pattern_obj *p = pattern_of(self);
    px_write_cstr(out, "re.compile(");
    px_print(out, p->pattern, PX_PRINT_REPR);
    int flags = p->flags;
    if (p->is_str) {
        flags &= ~RE_UNICODE; /* implied for str patterns */
    }
    if (flags) {
        const char *sep = ", ";
        for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
            if (flags & flag_names[i].flag) {
                px_printf(out, "%sre.%s", sep, flag_names[i].name);
                sep = "|";
                flags &= ~flag_names[i].flag;
            }
        }
        if (flags) {
            px_printf(out, "%s0x%x", sep, (unsigned)flags);
        }
    }
    px_write_cstr(out, ")");
}

static px_val pattern_binop(px_binop op, px_val lhs, px_val rhs) {
    if ((op != PX_BINOP_EQ && op != PX_BINOP_NE) || !px_is_type(lhs, &re_type_pattern) ||
        !px_is_type(rhs, &re_type_pattern)) {
        return PX_NOTIMPL;
    }
    re_pattern_obj *a = px_as_ptr(lhs), *b = px_as_ptr(rhs);
    bool eq = a == b || (a->flags == b->flags && a->is_str == b->is_str && px_equal(a->pattern, b->pattern));
    return px_bool(eq == (op == PX_BINOP_EQ));
}

static px_val pattern_unop(px_unop op, px_val self) {
    if (op != PX_UNOP_HASH) {
        return PX_NOTIMPL;
    }
    re_pattern_obj *p = pattern_of(self);
    return px_small((px_hash(p->pattern) ^ p->flags) & PX_SMALL_MAX);
}

static const px_map_entry pattern_methods[] = {
    PX_ENTRY_OBJ(findall, &pattern_findall_obj),
    PX_ENTRY_OBJ(finditer, &pattern_finditer_obj),
    PX_ENTRY_OBJ(fullmatch, &pattern_fullmatch_obj),
    PX_ENTRY_OBJ(match, &pattern_match_obj),
    PX_ENTRY_OBJ(search, &pattern_search_obj),
    PX_ENTRY_OBJ(split, &pattern_split_obj),
    PX_ENTRY_OBJ(sub, &pattern_sub_obj),
    PX_ENTRY_OBJ(subn, &pattern_subn_obj),
};
static PX_CONST_MAP(pattern_dict, pattern_methods);

const px_type re_type_pattern = {
    .base = {&px_type_type},
    .name = PX_Q(Pattern),
    .base_type = &px_type_object,
    .dict = &pattern_dict,
    .print = pattern_print,
    .unop = pattern_unop,
    .binop = pattern_binop,
    .getattr = pattern_getattr,
};

/* ---- module functions */

static px_val re_compile_fn(size_t argc, const px_val *argv) {
    re_pattern_obj *p = re_get_pattern(argv[0], argc > 1 ? argv[1] : PX_NULL);
    return px_from_ptr(p);
}
static PX_FUNV(re_compile_obj, compile, 1, 2, re_compile_fn);

static const px_argspec fn_spec[] = {
    {PX_Q(pattern), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(string), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(flags), 0, PX_SMALL_CONST(0)},
};

#define MODULE_MATCHER(cname, pyname, mode)                                                             \
    static px_val cname(size_t argc, const px_val *argv, px_val kwnames) {                             \
        px_val a[3];                                                                                   \
        px_parse_args(PX_Q(pyname), argc, argv, kwnames, 3, fn_spec, a);                               \
        return do_match(re_get_pattern(a[0], a[2]), a[1], PX_NULL, PX_NULL, mode);                    \
    }                                                                                                  \
    static PX_FUNKW(cname##_obj, pyname, 2, 3, cname)
MODULE_MATCHER(re_match_fn, match, RE_MODE_MATCH);
MODULE_MATCHER(re_search_fn, search, RE_MODE_SEARCH);
MODULE_MATCHER(re_fullmatch_fn, fullmatch, RE_MODE_FULL);

static px_val re_findall_fn(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(findall), argc, argv, kwnames, 3, fn_spec, a);
    return re_do_findall(re_get_pattern(a[0], a[2]), a[1], PX_NULL, PX_NULL);
}
static PX_FUNKW(re_findall_obj, findall, 2, 3, re_findall_fn);

static px_val re_finditer_fn(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(finditer), argc, argv, kwnames, 3, fn_spec, a);
    return re_do_finditer(re_get_pattern(a[0], a[2]), a[1], PX_NULL, PX_NULL);
}
static PX_FUNKW(re_finditer_obj, finditer, 2, 3, re_finditer_fn);

static const px_argspec sub_fn_spec[] = {
    {PX_Q(pattern), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(repl), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(string), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(count), 0, PX_SMALL_CONST(0)},
    {PX_Q(flags), 0, PX_SMALL_CONST(0)},
};

static px_val re_sub_fn(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[5];
    px_parse_args(PX_Q(sub), argc, argv, kwnames, 5, sub_fn_spec, a);
    return re_do_sub(re_get_pattern(a[0], a[4]), a[1], a[2], a[3], false);
}
static PX_FUNKW(re_sub_obj, sub, 3, 5, re_sub_fn);

static px_val re_subn_fn(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[5];
    px_parse_args(PX_Q(subn), argc, argv, kwnames, 5, sub_fn_spec, a);
    return re_do_sub(re_get_pattern(a[0], a[4]), a[1], a[2], a[3], true);
}
static PX_FUNKW(re_subn_obj, subn, 3, 5, re_subn_fn);

static px_val re_split_fn(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(pattern), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(string), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(maxsplit), 0, PX_SMALL_CONST(0)},
        {PX_Q(flags), 0, PX_SMALL_CONST(0)},
    };
    px_val a[4];
    px_parse_args(PX_Q(split), argc, argv, kwnames, 4, spec, a);
    return re_do_split(re_get_pattern(a[0], a[3]), a[1], a[2]);
}
static PX_FUNKW(re_split_obj, split, 2, 4, re_split_fn);

/* re.escape: a backslash before the characters special in patterns. */
static px_val re_escape_fn(px_val pattern) {
    size_t n;
    const char *s = px_str_get(pattern, &n);
    bool is_str = s != NULL;
    if (!is_str) {
        s = (const char *)px_bytes_arg(pattern, &n);
    }
    px_strbuf b;
    px_strbuf_init(&b, n + 8);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != 0 && strchr("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", c) != NULL) {
            px_strbuf_add_char(&b, '\\');
        }
        px_strbuf_add_char(&b, c);
    }
    return is_str ? px_strbuf_to_str(&b) : px_strbuf_to_bytes(&b);
}
static PX_FUN1(re_escape_obj, escape, re_escape_fn);

static px_val re_purge_fn(void) {
    memset(cache, 0, sizeof cache);
    return PX_NONE;
}
static PX_FUN0(re_purge_obj, purge, re_purge_fn);

static const px_map_entry re_table[] = {
    PX_ENTRY(A, PX_SMALL_CONST(RE_ASCII)),
    PX_ENTRY(ASCII, PX_SMALL_CONST(RE_ASCII)),
    PX_ENTRY(DEBUG, PX_SMALL_CONST(RE_DEBUG)),
    PX_ENTRY(DOTALL, PX_SMALL_CONST(RE_DOTALL)),
    PX_ENTRY(I, PX_SMALL_CONST(RE_IGNORECASE)),
    PX_ENTRY(IGNORECASE, PX_SMALL_CONST(RE_IGNORECASE)),
    PX_ENTRY(L, PX_SMALL_CONST(RE_LOCALE)),
    PX_ENTRY(LOCALE, PX_SMALL_CONST(RE_LOCALE)),
    PX_ENTRY(M, PX_SMALL_CONST(RE_MULTILINE)),
    PX_ENTRY(MULTILINE, PX_SMALL_CONST(RE_MULTILINE)),
    PX_ENTRY_OBJ(Match, &re_type_match),
    PX_ENTRY(NOFLAG, PX_SMALL_CONST(0)),
    PX_ENTRY_OBJ(Pattern, &re_type_pattern),
    PX_ENTRY(S, PX_SMALL_CONST(RE_DOTALL)),
    PX_ENTRY(U, PX_SMALL_CONST(RE_UNICODE)),
    PX_ENTRY(UNICODE, PX_SMALL_CONST(RE_UNICODE)),
    PX_ENTRY(VERBOSE, PX_SMALL_CONST(RE_VERBOSE)),
    PX_ENTRY(X, PX_SMALL_CONST(RE_VERBOSE)),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(re))),
    PX_ENTRY_OBJ(compile, &re_compile_obj),
    PX_ENTRY_OBJ(error, &px_type_ValueError),
    PX_ENTRY_OBJ(escape, &re_escape_obj),
    PX_ENTRY_OBJ(findall, &re_findall_obj),
    PX_ENTRY_OBJ(finditer, &re_finditer_obj),
    PX_ENTRY_OBJ(fullmatch, &re_fullmatch_fn_obj),
    PX_ENTRY_OBJ(match, &re_match_fn_obj),
    PX_ENTRY_OBJ(purge, &re_purge_obj),
    PX_ENTRY_OBJ(search, &re_search_fn_obj),
    PX_ENTRY_OBJ(split, &re_split_obj),
    PX_ENTRY_OBJ(sub, &re_sub_obj),
    PX_ENTRY_OBJ(subn, &re_subn_obj),
};
static PX_CONST_MAP(re_globals, re_table);
PX_MODULE_DEF(re, re_globals, PX_MODULE_EXTENSIBLE, NULL);
