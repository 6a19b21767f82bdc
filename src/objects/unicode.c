/* UTF-8: validation, decoding with error handlers, code-point indexing,
 * and chr()/ord(). Character properties are in str_case.c. */
#include "str_impl.h"

/* Every new str is counted, so eight bytes at a time: a continuation byte
 * is 10xxxxxx, i.e. bit 7 set and bit 6 (shifted up into bit 7) clear.
 * The 0/1 per byte are summed by one multiply (no popcount instruction
 * is assumed: without one, compilers call a slow library routine). */
size_t px_utf8_count(const char *s, size_t len) {
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    size_t cont = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        cont += (size_t)((((w & ~(w << 1) & high) >> 7) * ones) >> 56);
    }
    for (; i < len; i++) {
        cont += ((uint8_t)s[i] & 0xC0) == 0x80;
    }
    return len - cont;
}

size_t px_utf8_offset(const char *s, size_t len, size_t i) {
    size_t off = 0;
    while (i > 0 && off < len) {
        off++;
        while (off < len && ((uint8_t)s[off] & 0xC0) == 0x80) {
            off++;
        }
        i--;
    }
    return off;
}

uint32_t px_utf8_next(const char **pp, const char *end) {
    const uint8_t *p = (const uint8_t *)*pp;
    uint32_t c = *p++;
    int more = 0;
    if (c >= 0xF0) {
        c &= 0x07;
        more = 3;
    } else if (c >= 0xE0) {
        c &= 0x0F;
        more = 2;
    } else if (c >= 0xC0) {
        c &= 0x1F;
        more = 1;
    }
    while (more-- > 0 && (const char *)p < end && (*p & 0xC0) == 0x80) {
        c = (c << 6) | (*p++ & 0x3F);
    }
    *pp = (const char *)p;
    return c;
}

size_t px_utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool px_utf8_check(const char *str, size_t len, size_t *bad, size_t *skip, const char **why) {
    const uint8_t *s = (const uint8_t *)str;
    size_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        uint8_t lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F; /* no surrogates */
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            *bad = i;
            *skip = 1;
            *why = "invalid start byte";
            return false;
        }
        size_t k;
        for (k = 1; k <= need; k++) {
            if (i + k >= len) {
                *bad = i;
                *skip = k;
                *why = "unexpected end of data";
                return false;
            }
            uint8_t d = s[i + k];
            bool ok = k == 1 ? (d >= lo && d <= hi) : (d & 0xC0) == 0x80;
            if (!ok) {
                *bad = i;
                *skip = k;
                *why = "invalid continuation byte";
                return false;
            }
        }
        i += need + 1;
    }
    return true;
}

bool px_utf8_valid(const char *s, size_t len) {
    size_t bad, skip;
    const char *why;
    return px_utf8_check(s, len, &bad, &skip, &why);
}

int px_decode_error_mode(const char *errors) {
    static const char *const names[] = {"strict", "replace", "ignore", "backslashreplace", "surrogateescape"};
    if (errors == NULL) {
        return PX_DECODE_STRICT;
    }
    /* names[] is in the order of the PX_DECODE_* modes */
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++) {
        if (strcmp(errors, names[i]) == 0) {
            return i;
        }
    }
    px_raise_msg(&px_type_LookupError, "unknown error handler name '%s'", errors);
}

void px_decode_error_byte(px_strbuf *b, uint8_t c, int mode) {
    if (mode == PX_DECODE_REPLACE) {
        px_strbuf_add_utf8(b, 0xFFFD);
    } else if (mode == PX_DECODE_BACKSLASH) {
        char esc[4] = {'\\', 'x', "0123456789abcdef"[c >> 4], "0123456789abcdef"[c & 15]};
        px_strbuf_add(b, esc, 4);
    } else if (mode == PX_DECODE_SURROGATE) {
        px_strbuf_add_utf8(b, 0xDC00 + c);
    }
}

px_val px_utf8_decode(const char *s, size_t len, const char *errors) {
    size_t bad, skip;
    const char *why;
    if (px_utf8_check(s, len, &bad, &skip, &why)) {
        return px_str(s, len);
    }
    int mode = px_decode_error_mode(errors);
    if (mode == PX_DECODE_STRICT) {
        if (skip > 1) {
            px_raise_msg(&px_type_UnicodeDecodeError, "'utf-8' codec can't decode bytes in position %zu-%zu: %s",
                         bad, bad + skip - 1, why);
        }
        px_raise_msg(&px_type_UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                     (uint8_t)s[bad], bad, why);
    }
    /* Each maximal bad prefix counts as one error (as CPython does). */
    px_strbuf b;
    px_strbuf_init(&b, len + 8);
    size_t pos = 0;
    while (pos < len) {
        if (px_utf8_check(s + pos, len - pos, &bad, &skip, &why)) {
            px_strbuf_add(&b, s + pos, len - pos);
            break;
        }
        px_strbuf_add(&b, s + pos, bad);
        if (mode == PX_DECODE_REPLACE) {
            px_strbuf_add_utf8(&b, 0xFFFD);
        } else {
            for (size_t i = 0; i < skip; i++) {
                px_decode_error_byte(&b, (uint8_t)s[pos + bad + i], mode);
            }
        }
        pos += bad + skip;
    }
    return px_strbuf_to_str(&b);
}

px_val px_str_chars[256];

px_val px_str_from_cp_slow(uint32_t cp) {
    char tmp[4];
    size_t n = px_utf8_encode(cp, tmp);
    if (cp < 256) {
        return px_str_chars[cp] = px_qstr(px_qstr_intern(tmp, n));
    }
    return px_str(tmp, n);
}

static px_val builtin_chr(px_val v) {
    px_int i;
    if (!px_is_int(v) && !px_is_small(v)) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
    }
    const px_type *t = px_type_of(v);
    if (t == &px_type_int && !px_is_small(v)) {
        px_raise_overflow("Python int too large to convert to C int");
    }
    i = px_index(v);
    if (i < 0 || i >= 0x110000) {
        px_raise_value_error("chr() arg not in range(0x110000)");
    }
    return px_str_from_cp((uint32_t)i);
}
PX_FUN1(px_builtin_chr, chr, builtin_chr);

static px_val builtin_ord(px_val v) {
    size_t len;
    const char *s = px_str_get(v, &len);
    if (s != NULL) {
        if (len == 1) {
            return px_small((uint8_t)s[0]); /* one byte of valid UTF-8: ASCII */
        }
        const char *p = s;
        uint32_t cp = len > 0 ? px_utf8_next(&p, s + len) : 0;
        if (len == 0 || p != s + len) { /* the length only for the message */
            px_raise_type_error("ord() expected a character, but string of length %zu found", px_str_charlen(v));
        }
        return px_small((px_int)cp);
    }
    if (px_is_bytes(v) || px_is_type(v, &px_type_bytearray)) {
        px_buffer buf;
        px_get_buffer(v, &buf, PX_BUF_READ);
        if (buf.len != 1) {
            px_raise_type_error("ord() expected a character, but string of length %zu found", buf.len);
        }
        return px_small(((uint8_t *)buf.data)[0]);
    }
    px_raise_type_error("ord() expected string of length 1, but %s found", px_type_name(v));
}
PX_FUN1(px_builtin_ord, ord, builtin_ord);
