/* The methods of str. Positions given to and returned by methods are code
 * point indexes; the work is done on UTF-8 bytes, converting at the edges
 * (free for ASCII text, where bytes and code points coincide). */
#include "str_case.h"
#include "contutil.h"

/* ---- shared helpers (also used by bytes methods) */

ptrdiff_t px_text_find(const char *hay, size_t hlen, const char *needle, size_t nlen, int dir) {
    if (nlen > hlen) {
        return -1;
    }
    if (nlen == 0) {
        return dir > 0 ? 0 : (ptrdiff_t)hlen;
    }
    if (dir > 0) {
        const char *p = hay, *end = hay + hlen - nlen + 1;
        while (p < end) {
            p = memchr(p, needle[0], (size_t)(end - p));
            if (p == NULL) {
                return -1;
            }
            if (memcmp(p, needle, nlen) == 0) {
                return p - hay;
            }
            p++;
        }
        return -1;
    }
    for (size_t i = hlen - nlen + 1; i-- > 0;) {
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nlen) == 0) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}

size_t px_text_count(const char *hay, size_t hlen, const char *needle, size_t nlen) {
    if (nlen == 0) {
        return hlen + 1;
    }
    size_t n = 0, at = 0;
    for (;;) {
        ptrdiff_t f = px_text_find(hay + at, hlen - at, needle, nlen, 1);
        if (f < 0) {
            return n;
        }
        n++;
        at += (size_t)f + nlen;
    }
}

size_t px_text_replace_into(px_strbuf *b, const char *s, size_t len, const char *old, size_t olen, const char *nw,
                            size_t nlen, px_int count) {
    size_t at = 0;
    while (count != 0) {
        ptrdiff_t f = px_text_find(s + at, len - at, old, olen, 1);
        if (f < 0) {
            break;
        }
        px_strbuf_add(b, s + at, (size_t)f);
        px_strbuf_add(b, nw, nlen);
        at += (size_t)f + olen;
        if (count > 0) {
            count--;
        }
    }
    return at;
}

/* Slice-like clamping of optional start/end args at argv[first], argv[first+1]. */
/* A start/end argument: any int (huge ones clamp) or __index__. */
static px_int range_arg(px_val v) {
    if (px_is_small(v)) {
        return px_small_get(v);
    }
    if (px_is_int(v) && px_type_of(v) == &px_type_int) {
        return px_less(v, px_small(0)) ? -PX_SMALL_MAX : PX_SMALL_MAX;
    }
    if (!px_is_int(v) && px_type_lookup(px_type_of(v), PX_Q(__index__)) == PX_NULL) {
        px_raise_type_error("slice indices must be integers or None or have an __index__ method");
    }
    return px_index(v);
}

void px_text_range(size_t argc, const px_val *argv, size_t first, size_t len, size_t *start, size_t *end) {
    px_int s = 0, e = (px_int)len;
    if (argc > first && argv[first] != PX_NONE) {
        s = range_arg(argv[first]);
        if (s < 0) {
            s += (px_int)len;
            if (s < 0) {
                s = 0;
            }
        }
    }
    if (argc > first + 1 && argv[first + 1] != PX_NONE) {
        e = range_arg(argv[first + 1]);
        if (e < 0) {
            e += (px_int)len;
            if (e < 0) {
                e = 0;
            }
        } else if (e > (px_int)len) {
            e = (px_int)len;
        }
    }
    *start = (size_t)s;
    *end = (size_t)e;
}

typedef struct {
    const char *s;
    size_t len;     /* bytes */
    size_t charlen; /* code points */
    bool ascii;
} text;

static text self_text(px_val v) {
    text t;
    t.s = px_str_data(v, &t.len);
    t.charlen = px_str_charlen(v);
    t.ascii = t.charlen == t.len;
    return t;
}

static const char *arg_str(px_val v, size_t *len) {
    const char *s = px_str_get(v, len);
    if (s == NULL) {
        px_raise_type_error("must be str, not %s", px_type_name(v));
    }
    return s;
}

static size_t cp_to_byte(const text *t, size_t i) {
    return t->ascii ? i : px_utf8_offset(t->s, t->len, i);
}

static size_t byte_to_cp(const text *t, size_t b) {
    return t->ascii ? b : px_utf8_count(t->s, b);
}

static px_val new_str(const char *s, size_t len) {
    return px_str(s, len);
}

/* Whitespace at p: its byte length, or 0. */
static size_t space_at(const char *p, const char *end) {
    uint8_t c = (uint8_t)*p;
    if (c < 0x80) {
        return px_ascii_isspace(c) ? 1 : 0;
    }
    const char *q = p;
    uint32_t cp = px_utf8_next(&q, end);
    return px_unicode_isspace(cp) ? (size_t)(q - p) : 0;
}

/* Byte offset of the start of the code point ending at s+at. */
static size_t prev_cp(const char *s, size_t at) {
    do {
        at--;
    } while (at > 0 && ((uint8_t)s[at] & 0xC0) == 0x80);
    return at;
}

/* ---- searching */

static px_val find_common(size_t argc, const px_val *argv, int dir, bool raise) {
    text t = self_text(argv[0]);
    size_t nlen;
    const char *needle = arg_str(argv[1], &nlen);
    size_t cs, ce;
    px_text_range(argc, argv, 2, t.charlen, &cs, &ce);
    ptrdiff_t r = -1;
    if (cs <= ce && cs <= t.charlen) {
        size_t bs = cp_to_byte(&t, cs), be = cp_to_byte(&t, ce);
        r = px_text_find(t.s + bs, be - bs, needle, nlen, dir);
        if (r >= 0) {
            r = (ptrdiff_t)byte_to_cp(&t, bs + (size_t)r);
        }
    }
    if (r < 0 && raise) {
        px_raise_value_error("substring not found");
    }
    return px_small(r);
}

static px_val str_find(size_t argc, const px_val *argv) {
    return find_common(argc, argv, 1, false);
}
static px_val str_rfind(size_t argc, const px_val *argv) {
    return find_common(argc, argv, -1, false);
}
static px_val str_index_m(size_t argc, const px_val *argv) {
    return find_common(argc, argv, 1, true);
}
static px_val str_rindex(size_t argc, const px_val *argv) {
    return find_common(argc, argv, -1, true);
}

static px_val str_count(size_t argc, const px_val *argv) {
    text t = self_text(argv[0]);
    size_t nlen;
    const char *needle = arg_str(argv[1], &nlen);
    size_t cs, ce;
    px_text_range(argc, argv, 2, t.charlen, &cs, &ce);
    if (cs > ce || cs > t.charlen) {
        return px_small(0);
    }
    size_t bs = cp_to_byte(&t, cs), be = cp_to_byte(&t, ce);
    if (nlen == 0) {
        return px_small((px_int)(ce - cs + 1));
    }
    return px_small((px_int)px_text_count(t.s + bs, be - bs, needle, nlen));
}

static px_val affix_common(size_t argc, const px_val *argv, bool at_end, const char *what) {
    text t = self_text(argv[0]);
    size_t cs, ce;
    px_text_range(argc, argv, 2, t.charlen, &cs, &ce);
    size_t n = 1;
    const px_val *opts = &argv[1];
    if (px_is_tuple(argv[1])) {
        opts = px_seq_items(argv[1], &n);
    } else if (px_str_get(argv[1], &(size_t){0}) == NULL) {
        px_raise_type_error("%s first arg must be str or a tuple of str, not %s", what, px_type_name(argv[1]));
    }
    if (cs > ce || cs > t.charlen) {
        return PX_FALSE;
    }
    size_t bs = cp_to_byte(&t, cs), be = cp_to_byte(&t, ce);
    for (size_t i = 0; i < n; i++) {
        size_t plen;
        const char *p = px_str_get(opts[i], &plen);
        if (p == NULL) {
            px_raise_type_error("tuple for %s must only contain str, not %s", what, px_type_name(opts[i]));
        }
        if (plen <= be - bs && memcmp(at_end ? t.s + be - plen : t.s + bs, p, plen) == 0) {
            return PX_TRUE;
        }
    }
    return PX_FALSE;
}

static px_val str_startswith(size_t argc, const px_val *argv) {
    return affix_common(argc, argv, false, "startswith");
}
static px_val str_endswith(size_t argc, const px_val *argv) {
    return affix_common(argc, argv, true, "endswith");
}

/* ---- splitting and joining */

/* Are these bytes all ASCII? */
static bool bytes_ascii(const char *s, size_t len) {
    uint8_t any = 0;
    for (size_t i = 0; i < len; i++) {
        any |= (uint8_t)s[i];
    }
    return any < 0x80;
}

/* A piece of the text split_ws splits (ASCII text: no counting). */
static px_val ws_piece(bool ascii, const char *p, size_t len) {
    return ascii ? px_str_n(p, len, len) : new_str(p, len);
}

static px_val split_ws(const char *s, size_t len, px_int maxsplit, bool right, bool ascii) {
    const char *end = s + len;
    if (!right) {
        px_gather pieces;
        px_gather_init(&pieces);
        const char *p = s;
        for (;;) {
            size_t w;
            while (p < end && (w = space_at(p, end)) != 0) {
                p += w;
            }
            if (p >= end) {
                break;
            }
            if (maxsplit == 0) {
                px_gather_add(&pieces, ws_piece(ascii, p, (size_t)(end - p))); /* the rest, as is */
                break;
            }
            const char *q = p;
            while (q < end) {
                uint8_t c = (uint8_t)*q;
                if (c < 0x80) { /* ASCII: the common case, no decoding */
                    if (px_ascii_isspace(c)) {
                        break;
                    }
                    q++;
                } else if (space_at(q, end) == 0) {
                    px_utf8_next(&q, end);
                } else {
                    break;
                }
            }
            px_gather_add(&pieces, ws_piece(ascii, p, (size_t)(q - p)));
            p = q;
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
        return px_gather_list(&pieces);
    }
    /* From the right: collect backwards, then reverse. */
    px_val list = px_list_new(0, NULL);
    size_t e = len;
    for (;;) {
        while (e > 0) {
            size_t b = prev_cp(s, e);
            if (!space_at(s + b, end)) {
                break;
            }
            e = b;
        }
        if (e == 0) {
            break;
        }
        if (maxsplit == 0) {
            px_list_append(list, ws_piece(ascii, s, e));
            break;
        }
        size_t b = e;
        while (b > 0) {
            size_t pb = prev_cp(s, b);
            if (space_at(s + pb, end)) {
                break;
            }
            b = pb;
        }
        px_list_append(list, ws_piece(ascii, s + b, e - b));
        e = b;
        if (maxsplit > 0) {
            maxsplit--;
        }
    }
    px_list_reverse(list);
    return list;
}

px_val px_text_split_sep(px_val self, const char *s, size_t len, const char *sep, size_t slen, px_int maxsplit,
                         bool right, px_val (*mk)(px_val self, const void *data, size_t len)) {
    if (slen == 0) {
        px_raise_value_error("empty separator");
    }
    if (!right) {
        px_gather pieces;
        px_gather_init(&pieces);
        size_t at = 0;
        while (maxsplit != 0) {
            ptrdiff_t f = px_text_find(s + at, len - at, sep, slen, 1);
            if (f < 0) {
                break;
            }
            px_gather_add(&pieces, mk(self, s + at, (size_t)f));
            at += (size_t)f + slen;
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
        px_gather_add(&pieces, mk(self, s + at, len - at));
        return px_gather_list(&pieces);
    }
    px_val list = px_list_new(0, NULL);
    size_t e = len;
    while (maxsplit != 0) {
        ptrdiff_t f = px_text_find(s, e, sep, slen, -1);
        if (f < 0) {
            break;
        }
        px_list_append(list, mk(self, s + f + slen, e - (size_t)f - slen));
        e = (size_t)f;
        if (maxsplit > 0) {
            maxsplit--;
        }
    }
    px_list_append(list, mk(self, s, e));
    px_list_reverse(list);
    return list;
}

/* A str piece for px_text_split_sep (self only matters for bytes). */
static px_val str_piece(px_val self, const void *data, size_t len) {
    return px_str_is_ascii_obj(self) ? px_str_n(data, len, len) : px_str(data, len);
}

static px_val split_common(size_t argc, const px_val *argv, px_val kwnames, bool right) {
    static const px_argspec spec[] = {
        {PX_Q(sep), 0, PX_NONE},
        {PX_Q(maxsplit), 0, PX_SMALL_CONST(-1)},
    };
    size_t len;
    const char *s;
    if (argc == 1 && kwnames == PX_NULL) { /* s.split(): no arguments to parse */
        s = px_str_data(argv[0], &len);
        return split_ws(s, len, -1, right, px_str_is_ascii_obj(argv[0]));
    }
    px_val a[2];
    px_parse_args(right ? PX_Q(rsplit) : PX_Q(split), argc - 1, argv + 1, kwnames, 2, spec, a);
    s = px_str_data(argv[0], &len);
    px_int maxsplit = px_index(a[1]);
    if (maxsplit < 0) {
        maxsplit = -1;
    }
    if (a[0] == PX_NONE) {
        return split_ws(s, len, maxsplit, right, px_str_is_ascii_obj(argv[0]));
    }
    size_t slen;
    const char *sep = px_str_get(a[0], &slen);
    if (sep == NULL) {
        px_raise_type_error("must be str or None, not %s", px_type_name(a[0]));
    }
    return px_text_split_sep(argv[0], s, len, sep, slen, maxsplit, right, str_piece);
}

static px_val str_split(size_t argc, const px_val *argv, px_val kwnames) {
    return split_common(argc, argv, kwnames, false);
}
static px_val str_rsplit(size_t argc, const px_val *argv, px_val kwnames) {
    return split_common(argc, argv, kwnames, true);
}

static px_val str_splitlines(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(keepends), 0, PX_FALSE}};
    px_val a[1];
    px_parse_args(PX_Q(splitlines), argc - 1, argv + 1, kwnames, 1, spec, a);
    bool keep = px_truthy(a[0]);
    size_t len;
    const char *s = px_str_data(argv[0], &len);
    const char *end = s + len;
    px_val list = px_list_new(0, NULL);
    const char *line = s, *p = s;
    while (p < end) {
        const char *q = p;
        uint32_t c = (uint8_t)*p < 0x80 ? (uint8_t)*q++ : px_utf8_next(&q, end);
        bool brk = c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x1C || c == 0x1D || c == 0x1E ||
                   c == 0x85 || c == 0x2028 || c == 0x2029;
        if (!brk) {
            p = q;
            continue;
        }
        if (c == '\r' && q < end && *q == '\n') {
            q++;
        }
        px_list_append(list, new_str(line, (size_t)((keep ? q : p) - line)));
        line = p = q;
    }
    if (line < end) {
        px_list_append(list, new_str(line, (size_t)(end - line)));
    }
    return list;
}

static px_val str_join(px_val self, px_val iterable) {
    size_t slen;
    const char *sep = px_str_data(self, &slen);
    size_t n;
    px_val *items = px_seq_items(iterable, &n);
    px_val tmp = PX_NULL;
    if (items == NULL) {
        const px_type *t = px_type_of(iterable);
        if (t->iter == NULL && !(t->flags & PX_TF_HEAPTYPE)) {
            px_raise_type_error("can only join an iterable");
        }
        tmp = px_list_from_iter(iterable);
        items = px_seq_items(tmp, &n);
    }
    size_t total = 0, cps = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l;
        const char *s = px_str_get(items[i], &l);
        if (s == NULL) {
            px_raise_type_error("sequence item %zu: expected str instance, %s found", i, px_type_name(items[i]));
        }
        total += l;
        cps += px_str_cps(items[i], s, l);
    }
    if (n == 1 && px_is_str(items[0])) {
        return items[0];
    }
    if (n > 1 && slen > 0) {
        total += (n - 1) * slen;
        cps += (n - 1) * px_str_cps(self, sep, slen);
    }
    px_strobj *o = px_strobj_alloc(&px_type_str, total);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l;
        const char *s = px_str_get(items[i], &l);
        if (i && slen) {
            px_text_copy(o->data + at, sep, slen);
            at += slen;
        }
        px_text_copy(o->data + at, s, l);
        at += l;
    }
    (void)tmp;
    return px_str_finish_n(o, cps);
}

static px_val partition_common(px_val self, px_val sepv, bool right) {
    size_t len, slen;
    const char *s = px_str_data(self, &len);
    const char *sep = arg_str(sepv, &slen);
    if (slen == 0) {
        px_raise_value_error("empty separator");
    }
    ptrdiff_t f = px_text_find(s, len, sep, slen, right ? -1 : 1);
    px_val parts[3];
    px_val empty = px_qstr(PX_Q(empty));
    if (f < 0) {
        parts[0] = right ? empty : self;
        parts[1] = empty;
        parts[2] = right ? self : empty;
    } else {
        parts[0] = new_str(s, (size_t)f);
        parts[1] = sepv;
        parts[2] = new_str(s + f + slen, len - (size_t)f - slen);
    }
    return px_tuple_new(3, parts);
}

static px_val str_partition(px_val self, px_val sep) {
    return partition_common(self, sep, false);
}
static px_val str_rpartition(px_val self, px_val sep) {
    return partition_common(self, sep, true);
}

/* ---- stripping */

static bool in_chars(uint32_t c, const char *chars, size_t clen) {
    const char *p = chars, *end = chars + clen;
    while (p < end) {
        if (px_utf8_next(&p, end) == c) {
            return true;
        }
    }
    return false;
}

static inline bool in_ascii_set(const uint32_t set[4], uint8_t c) {
    return c < 0x80 && ((set[c >> 5] >> (c & 31)) & 1);
}

static px_val strip_common(size_t argc, const px_val *argv, int which) {
    size_t len;
    const char *s = px_str_data(argv[0], &len);
    const char *chars = NULL;
    size_t clen = 0;
    if (argc > 1 && argv[1] != PX_NONE) {
        chars = px_str_get(argv[1], &clen);
        if (chars == NULL) {
            px_raise_type_error("%s arg must be None or str", which == 3 ? "strip" : which == 1 ? "lstrip" : "rstrip");
        }
    }
    const char *end = s + len;
    size_t b = 0, e = len;
    uint32_t set[4] = {0, 0, 0, 0}; /* chars all ASCII: a bit per character */
    bool ascii_set = chars != NULL && bytes_ascii(chars, clen);
    if (ascii_set) {
        for (size_t i = 0; i < clen; i++) {
            set[(uint8_t)chars[i] >> 5] |= 1u << (chars[i] & 31);
        }
        /* no byte of a non-ASCII character is in the set: the scans stop there */
        if (which & 1) {
            while (b < e && in_ascii_set(set, (uint8_t)s[b])) {
                b++;
            }
        }
        if (which & 2) {
            while (e > b && in_ascii_set(set, (uint8_t)s[e - 1])) {
                e--;
            }
        }
        which = 0;
    }
    if (which & 1) {
        while (b < e) {
            if (chars == NULL && (uint8_t)s[b] < 0x80) {
                if (!px_ascii_isspace((uint8_t)s[b])) {
                    break;
                }
                b++;
                continue;
            }
            const char *q = s + b;
            uint32_t c = px_utf8_next(&q, end);
            if (chars ? !in_chars(c, chars, clen) : !px_unicode_isspace(c)) {
                break;
            }
            b = (size_t)(q - s);
        }
    }
    if (which & 2) {
        while (e > b) {
            if (chars == NULL && (uint8_t)s[e - 1] < 0x80) { /* an ASCII byte is a whole character */
                if (!px_ascii_isspace((uint8_t)s[e - 1])) {
                    break;
                }
                e--;
                continue;
            }
            size_t pb = prev_cp(s, e);
            const char *q = s + pb;
            uint32_t c = px_utf8_next(&q, end);
            if (chars ? !in_chars(c, chars, clen) : !px_unicode_isspace(c)) {
                break;
            }
            e = pb;
        }
    }
    if (b == 0 && e == len && px_is_str(argv[0])) {
        return argv[0];
    }
    if (px_str_is_ascii_obj(argv[0])) {
        return px_str_n(s + b, e - b, e - b);
    }
    return new_str(s + b, e - b);
}

static px_val str_strip(size_t argc, const px_val *argv) {
    return strip_common(argc, argv, 3);
}
static px_val str_lstrip(size_t argc, const px_val *argv) {
    return strip_common(argc, argv, 1);
}
static px_val str_rstrip(size_t argc, const px_val *argv) {
    return strip_common(argc, argv, 2);
}

static px_val affix_remove(px_val self, px_val affix, bool suffix) {
    size_t len, alen;
    const char *s = px_str_data(self, &len);
    const char *a = px_str_get(affix, &alen);
    if (a == NULL) {
        px_raise_type_error("%s() argument must be str, not %s", suffix ? "removesuffix" : "removeprefix",
                            px_type_name(affix));
    }
    if (alen && alen <= len && memcmp(suffix ? s + len - alen : s, a, alen) == 0) {
        return new_str(suffix ? s : s + alen, len - alen);
    }
    return self;
}
static px_val str_removeprefix(px_val self, px_val a) {
    return affix_remove(self, a, false);
}
static px_val str_removesuffix(px_val self, px_val a) {
    return affix_remove(self, a, true);
}

/* ---- replace */

static px_val str_replace(size_t argc, const px_val *argv) {
    text t = self_text(argv[0]);
    size_t olen, nlen;
    const char *old = px_str_get(argv[1], &olen);
    const char *nw = px_str_get(argv[2], &nlen);
    if (old == NULL || nw == NULL) {
        px_raise_type_error("replace() argument %d must be str, not %s", old == NULL ? 1 : 2,
                            px_type_name(old == NULL ? argv[1] : argv[2]));
    }
    px_int count = argc > 3 ? px_index(argv[3]) : -1;
    px_strbuf b;
    px_strbuf_init(&b, t.len + 16);
    if (olen == 0) {
        /* Insert `new` before every code point and at the end. */
        const char *p = t.s, *end = t.s + t.len;
        while (count != 0) {
            px_strbuf_add(&b, nw, nlen);
            if (count > 0) {
                count--;
            }
            if (p >= end) {
                break;
            }
            const char *q = p;
            px_utf8_next(&q, end);
            px_strbuf_add(&b, p, (size_t)(q - p));
            p = q;
        }
        px_strbuf_add(&b, p, (size_t)(end - p));
        return px_strbuf_to_str(&b);
    }
    size_t at = px_text_replace_into(&b, t.s, t.len, old, olen, nw, nlen, count);
    if (at == 0) {
        return argv[0];
    }
    px_strbuf_add(&b, t.s + at, t.len - at);
    return px_strbuf_to_str(&b);
}

/* ---- case */

/* Is the capital sigma at [at, at_end) a final sigma? It is when a cased
 * letter precedes it and none follows, skipping case-ignorable characters
 * on both sides (Unicode's Final_Sigma condition). */
static bool final_sigma(const char *s, const char *at, const char *at_end, const char *end) {
    bool before = false;
    const char *p = at;
    while (p > s) {
        do {
            p--;
        } while (p > s && ((uint8_t)*p & 0xC0) == 0x80);
        const char *q = p;
        uint32_t c = px_utf8_next(&q, end);
        if (!px_cp_case_ignorable(c)) {
            before = px_cp_iscased(c);
            break;
        }
    }
    if (!before) {
        return false;
    }
    p = at_end;
    while (p < end) {
        uint32_t c = px_utf8_next(&p, end);
        if (!px_cp_case_ignorable(c)) {
            return !px_cp_iscased(c);
        }
    }
    return true;
}

enum { CASE_ALL, CASE_CAPITALIZE, CASE_TITLE, CASE_SWAP };

/* which: PX_CASE_* applied to every character for CASE_ALL. */
/* lower/upper/casefold of ASCII text: byte by byte (no ASCII letter maps
 * outside ASCII), and self when nothing changes. */
static px_val case_ascii(px_val self, const char *s, size_t len, int which) {
    uint8_t from = which == PX_CASE_UPPER ? 'a' : 'A';
    size_t i = 0;
    while (i < len && (uint8_t)((uint8_t)s[i] - from) >= 26) {
        i++;
    }
    if (i == len && px_is_str(self)) {
        return self;
    }
    px_strobj *o = px_strobj_alloc(&px_type_str, len);
    memcpy(o->data, s, i);
    for (; i < len; i++) {
        uint8_t c = (uint8_t)s[i];
        o->data[i] = (char)((uint8_t)(c - from) < 26 ? c ^ 0x20 : c);
    }
    return px_str_finish_n(o, len);
}

static px_val case_common(px_val self, int which, int mode) {
    size_t len;
    const char *s = px_str_data(self, &len);
    if (mode == CASE_ALL && (px_str_is_ascii_obj(self) || bytes_ascii(s, len))) {
        return case_ascii(self, s, len, which);
    }
    const char *p = s, *end = s + len;
    px_strbuf b;
    px_strbuf_init(&b, len + 4);
    bool prev_cased = false, first = true;
    while (p < end) {
        const char *at = p;
        uint32_t c = (uint8_t)*p < 0x80 ? (uint8_t)*p++ : px_utf8_next(&p, end);
        int w = which;
        switch (mode) {
        case CASE_CAPITALIZE:
            w = first ? PX_CASE_TITLE : PX_CASE_LOWER;
            break;
        case CASE_TITLE:
            w = prev_cased ? PX_CASE_LOWER : PX_CASE_TITLE;
            prev_cased = px_cp_iscased(c);
            break;
        case CASE_SWAP:
            w = px_cp_isupper(c) ? PX_CASE_LOWER : px_cp_islower(c) ? PX_CASE_UPPER : -1;
            break;
        default:
            break;
        }
        first = false;
        if (w < 0) {
            px_strbuf_add(&b, at, (size_t)(p - at));
            continue;
        }
        uint32_t out[3];
        size_t n = px_cp_case(c, w, out);
        if (c == 0x3A3 && w == PX_CASE_LOWER && final_sigma(s, at, p, end)) {
            out[0] = 0x3C2;
        }
        for (size_t i = 0; i < n; i++) {
            if (out[i] < 0x80) {
                px_strbuf_add_char(&b, (char)out[i]);
            } else {
                px_strbuf_add_utf8(&b, out[i]);
            }
        }
    }
    return px_strbuf_to_str(&b);
}

static px_val str_upper(px_val self) {
    return case_common(self, PX_CASE_UPPER, CASE_ALL);
}
static px_val str_lower(px_val self) {
    return case_common(self, PX_CASE_LOWER, CASE_ALL);
}
static px_val str_casefold(px_val self) {
    return case_common(self, PX_CASE_FOLD, CASE_ALL);
}
static px_val str_capitalize(px_val self) {
    return case_common(self, 0, CASE_CAPITALIZE);
}
static px_val str_title(px_val self) {
    return case_common(self, 0, CASE_TITLE);
}
static px_val str_swapcase(px_val self) {
    return case_common(self, 0, CASE_SWAP);
}

/* ---- predicates */

typedef bool (*cp_pred)(uint32_t);

static bool pred_space(uint32_t c) {
    return px_unicode_isspace(c);
}
static bool pred_ascii(uint32_t c) {
    return c < 0x80;
}
static bool pred_printable(uint32_t c) {
    return px_unicode_printable(c);
}

static px_val all_chars(px_val self, cp_pred pred, bool empty_result) {
    size_t len;
    const char *s = px_str_data(self, &len);
    const char *p = s, *end = s + len;
    if (len == 0) {
        return px_bool(empty_result);
    }
    while (p < end) {
        if (!pred(px_utf8_next(&p, end))) {
            return PX_FALSE;
        }
    }
    return PX_TRUE;
}

static px_val str_isalpha(px_val self) {
    return all_chars(self, px_cp_isalpha, false);
}
static px_val str_isdigit(px_val self) {
    return all_chars(self, px_cp_isdigit, false);
}
static px_val str_isdecimal(px_val self) {
    return all_chars(self, px_cp_isdecimal, false);
}
static px_val str_isnumeric(px_val self) {
    return all_chars(self, px_cp_isnumeric, false);
}
static px_val str_isalnum(px_val self) {
    return all_chars(self, px_cp_isalnum, false);
}
static px_val str_isspace(px_val self) {
    return all_chars(self, pred_space, false);
}
static px_val str_isascii(px_val self) {
    return all_chars(self, pred_ascii, true);
}
static px_val str_isprintable(px_val self) {
    return all_chars(self, pred_printable, true);
}

/* isupper/islower: at least one cased char and none of the other case
 * (titlecase letters count as the other case for both). */
static px_val case_pred(px_val self, bool upper) {
    size_t len;
    const char *s = px_str_data(self, &len);
    const char *p = s, *end = s + len;
    bool cased = false;
    while (p < end) {
        uint32_t c = px_utf8_next(&p, end);
        if ((upper ? px_cp_islower(c) : px_cp_isupper(c)) || px_cp_istitle(c)) {
            return PX_FALSE;
        }
        cased |= upper ? px_cp_isupper(c) : px_cp_islower(c);
    }
    return px_bool(cased);
}
static px_val str_isupper(px_val self) {
    return case_pred(self, true);
}
static px_val str_islower(px_val self) {
    return case_pred(self, false);
}

/* Upper/titlecase letters only after uncased ones, lowercase only after cased. */
static px_val str_istitle(px_val self) {
    size_t len;
    const char *s = px_str_data(self, &len);
    const char *p = s, *end = s + len;
    bool prev_cased = false, any = false;
    while (p < end) {
        uint32_t c = px_utf8_next(&p, end);
        if (px_cp_isupper(c) || px_cp_istitle(c)) {
            if (prev_cased) {
                return PX_FALSE;
            }
            prev_cased = any = true;
        } else if (px_cp_islower(c)) {
            if (!prev_cased) {
                return PX_FALSE;
            }
            prev_cased = any = true;
        } else {
            prev_cased = false;
        }
    }
    return px_bool(any);
}

static px_val str_isidentifier(px_val self) {
    size_t len;
    const char *s = px_str_data(self, &len);
    const char *p = s, *end = s + len;
    if (len == 0) {
        return PX_FALSE;
    }
    bool first = true;
    while (p < end) {
        uint32_t c = px_utf8_next(&p, end);
        if (!(first ? px_cp_id_start(c) : px_cp_id_continue(c))) {
            return PX_FALSE;
        }
        first = false;
    }
    return PX_TRUE;
}

/* ---- padding */

static uint32_t fill_char(size_t argc, const px_val *argv, size_t i) {
    if (argc <= i) {
        return ' ';
    }
    size_t flen;
    const char *f = px_str_get(argv[i], &flen);
    if (f == NULL) {
        px_raise_type_error("The fill character must be a unicode character, not %s", px_type_name(argv[i]));
    }
    if (px_utf8_count(f, flen) != 1) {
        px_raise_type_error("The fill character must be exactly one character long");
    }
    return px_utf8_next(&f, f + flen);
}

static px_val pad(px_val self, size_t left, size_t right, uint32_t fill) {
    size_t len;
    const char *s = px_str_data(self, &len);
    char fb[4];
    size_t fl = px_utf8_encode(fill, fb);
    px_strbuf b;
    px_strbuf_init(&b, len + (left + right) * fl);
    for (size_t i = 0; i < left; i++) {
        px_strbuf_add(&b, fb, fl);
    }
    px_strbuf_add(&b, s, len);
    for (size_t i = 0; i < right; i++) {
        px_strbuf_add(&b, fb, fl);
    }
    return px_strbuf_to_str(&b);
}

static px_val just_common(size_t argc, const px_val *argv, int how) {
    px_int width = px_index(argv[1]);
    uint32_t fill = fill_char(argc, argv, 2);
    size_t clen = px_str_charlen(argv[0]);
    if (width <= (px_int)clen) {
        return argv[0];
    }
    size_t extra = (size_t)width - clen;
    size_t left = how == 0 ? 0 : how == 1 ? extra : extra / 2 + (extra & (size_t)width & 1);
    return pad(argv[0], left, extra - left, fill);
}

static px_val str_ljust(size_t argc, const px_val *argv) {
    return just_common(argc, argv, 0);
}
static px_val str_rjust(size_t argc, const px_val *argv) {
    return just_common(argc, argv, 1);
}
static px_val str_center(size_t argc, const px_val *argv) {
    return just_common(argc, argv, 2);
}

static px_val str_zfill(px_val self, px_val widthv) {
    px_int width = px_index(widthv);
    size_t len;
    const char *s = px_str_data(self, &len);
    size_t clen = px_str_charlen(self);
    if (width <= (px_int)clen) {
        return self;
    }
    size_t fill = (size_t)width - clen;
    px_strbuf b;
    px_strbuf_init(&b, len + fill);
    size_t at = 0;
    if (len && (s[0] == '+' || s[0] == '-')) {
        px_strbuf_add_char(&b, s[0]);
        at = 1;
    }
    for (size_t i = 0; i < fill; i++) {
        px_strbuf_add_char(&b, '0');
    }
    px_strbuf_add(&b, s + at, len - at);
    return px_strbuf_to_str(&b);
}

void px_text_expandtabs(px_strbuf *b, const char *s, size_t len, px_int tab, bool utf8) {
    const char *p = s, *end = s + len;
    size_t col = 0;
    while (p < end) {
        char c = *p;
        if (c == '\t') {
            if (tab > 0) {
                size_t n = (size_t)tab - col % (size_t)tab;
                memset(px_strbuf_extend(b, n), ' ', n);
                col += n;
            }
            p++;
        } else if (c == '\n' || c == '\r') {
            px_strbuf_add_char(b, c);
            col = 0;
            p++;
        } else {
            const char *q = p + 1;
            if (utf8 && (uint8_t)c >= 0x80) {
                q = p;
                px_utf8_next(&q, end);
            }
            px_strbuf_add(b, p, (size_t)(q - p));
            p = q;
            col++;
        }
    }
}

static px_val str_expandtabs(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(tabsize), 0, PX_SMALL_CONST(8)}};
    px_val a[1];
    px_parse_args(PX_Q(expandtabs), argc - 1, argv + 1, kwnames, 1, spec, a);
    px_int tab = px_index(a[0]);
    size_t len;
    const char *s = px_str_data(argv[0], &len);
    px_strbuf b;
    px_strbuf_init(&b, len + 8);
    px_text_expandtabs(&b, s, len, tab, true);
    return px_strbuf_to_str(&b);
}

static const px_type *const S = &px_type_str;

PX_TEXT_DUNDERS(&px_type_str, sd_)
static PX_METH1(m_capitalize, S, capitalize, str_capitalize);
static PX_METH1(m_casefold, S, casefold, str_casefold);
static PX_METHV(m_center, S, center, 2, 3, str_center);
static PX_METHV(m_count, S, count, 2, 4, str_count);
static PX_METHV(m_endswith, S, endswith, 2, 4, str_endswith);
static PX_METHKW(m_expandtabs, S, expandtabs, 1, 2, str_expandtabs);
static PX_METHV(m_find, S, find, 2, 4, str_find);
static PX_METHV(m_index, S, index, 2, 4, str_index_m);
static PX_METH1(m_isalnum, S, isalnum, str_isalnum);
static PX_METH1(m_isalpha, S, isalpha, str_isalpha);
static PX_METH1(m_isascii, S, isascii, str_isascii);
static PX_METH1(m_isdecimal, S, isdecimal, str_isdecimal);
static PX_METH1(m_isdigit, S, isdigit, str_isdigit);
static PX_METH1(m_isidentifier, S, isidentifier, str_isidentifier);
static PX_METH1(m_islower, S, islower, str_islower);
static PX_METH1(m_isnumeric, S, isnumeric, str_isnumeric);
static PX_METH1(m_isprintable, S, isprintable, str_isprintable);
static PX_METH1(m_isspace, S, isspace, str_isspace);
static PX_METH1(m_istitle, S, istitle, str_istitle);
static PX_METH1(m_isupper, S, isupper, str_isupper);
static PX_METH2(m_join, S, join, str_join);
static PX_METHV(m_ljust, S, ljust, 2, 3, str_ljust);
static PX_METH1(m_lower, S, lower, str_lower);
static PX_METHV(m_lstrip, S, lstrip, 1, 2, str_lstrip);
static PX_METH2(m_partition, S, partition, str_partition);
static PX_METH2(m_removeprefix, S, removeprefix, str_removeprefix);
static PX_METH2(m_removesuffix, S, removesuffix, str_removesuffix);
static PX_METHV(m_replace, S, replace, 3, 4, str_replace);
static PX_METHV(m_rfind, S, rfind, 2, 4, str_rfind);
static PX_METHV(m_rindex, S, rindex, 2, 4, str_rindex);
static PX_METHV(m_rjust, S, rjust, 2, 3, str_rjust);
static PX_METH2(m_rpartition, S, rpartition, str_rpartition);
static PX_METHKW(m_rsplit, S, rsplit, 1, 3, str_rsplit);
static PX_METHV(m_rstrip, S, rstrip, 1, 2, str_rstrip);
static PX_METHKW(m_split, S, split, 1, 3, str_split);
static PX_METHKW(m_splitlines, S, splitlines, 1, 2, str_splitlines);
static PX_METHV(m_startswith, S, startswith, 2, 4, str_startswith);
static PX_METHV(m_strip, S, strip, 1, 2, str_strip);
static PX_METH1(m_swapcase, S, swapcase, str_swapcase);
static PX_METH1(m_title, S, title, str_title);
static PX_METH1(m_upper, S, upper, str_upper);
static PX_METH2(m_zfill, S, zfill, str_zfill);

/* Sorted by name bytes ('_' sorts before lowercase letters). */
static const px_map_entry str_methods[] = {
    PX_TEXT_DUNDER_ENTRIES1(sd_),
    PX_ENTRY_OBJ(__format__, &px_str_m_format_dunder),
    PX_TEXT_DUNDER_ENTRIES2(sd_),
    PX_ENTRY_OBJ(capitalize, &m_capitalize),
    PX_ENTRY_OBJ(casefold, &m_casefold),
    PX_ENTRY_OBJ(center, &m_center),
    PX_ENTRY_OBJ(count, &m_count),
    PX_ENTRY_OBJ(encode, &px_str_m_encode),
    PX_ENTRY_OBJ(endswith, &m_endswith),
    PX_ENTRY_OBJ(expandtabs, &m_expandtabs),
    PX_ENTRY_OBJ(find, &m_find),
    PX_ENTRY_OBJ(format, &px_str_m_format),
    PX_ENTRY_OBJ(format_map, &px_str_m_format_map),
    PX_ENTRY_OBJ(index, &m_index),
    PX_ENTRY_OBJ(isalnum, &m_isalnum),
    PX_ENTRY_OBJ(isalpha, &m_isalpha),
    PX_ENTRY_OBJ(isascii, &m_isascii),
    PX_ENTRY_OBJ(isdecimal, &m_isdecimal),
    PX_ENTRY_OBJ(isdigit, &m_isdigit),
    PX_ENTRY_OBJ(isidentifier, &m_isidentifier),
    PX_ENTRY_OBJ(islower, &m_islower),
    PX_ENTRY_OBJ(isnumeric, &m_isnumeric),
    PX_ENTRY_OBJ(isprintable, &m_isprintable),
    PX_ENTRY_OBJ(isspace, &m_isspace),
    PX_ENTRY_OBJ(istitle, &m_istitle),
    PX_ENTRY_OBJ(isupper, &m_isupper),
    PX_ENTRY_OBJ(join, &m_join),
    PX_ENTRY_OBJ(ljust, &m_ljust),
    PX_ENTRY_OBJ(lower, &m_lower),
    PX_ENTRY_OBJ(lstrip, &m_lstrip),
    PX_ENTRY_OBJ(maketrans, &px_str_m_maketrans),
    PX_ENTRY_OBJ(partition, &m_partition),
    PX_ENTRY_OBJ(removeprefix, &m_removeprefix),
    PX_ENTRY_OBJ(removesuffix, &m_removesuffix),
    PX_ENTRY_OBJ(replace, &m_replace),
    PX_ENTRY_OBJ(rfind, &m_rfind),
    PX_ENTRY_OBJ(rindex, &m_rindex),
    PX_ENTRY_OBJ(rjust, &m_rjust),
    PX_ENTRY_OBJ(rpartition, &m_rpartition),
    PX_ENTRY_OBJ(rsplit, &m_rsplit),
    PX_ENTRY_OBJ(rstrip, &m_rstrip),
    PX_ENTRY_OBJ(split, &m_split),
    PX_ENTRY_OBJ(splitlines, &m_splitlines),
    PX_ENTRY_OBJ(startswith, &m_startswith),
    PX_ENTRY_OBJ(strip, &m_strip),
    PX_ENTRY_OBJ(swapcase, &m_swapcase),
    PX_ENTRY_OBJ(title, &m_title),
    PX_ENTRY_OBJ(translate, &px_str_m_translate),
    PX_ENTRY_OBJ(upper, &m_upper),
    PX_ENTRY_OBJ(zfill, &m_zfill),
};
PX_CONST_MAP(px_str_dict, str_methods);
