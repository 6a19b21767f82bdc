/* str methods that convert: encode, translate/maketrans, and the
 * str.format / format_map / __format__ entry points (the formatting itself
 * is in strformat.c). */
#include "str_impl.h"

/* ---- encoding */

/* Apply a non-strict error handler to the unencodable c; false for
 * "strict" (the caller raises). */
static bool encode_error(px_strbuf *b, uint32_t c, const char *errors, uint32_t limit) {
    bool surrogate = c >= 0xD800 && c <= 0xDFFF;
    if (strcmp(errors, "strict") == 0) {
        return false;
    }
    if (strcmp(errors, "ignore") == 0) {
        return true;
    }
    if (strcmp(errors, "replace") == 0) {
        px_strbuf_add_char(b, '?');
        return true;
    }
    if (strcmp(errors, "backslashreplace") == 0) {
        px_out out = px_strbuf_out(b);
        px_printf(&out, c <= 0xFF ? "\\x%02x" : c <= 0xFFFF ? "\\u%04x" : "\\U%08x", (unsigned)c);
        return true;
    }
    if (strcmp(errors, "xmlcharrefreplace") == 0) {
        px_out out = px_strbuf_out(b);
        px_printf(&out, "&#%u;", (unsigned)c);
        return true;
    }
    if (strcmp(errors, "surrogateescape") == 0) {
        if (c < 0xDC80 || c > 0xDCFF) {
            return false;
        }
        px_strbuf_add_char(b, (char)(c - 0xDC00));
        return true;
    }
    if (strcmp(errors, "surrogatepass") == 0) {
        if (!surrogate || limit != 0x110000) {
            return false;
        }
        px_strbuf_add_utf8(b, c);
        return true;
    }
    px_raise_msg(&px_type_LookupError, "unknown error handler name '%s'", errors);
}

px_val px_str_encode(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(encoding), 0, PX_UNSET},
        {PX_Q(errors), 0, PX_UNSET},
    };
    px_val a[2];
    px_parse_args(PX_Q(encode), argc - 1, argv + 1, kwnames, 2, spec, a);
    size_t len;
    const char *s = px_str_data(argv[0], &len);
    const char *enc = "utf-8";
    size_t elen = 5;
    if (a[0] != PX_UNSET) {
        enc = px_str_data(a[0], &elen);
    }
    const char *errors = "strict";
    if (a[1] != PX_UNSET) {
        size_t l;
        errors = px_str_data(a[1], &l);
    }
    /* Normalise the encoding name: lower case, '_' and ' ' as '-'. */
    char name[16];
    size_t nl = 0;
    for (size_t i = 0; i < elen && nl < sizeof name - 1; i++) {
        char c = enc[i];
        c = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (c == '_' || c == ' ') ? '-' : c;
        name[nl++] = c;
    }
    name[nl] = 0;
    uint32_t limit;
    if (elen < sizeof name && (strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0)) {
        limit = 0x110000;
    } else if (elen < sizeof name && (strcmp(name, "ascii") == 0 || strcmp(name, "us-ascii") == 0)) {
        limit = 0x80;
    } else if (elen < sizeof name && (strcmp(name, "latin-1") == 0 || strcmp(name, "latin1") == 0 ||
                                      strcmp(name, "iso-8859-1") == 0 || strcmp(name, "l1") == 0)) {
        limit = 0x100;
    } else {
        px_raise_msg(&px_type_LookupError, "unknown encoding: %.*s", (int)elen, enc);
    }
    px_strbuf b;
    px_strbuf_init(&b, len);
    const char *p = s, *end = s + len;
    size_t idx = 0;
    while (p < end) {
        const char *start = p;
        uint32_t c = px_utf8_next(&p, end);
        bool bad = c >= limit || (c >= 0xD800 && c <= 0xDFFF);
        if (bad && encode_error(&b, c, errors, limit)) {
            /* handled by the error handler */
        } else if (bad) {
            if (limit == 0x110000) {
                px_raise_msg(&px_type_UnicodeEncodeError,
                             "'utf-8' codec can't encode character '\\u%04x' in position %zu: surrogates not allowed",
                             (unsigned)c, idx);
            } else {
                const char *cn = limit == 0x80 ? "ascii" : "latin-1";
                /* A run of unencodable characters is reported as one error. */
                size_t last = idx;
                const char *q = p;
                while (q < end) {
                    const char *r = q;
                    uint32_t d = px_utf8_next(&r, end);
                    if (d < limit) {
                        break;
                    }
                    last++;
                    q = r;
                }
                if (last > idx) {
                    px_raise_msg(&px_type_UnicodeEncodeError,
                                 "'%s' codec can't encode characters in position %zu-%zu: ordinal not in range(%u)", cn,
                                 idx, last, (unsigned)limit);
                }
                char esc[12];
                int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
                esc[0] = '\\';
                esc[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
                for (int k = 0; k < digits; k++) {
                    esc[2 + k] = "0123456789abcdef"[(c >> (4 * (digits - 1 - k))) & 15];
                }
                esc[2 + digits] = 0;
                px_raise_msg(&px_type_UnicodeEncodeError,
                             "'%s' codec can't encode character '%s' in position %zu: ordinal not in range(%u)", cn,
                             esc, idx, (unsigned)limit);
            }
        } else if (limit == 0x110000) {
            px_strbuf_add(&b, start, (size_t)(p - start));
        } else {
            px_strbuf_add_char(&b, (char)c);
        }
        idx++;
    }
    return px_strbuf_to_bytes(&b);
}

/* ---- translate / maketrans */

static px_val str_translate(px_val self, px_val table) {
    size_t len;
    const char *s = px_str_data(self, &len);
    const char *p = s, *end = s + len;
    px_strbuf b;
    px_strbuf_init(&b, len);
    bool is_dict = px_is_dict(table);
    while (p < end) {
        const char *start = p;
        uint32_t c = px_utf8_next(&p, end);
        px_val key = px_small((px_int)c);
        px_val r;
        if (is_dict) {
            r = px_dict_get(table, key);
        } else {
            px_jmp j;
            px_try_push(&j);
            if (setjmp(j.buf) == 0) {
                r = px_subscr_load(table, key);
                px_try_pop(&j);
            } else {
                if (!px_isinstance(j.exc, &px_type_LookupError)) {
                    px_raise(j.exc);
                }
                r = PX_NULL;
            }
        }
        if (r == PX_NULL) {
            px_strbuf_add(&b, start, (size_t)(p - start));
        } else if (r == PX_NONE) {
        } else if (px_is_int(r)) {
            px_int cp = px_index(r);
            if (cp < 0 || cp >= 0x110000) {
                px_raise_value_error("character mapping must be in range(0x110000)");
            }
            px_strbuf_add_utf8(&b, (uint32_t)cp);
        } else {
            size_t rl;
            const char *rs = px_str_get(r, &rl);
            if (rs == NULL) {
                px_raise_type_error("character mapping must return integer, None or str");
            }
            px_strbuf_add(&b, rs, rl);
        }
    }
    return px_strbuf_to_str(&b);
}

static px_val str_maketrans(size_t argc, const px_val *argv) {
    px_val d = px_dict_new(0);
    if (argc == 1) {
        if (!px_is_dict(argv[0])) {
            px_raise_type_error("if you give only one argument to maketrans it must be a dict");
        }
        px_map *m = px_dict_map(argv[0]);
        for (size_t i = 0; i < m->used; i++) {
            px_val k = m->entries[i].key;
            if (k == PX_NULL) {
                continue;
            }
            size_t kl;
            const char *ks = px_str_get(k, &kl);
            if (ks != NULL) {
                if (px_utf8_count(ks, kl) != 1) {
                    px_raise_value_error("string keys in translate table must be of length 1");
                }
                k = px_small((px_int)px_utf8_next(&ks, ks + kl));
            } else if (!px_is_int(k)) {
                px_raise_type_error("keys in translate table must be strings or integers");
            }
            px_dict_set(d, k, m->entries[i].value);
        }
        return d;
    }
    size_t xl, yl;
    const char *x = px_str_get(argv[0], &xl);
    const char *y = px_str_get(argv[1], &yl);
    if (x == NULL || y == NULL) {
        px_raise_type_error("maketrans() argument must be str");
    }
    if (px_utf8_count(x, xl) != px_utf8_count(y, yl)) {
        px_raise_value_error("the first two maketrans arguments must have equal length");
    }
    const char *xp = x, *yp = y;
    while (xp < x + xl) {
        uint32_t a = px_utf8_next(&xp, x + xl);
        uint32_t b = px_utf8_next(&yp, y + yl);
        px_dict_set(d, px_small((px_int)a), px_small((px_int)b));
    }
    if (argc > 2) {
        size_t zl;
        const char *z = px_str_get(argv[2], &zl);
        if (z == NULL) {
            px_raise_type_error("maketrans() argument 3 must be str");
        }
        const char *zp = z;
        while (zp < z + zl) {
            px_dict_set(d, px_small((px_int)px_utf8_next(&zp, z + zl)), PX_NONE);
        }
    }
    return d;
}

/* ---- formatting */

static px_val str_format(size_t argc, const px_val *argv, px_val kwnames) {
    size_t len;
    const char *s = px_str_data(argv[0], &len);
    px_val kwargs = PX_NULL;
    if (kwnames != PX_NULL && px_is_tuple(kwnames) && px_tuple_ptr(kwnames)->len) {
        px_tuple *kt = px_tuple_ptr(kwnames);
        kwargs = px_dict_new(kt->len);
        for (size_t i = 0; i < kt->len; i++) {
            px_dict_set(kwargs, kt->items[i], argv[argc + i]);
        }
    }
    return px_str_vformat(s, len, argc - 1, argv + 1, kwargs);
}

static px_val str_format_map(px_val self, px_val mapping) {
    size_t len;
    const char *s = px_str_data(self, &len);
    return px_str_vformat(s, len, 0, NULL, mapping);
}

static px_val str_format_m(px_val self, px_val spec) {
    return px_format(self, spec);
}

PX_METHKW(px_str_m_encode, &px_type_str, encode, 1, 3, px_str_encode);
PX_METHKW(px_str_m_format, &px_type_str, format, 1, PX_ARGS_MAX, str_format);
PX_METH2(px_str_m_format_map, &px_type_str, format_map, str_format_map);
PX_METH2(px_str_m_translate, &px_type_str, translate, str_translate);
PX_METH2(px_str_m_format_dunder, &px_type_str, __format__, str_format_m);
static PX_FUNV(f_maketrans, maketrans, 1, 3, str_maketrans);
PX_STATICMETHOD(px_str_m_maketrans, &f_maketrans);
