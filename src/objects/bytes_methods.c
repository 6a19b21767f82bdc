/* Methods of bytes and bytearray (one implementation for both: results
 * have the type of self), plus bytearray's mutating methods. */
#include "str_impl.h"
#include "contutil.h"

static const uint8_t *self_data(px_val self, size_t *len) {
    if (px_is_bytes(self)) {
        return px_bytes_data(self, len);
    }
    px_bytearray_obj *b = px_as_ptr(self);
    *len = b->len;
    return b->data;
}

/* A search argument: bytes-like, or an int for a single byte. */
static const uint8_t *needle_arg(px_val v, size_t *len, uint8_t *one) {
    if (px_is_int(v)) {
        px_int i = px_text_byte_int(v);
        if (i < 0) {
            px_raise_value_error("byte must be in range(0, 256)");
        }
        *one = (uint8_t)i;
        *len = 1;
        return one;
    }
    px_buffer buf;
    if (!px_buffer_try(v, &buf, PX_BUF_READ)) {
        px_raise_type_error("argument should be integer or bytes-like object, not '%s'", px_type_name(v));
    }
    *len = buf.len;
    return buf.data;
}

static px_val like(px_val self, const void *d, size_t n) {
    return px_bytes_like(self, d, n);
}

/* ---- decode / hex / fromhex */

px_val px_bytes_decode(const char *s, size_t len, px_val encoding, px_val errors) {
    const char *enc = "utf-8", *err = "strict";
    size_t el = 5, xl;
    if (encoding != PX_UNSET && encoding != PX_NULL) {
        enc = px_str_data(encoding, &el);
    }
    if (errors != PX_UNSET && errors != PX_NULL) {
        err = px_str_data(errors, &xl);
    }
    char name[16];
    size_t nl = 0;
    for (size_t i = 0; i < el && nl < sizeof name - 1; i++) {
        char c = enc[i];
        name[nl++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (c == '_' || c == ' ') ? '-' : c;
    }
    name[nl] = 0;
    if (el >= sizeof name) {
        name[0] = 0;
    }
    if (strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0) {
        return px_utf8_decode(s, len, err);
    }
    bool ascii = strcmp(name, "ascii") == 0 || strcmp(name, "us-ascii") == 0;
    bool latin = strcmp(name, "latin-1") == 0 || strcmp(name, "latin1") == 0 || strcmp(name, "iso-8859-1") == 0;
    if (!ascii && !latin) {
        px_raise_msg(&px_type_LookupError, "unknown encoding: %.*s", (int)el, enc);
    }
    px_strbuf b;
    px_strbuf_init(&b, len);
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)s[i];
        if (c >= 0x80 && ascii) {
            int mode = px_decode_error_mode(err);
            if (mode == PX_DECODE_STRICT) {
                px_raise_msg(&px_type_UnicodeDecodeError,
                             "'ascii' codec can't decode byte 0x%02x in position %zu: ordinal not in range(128)", c, i);
            }
            px_decode_error_byte(&b, c, mode);
            continue;
        }
        px_strbuf_add_utf8(&b, c);
    }
    return px_strbuf_to_str(&b);
}

static px_val b_decode(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(encoding), 0, PX_UNSET},
        {PX_Q(errors), 0, PX_UNSET},
    };
    px_val a[2];
    px_parse_args(PX_Q(decode), argc - 1, argv + 1, kwnames, 2, spec, a);
    size_t len;
    const uint8_t *d = self_data(argv[0], &len);
    return px_bytes_decode((const char *)d, len, a[0], a[1]);
}

px_val px_bytes_hex(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(sep), 0, PX_UNSET},
        {PX_Q(bytes_per_sep), 0, PX_SMALL_CONST(1)},
    };
    px_val a[2];
    px_parse_args(PX_Q(hex), argc - 1, argv + 1, kwnames, 2, spec, a);
    size_t len;
    const uint8_t *d = self_data(argv[0], &len);
    const char *sep = NULL;
    size_t sl = 0;
    if (a[0] != PX_UNSET) {
        sep = px_str_get(a[0], &sl);
        px_buffer buf;
        if (sep == NULL) {
            if (!px_buffer_try(a[0], &buf, PX_BUF_READ)) {
                px_raise_type_error("object of type '%s' has no len()", px_type_name(a[0]));
            }
            sep = buf.data;
            sl = buf.len;
        }
        if (px_utf8_count(sep, sl) != 1) {
            px_raise_value_error("sep must be length 1.");
        }
    }
    px_int per = px_index(a[1]);
    size_t group = per < 0 ? (size_t)-per : (size_t)per;
    px_strbuf b;
    px_strbuf_init(&b, len * 3);
    for (size_t i = 0; i < len; i++) {
        if (sep && group && i) {
            /* Groups count from the right for a positive bytes_per_sep. */
            bool brk = per > 0 ? (len - i) % group == 0 : i % group == 0;
            if (brk) {
                px_strbuf_add(&b, sep, sl);
            }
        }
        px_strbuf_add_char(&b, "0123456789abcdef"[d[i] >> 4]);
        px_strbuf_add_char(&b, "0123456789abcdef"[d[i] & 15]);
    }
    return px_strbuf_to_str(&b);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 32);
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

static px_val b_fromhex(px_val cls, px_val s) {
    size_t len;
    const char *t = px_str_get(s, &len);
    if (t == NULL) {
        px_raise_type_error("fromhex() argument must be str, not %s", px_type_name(s));
    }
    px_strbuf b;
    px_strbuf_init(&b, len / 2 + 1);
    size_t i = 0;
    for (;;) {
        while (i < len && px_unicode_isspace((uint8_t)t[i])) {
            i++;
        }
        if (i >= len) {
            break;
        }
        int hi = hexval(t[i]);
        int lo = i + 1 < len ? hexval(t[i + 1]) : -1;
        if (hi < 0) {
            px_raise_value_error("non-hexadecimal number found in fromhex() arg at position %zu", i);
        }
        if (lo < 0) {
            px_raise_value_error("non-hexadecimal number found in fromhex() arg at position %zu", i + 1);
        }
        px_strbuf_add_char(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    const px_type *t2 = px_is_type_obj(cls) ? (const px_type *)px_as_ptr(cls) : &px_type_bytes;
    if (t2 == &px_type_bytearray) {
        return px_bytearray(b.data, b.len);
    }
    return px_bytes(b.data, b.len);
}

/* ---- searching */

static px_val find_common(size_t argc, const px_val *argv, int dir, bool raise) {
    size_t len, nl;
    uint8_t one;
    const uint8_t *d = self_data(argv[0], &len);
    const uint8_t *n = needle_arg(argv[1], &nl, &one);
    size_t s, e;
    px_text_range(argc, argv, 2, len, &s, &e);
    ptrdiff_t r = -1;
    if (s <= e && s <= len) {
        r = px_text_find((const char *)d + s, e - s, (const char *)n, nl, dir);
        if (r >= 0) {
            r += (ptrdiff_t)s;
        }
    }
    if (r < 0 && raise) {
        px_raise_value_error("subsection not found");
    }
    return px_small(r);
}

static px_val b_find(size_t argc, const px_val *argv) {
    return find_common(argc, argv, 1, false);
}
static px_val b_rfind(size_t argc, const px_val *argv) {
    return find_common(argc, argv, -1, false);
}
static px_val b_index(size_t argc, const px_val *argv) {
    return find_common(argc, argv, 1, true);
}
static px_val b_rindex(size_t argc, const px_val *argv) {
    return find_common(argc, argv, -1, true);
}

static px_val b_count(size_t argc, const px_val *argv) {
    size_t len, nl;
    uint8_t one;
    const uint8_t *d = self_data(argv[0], &len);
    const uint8_t *n = needle_arg(argv[1], &nl, &one);
    size_t s, e;
    px_text_range(argc, argv, 2, len, &s, &e);
    if (s > e || s > len) {
        return px_small(0);
    }
    return px_small((px_int)px_text_count((const char *)d + s, e - s, (const char *)n, nl));
}

static px_val affix_common(size_t argc, const px_val *argv, bool at_end, const char *what) {
    size_t len;
    const uint8_t *d = self_data(argv[0], &len);
    size_t s, e;
    px_text_range(argc, argv, 2, len, &s, &e);
    size_t n = 1;
    const px_val *opts = &argv[1];
    if (px_is_tuple(argv[1])) {
        opts = px_seq_items(argv[1], &n);
    }
    if (s > e || s > len) {
        return PX_FALSE;
    }
    for (size_t i = 0; i < n; i++) {
        size_t pl;
        if (px_str_get(opts[i], &pl) != NULL || px_type_of(opts[i])->buffer == NULL) {
            px_raise_type_error("%s first arg must be bytes or a tuple of bytes, not %s", what,
                                px_type_name(opts[i]));
        }
        const uint8_t *p = px_bytes_arg(opts[i], &pl);
        if (pl <= e - s && memcmp(at_end ? d + e - pl : d + s, p, pl) == 0) {
            return PX_TRUE;
        }
    }
    return PX_FALSE;
}

static px_val b_startswith(size_t argc, const px_val *argv) {
    return affix_common(argc, argv, false, "startswith");
}
static px_val b_endswith(size_t argc, const px_val *argv) {
    return affix_common(argc, argv, true, "endswith");
}

/* ---- split / join / partition / replace */

static bool b_space(uint8_t c) {
    return c == ' ' || (c >= 9 && c <= 13);
}

static px_val split_common(size_t argc, const px_val *argv, px_val kwnames, bool right) {
    static const px_argspec spec[] = {
        {PX_Q(sep), 0, PX_NONE},
        {PX_Q(maxsplit), 0, PX_SMALL_CONST(-1)},
    };
    px_val a[2];
    px_parse_args(right ? PX_Q(rsplit) : PX_Q(split), argc - 1, argv + 1, kwnames, 2, spec, a);
    size_t len;
    const uint8_t *d = self_data(argv[0], &len);
    px_int maxsplit = px_index(a[1]);
    if (maxsplit < 0) {
        maxsplit = -1;
    }
    px_val list = px_list_new(0, NULL);
    if (a[0] == PX_NONE) {
        if (!right) {
            size_t i = 0;
            for (;;) {
                while (i < len && b_space(d[i])) {
                    i++;
                }
                if (i >= len) {
                    break;
                }
                size_t j = i;
                if (maxsplit == 0) {
                    px_list_append(list, like(argv[0], d + i, len - i));
                    break;
                }
                while (j < len && !b_space(d[j])) {
                    j++;
                }
                px_list_append(list, like(argv[0], d + i, j - i));
                i = j;
                if (maxsplit > 0) {
                    maxsplit--;
                }
            }
            return list;
        }
        size_t e = len;
        for (;;) {
            while (e > 0 && b_space(d[e - 1])) {
                e--;
            }
            if (e == 0) {
                break;
            }
            size_t s = e;
            if (maxsplit == 0) {
                px_list_append(list, like(argv[0], d, e));
                break;
            }
            while (s > 0 && !b_space(d[s - 1])) {
                s--;
            }
            px_list_append(list, like(argv[0], d + s, e - s));
            e = s;
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
        px_list_reverse(list);
        return list;
    }
    size_t sl;
    const uint8_t *sep = px_bytes_arg(a[0], &sl);
    return px_text_split_sep(argv[0], (const char *)d, len, (const char *)sep, sl, maxsplit, right, px_bytes_like);
}

static px_val b_split(size_t argc, const px_val *argv, px_val kwnames) {
    return split_common(argc, argv, kwnames, false);
}
static px_val b_rsplit(size_t argc, const px_val *argv, px_val kwnames) {
    return split_common(argc, argv, kwnames, true);
}

static px_val b_splitlines(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(keepends), 0, PX_FALSE}};
    px_val a[1];
    px_parse_args(PX_Q(splitlines), argc - 1, argv + 1, kwnames, 1, spec, a);
    bool keep = px_truthy(a[0]);
    size_t len;
    const uint8_t *d = self_data(argv[0], &len);
    px_val list = px_list_new(0, NULL);
    size_t line = 0, i = 0;
    while (i < len) {
        if (d[i] != '\n' && d[i] != '\r') {
            i++;
            continue;
        }
        size_t e = i + 1;
        if (d[i] == '\r' && e < len && d[e] == '\n') {
            e++;
        }
        px_list_append(list, like(argv[0], d + line, (keep ? e : i) - line));
        line = i = e;
    }
    if (line < len) {
        px_list_append(list, like(argv[0], d + line, len - line));
    }
    return list;
}

static px_val b_join(px_val self, px_val iterable) {
    size_t sl;
    const uint8_t *sep = self_data(self, &sl);
    px_val list = px_list_from_iter(iterable);
    px_list *l = px_list_ptr(list);
    px_strbuf b;
    px_strbuf_init(&b, 16);
    for (size_t i = 0; i < l->len; i++) {
        px_val it = l->items[i];
        px_buffer buf;
        if (!px_buffer_try(it, &buf, PX_BUF_READ)) {
            px_raise_type_error("sequence item %zu: expected a bytes-like object, %s found", i, px_type_name(it));
        }
        if (i) {
            px_strbuf_add(&b, (const char *)sep, sl);
        }
        px_strbuf_add(&b, (const char *)buf.data, buf.len);
    }
    return like(self, b.data, b.len);
}

static px_val partition_common(px_val self, px_val sepv, bool right) {
    size_t len, sl;
    const uint8_t *d = self_data(self, &len);
    const uint8_t *sep = px_bytes_arg(sepv, &sl);
    if (sl == 0) {
        px_raise_value_error("empty separator");
    }
    ptrdiff_t f = px_text_find((const char *)d, len, (const char *)sep, sl, right ? -1 : 1);
    px_val parts[3];
    if (f < 0) {
        parts[0] = right ? like(self, "", 0) : like(self, d, len);
        parts[1] = like(self, "", 0);
        parts[2] = right ? like(self, d, len) : like(self, "", 0);
    } else {
        parts[0] = like(self, d, (size_t)f);
        parts[1] = like(self, sep, sl);
        parts[2] = like(self, d + f + sl, len - (size_t)f - sl);
    }
    return px_tuple_new(3, parts);
}

static px_val b_partition(px_val self, px_val sep) {
    return partition_common(self, sep, false);
}
static px_val b_rpartition(px_val self, px_val sep) {
    return partition_common(self, sep, true);
}

static px_val b_replace(size_t argc, const px_val *argv) {
    size_t len, ol, nl;
    const uint8_t *d = self_data(argv[0], &len);
    const uint8_t *old = px_bytes_arg(argv[1], &ol);
    const uint8_t *nw = px_bytes_arg(argv[2], &nl);
    px_int count = argc > 3 ? px_index(argv[3]) : -1;
    px_strbuf b;
    px_strbuf_init(&b, len + 16);
    if (ol == 0) {
        size_t i = 0;
        while (count != 0) {
            px_strbuf_add(&b, (const char *)nw, nl);
            if (count > 0) {
                count--;
            }
            if (i >= len) {
                break;
            }
            px_strbuf_add_char(&b, (char)d[i++]);
        }
        px_strbuf_add(&b, (const char *)d + i, len - i);
        return like(argv[0], b.data, b.len);
    }
    size_t at = px_text_replace_into(&b, (const char *)d, len, (const char *)old, ol, (const char *)nw, nl, count);
    px_strbuf_add(&b, (const char *)d + at, len - at);
    return like(argv[0], b.data, b.len);
}

/* ---- strip */

static px_val strip_common(size_t argc, const px_val *argv, int which) {
    size_t len, cl = 0;
    const uint8_t *d = self_data(argv[0], &len);
    const uint8_t *chars = NULL;
    if (argc > 1 && argv[1] != PX_NONE) {
        chars = px_bytes_arg(argv[1], &cl);
    }
    size_t s = 0, e = len;
    if (which & 1) {
        while (s < e && (chars ? memchr(chars, d[s], cl) != NULL : b_space(d[s]))) {
            s++;
        }
    }
    if (which & 2) {
        while (e > s && (chars ? memchr(chars, d[e - 1], cl) != NULL : b_space(d[e - 1]))) {
            e--;
        }
    }
    return like(argv[0], d + s, e - s);
}

static px_val b_strip(size_t argc, const px_val *argv) {
    return strip_common(argc, argv, 3);
}
static px_val b_lstrip(size_t argc, const px_val *argv) {
    return strip_common(argc, argv, 1);
}
static px_val b_rstrip(size_t argc, const px_val *argv) {
    return strip_common(argc, argv, 2);
}

static px_val affix_remove(px_val self, px_val affix, bool suffix) {
    size_t len, al;
    const uint8_t *d = self_data(self, &len);
    const uint8_t *a = px_bytes_arg(affix, &al);
    if (al && al <= len && memcmp(suffix ? d + len - al : d, a, al) == 0) {
        return like(self, suffix ? d : d + al, len - al);
    }
    return like(self, d, len);
}
static px_val b_removeprefix(px_val self, px_val a) {
    return affix_remove(self, a, false);
}
static px_val b_removesuffix(px_val self, px_val a) {
    return affix_remove(self, a, true);
}

/* ---- case and classes (ASCII only, as CPython does for bytes) */

static px_val map_bytes(px_val self, int mode) {
    size_t len;
    const uint8_t *d = self_data(self, &len);
    px_strbuf b;
    px_strbuf_init(&b, len);
    bool prev_cased = false;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = d[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        bool to_upper = mode == 0 || (mode == 2 && i == 0) || (mode == 3 && !prev_cased) || (mode == 4 && lo);
        bool to_lower = mode == 1 || (mode == 2 && i > 0) || (mode == 3 && prev_cased) || (mode == 4 && up);
        if (to_upper && lo) {
            c = (uint8_t)(c - 32);
        } else if (to_lower && up) {
            c = (uint8_t)(c + 32);
        }
        prev_cased = up || lo;
        px_strbuf_add_char(&b, (char)c);
    }
    return like(self, b.data, b.len);
}

static px_val b_upper(px_val self) {
    return map_bytes(self, 0);
}
static px_val b_lower(px_val self) {
    return map_bytes(self, 1);
}
static px_val b_capitalize(px_val self) {
    return map_bytes(self, 2);
}
static px_val b_title(px_val self) {
    return map_bytes(self, 3);
}
static px_val b_swapcase(px_val self) {
    return map_bytes(self, 4);
}

enum { C_DIGIT, C_ALPHA, C_ALNUM, C_SPACE, C_UPPER, C_LOWER };

static px_val classify(px_val self, int cls) {
    size_t len;
    const uint8_t *d = self_data(self, &len);
    if (len == 0) {
        return PX_FALSE;
    }
    bool cased = false;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = d[i];
        bool dig = c >= '0' && c <= '9', up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        bool ok;
        switch (cls) {
        case C_DIGIT:
            ok = dig;
            break;
        case C_ALPHA:
            ok = up || lo;
            break;
        case C_ALNUM:
            ok = up || lo || dig;
            break;
        case C_SPACE:
            ok = b_space(c);
            break;
        case C_UPPER:
            ok = !lo;
            cased |= up;
            break;
        default:
            ok = !up;
            cased |= lo;
            break;
        }
        if (!ok) {
            return PX_FALSE;
        }
    }
    return px_bool(cls < C_UPPER || cased);
}

static px_val b_isdigit(px_val self) {
    return classify(self, C_DIGIT);
}
static px_val b_isalpha(px_val self) {
    return classify(self, C_ALPHA);
}
static px_val b_isalnum(px_val self) {
    return classify(self, C_ALNUM);
}
static px_val b_isspace(px_val self) {
    return classify(self, C_SPACE);
}
static px_val b_isupper(px_val self) {
    return classify(self, C_UPPER);
}
static px_val b_islower(px_val self) {
    return classify(self, C_LOWER);
}

static px_val just_common(size_t argc, const px_val *argv, int how) {
    size_t len;
    const uint8_t *d = self_data(argv[0], &len);
    px_int width = px_index(argv[1]);
    uint8_t fill = ' ';
    if (argc > 2) {
        px_buffer f;
        if ((!px_is_bytes(argv[2]) && !px_is_type(argv[2], &px_type_bytearray)) ||
            !px_buffer_try(argv[2], &f, PX_BUF_READ) || f.len != 1) {
            px_raise_type_error("%s() argument 2 must be a byte string of length 1, not %s",
                                how == 0 ? "ljust" : how == 1 ? "rjust" : "center", px_type_name(argv[2]));
        }
        fill = *(const uint8_t *)f.data;
    }
    if (width <= (px_int)len) {
        return like(argv[0], d, len);
    }
    size_t extra = (size_t)width - len;
    size_t left = how == 0 ? 0 : how == 1 ? extra : extra / 2 + (extra & (size_t)width & 1);
    px_strbuf b;
    px_strbuf_init(&b, (size_t)width);
    memset(px_strbuf_extend(&b, left), fill, left);
    px_strbuf_add(&b, (const char *)d, len);
    memset(px_strbuf_extend(&b, extra - left), fill, extra - left);
    return like(argv[0], b.data, b.len);
}

static px_val b_ljust(size_t argc, const px_val *argv) {
    return just_common(argc, argv, 0);
}
static px_val b_rjust(size_t argc, const px_val *argv) {
    return just_common(argc, argv, 1);
}
static px_val b_center(size_t argc, const px_val *argv) {
    return just_common(argc, argv, 2);
}

/* Uppercase only after uncased bytes, lowercase only after cased ones. */
static px_val b_istitle(px_val self) {
    size_t len;
    const uint8_t *d = self_data(self, &len);
    bool prev_cased = false, any = false;
    for (size_t i = 0; i < len; i++) {
        bool up = d[i] >= 'A' && d[i] <= 'Z', lo = d[i] >= 'a' && d[i] <= 'z';
        if ((up && prev_cased) || (lo && !prev_cased)) {
            return PX_FALSE;
        }
        prev_cased = up || lo;
        any |= up || lo;
    }
    return px_bool(any);
}

static px_val b_expandtabs(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(tabsize), 0, PX_SMALL_CONST(8)}};
    px_val a[1];
    px_parse_args(PX_Q(expandtabs), argc - 1, argv + 1, kwnames, 1, spec, a);
    px_int tab = px_index(a[0]);
    size_t len;
    const uint8_t *d = self_data(argv[0], &len);
    px_strbuf b;
    px_strbuf_init(&b, len + 8);
    px_text_expandtabs(&b, (const char *)d, len, tab, false);
    return like(argv[0], b.data, b.len);
}

static px_val b_isascii(px_val self) {
    size_t len;
    const uint8_t *d = self_data(self, &len);
    for (size_t i = 0; i < len; i++) {
        if (d[i] >= 0x80) {
            return PX_FALSE;
        }
    }
    return PX_TRUE;
}

static px_val b_zfill(px_val self, px_val widthv) {
    size_t len;
    const uint8_t *d = self_data(self, &len);
    px_int width = px_index(widthv);
    if (width <= (px_int)len) {
        return like(self, d, len);
    }
    size_t fill = (size_t)width - len, at = 0;
    px_strbuf b;
    px_strbuf_init(&b, (size_t)width);
    if (len && (d[0] == '+' || d[0] == '-')) {
        px_strbuf_add_char(&b, (char)d[0]);
        at = 1;
    }
    memset(px_strbuf_extend(&b, fill), '0', fill);
    px_strbuf_add(&b, (const char *)d + at, len - at);
    return like(self, b.data, b.len);
}

/* translate(table, delete=b''): table is None or 256 bytes. */
static px_val b_translate(size_t argc, const px_val *argv) {
    size_t len, tl = 0, dl = 0;
    const uint8_t *d = self_data(argv[0], &len);
    const uint8_t *table = NULL, *del = NULL;
    if (argv[1] != PX_NONE) {
        table = px_bytes_arg(argv[1], &tl);
        if (tl != 256) {
            px_raise_value_error("translation table must be 256 characters long");
        }
    }
    if (argc > 2) {
        del = px_bytes_arg(argv[2], &dl);
    }
    px_strbuf b;
    px_strbuf_init(&b, len);
    for (size_t i = 0; i < len; i++) {
        if (dl && memchr(del, d[i], dl) != NULL) {
            continue;
        }
        px_strbuf_add_char(&b, (char)(table ? table[d[i]] : d[i]));
    }
    return like(argv[0], b.data, b.len);
}

static px_val b_maketrans(px_val from, px_val to) {
    size_t fl, tl;
    const uint8_t *f = px_bytes_arg(from, &fl);
    const uint8_t *t = px_bytes_arg(to, &tl);
    if (fl != tl) {
        px_raise_value_error("maketrans arguments must have same length");
    }
    uint8_t table[256];
    for (int i = 0; i < 256; i++) {
        table[i] = (uint8_t)i;
    }
    for (size_t i = 0; i < fl; i++) {
        table[f[i]] = t[i];
    }
    return px_bytes(table, 256);
}

/* ---- bytearray mutators */

static px_bytearray_obj *ba(px_val v) {
    return px_as_ptr(v);
}

static uint8_t byte_arg(px_val v) {
    if (!px_is_int(v)) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
    }
    px_int i = px_text_byte_int(v);
    if (i < 0) {
        px_raise_value_error("byte must be in range(0, 256)");
    }
    return (uint8_t)i;
}

static px_val ba_append(px_val self, px_val v) {
    uint8_t c = byte_arg(v);
    px_bytearray_obj *b = ba(self);
    px_bytearray_resize(b, b->len + 1);
    b->data[b->len - 1] = c;
    return PX_NONE;
}

static px_val ba_extend(px_val self, px_val src) {
    px_bytearray_obj *b = ba(self);
    if (px_type_of(src)->buffer) {
        size_t n;
        const uint8_t *d = px_bytes_arg(src, &n);
        px_val copy = px_bytes(d, n);
        size_t old = b->len;
        px_bytearray_resize(b, old + n);
        memcpy(b->data + old, px_bytes_data(copy, &n), n);
        return PX_NONE;
    }
    const px_type *t = px_type_of(src);
    if (t->iter == NULL && !(t->flags & PX_TF_HEAPTYPE)) {
        px_raise_type_error("can't extend bytearray with %s", px_type_name(src));
    }
    /* Collect first: a bad item leaves the bytearray unchanged. */
    px_val tmp = px_bytearray(NULL, 0);
    px_val it = px_iter(src);
    px_val x;
    while ((x = px_next(it)) != PX_NULL) {
        ba_append(tmp, x);
    }
    return ba_extend(self, tmp);
}

static px_val ba_pop(size_t argc, const px_val *argv) {
    px_bytearray_obj *b = ba(argv[0]);
    if (b->len == 0) {
        px_raise_index_error("pop from empty bytearray");
    }
    px_int i = argc > 1 ? px_index(argv[1]) : -1;
    if (i < 0) {
        i += (px_int)b->len;
    }
    if (i < 0 || (size_t)i >= b->len) {
        px_raise_index_error("pop index out of range");
    }
    uint8_t c = b->data[i];
    memmove(b->data + i, b->data + i + 1, b->len - (size_t)i - 1);
    b->len--;
    return px_small(c);
}

static px_val ba_insert(px_val self, px_val idx, px_val v) {
    px_bytearray_obj *b = ba(self);
    px_int i = px_index(idx);
    uint8_t c = byte_arg(v);
    if (i < 0) {
        i += (px_int)b->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > b->len) {
        i = (px_int)b->len;
    }
    px_bytearray_resize(b, b->len + 1);
    memmove(b->data + i + 1, b->data + i, b->len - 1 - (size_t)i);
    b->data[i] = c;
    return PX_NONE;
}

static px_val ba_remove(px_val self, px_val v) {
    px_bytearray_obj *b = ba(self);
    uint8_t c = byte_arg(v);
    uint8_t *p = b->len ? memchr(b->data, c, b->len) : NULL;
    if (p == NULL) {
        px_raise_value_error("value not found in bytearray");
    }
    size_t i = (size_t)(p - b->data);
    memmove(p, p + 1, b->len - i - 1);
    b->len--;
    return PX_NONE;
}

static px_val ba_clear(px_val self) {
    ba(self)->len = 0;
    return PX_NONE;
}

static px_val ba_copy(px_val self) {
    return px_bytearray(ba(self)->data, ba(self)->len);
}

static px_val ba_reverse(px_val self) {
    px_bytearray_obj *b = ba(self);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        uint8_t t = b->data[i];
        b->data[i] = b->data[j - 1];
        b->data[j - 1] = t;
    }
    return PX_NONE;
}

/* ---- method tables. Entries are sorted by name bytes. */

#define BYTES_METHODS(T, P)                                                    \
    static PX_METH1(P##capitalize, T, capitalize, b_capitalize);               \
    static PX_METHV(P##center, T, center, 2, 3, b_center);                     \
    static PX_METHV(P##count, T, count, 2, 4, b_count);                        \
    static PX_METHKW(P##decode, T, decode, 1, 3, b_decode);                    \
    static PX_METHV(P##endswith, T, endswith, 2, 4, b_endswith);               \
    static PX_METHKW(P##expandtabs, T, expandtabs, 1, 2, b_expandtabs);        \
    static PX_METHV(P##find, T, find, 2, 4, b_find);                           \
    static PX_METHKW(P##hex, T, hex, 1, 3, px_bytes_hex);                             \
    static PX_METHV(P##index, T, index, 2, 4, b_index);                        \
    static PX_METH1(P##isalnum, T, isalnum, b_isalnum);                        \
    static PX_METH1(P##isalpha, T, isalpha, b_isalpha);                        \
    static PX_METH1(P##isascii, T, isascii, b_isascii);                        \
    static PX_METH1(P##isdigit, T, isdigit, b_isdigit);                        \
    static PX_METH1(P##islower, T, islower, b_islower);                        \
    static PX_METH1(P##isspace, T, isspace, b_isspace);                        \
    static PX_METH1(P##istitle, T, istitle, b_istitle);                        \
    static PX_METH1(P##isupper, T, isupper, b_isupper);                        \
    static PX_METH2(P##join, T, join, b_join);                                 \
    static PX_METHV(P##ljust, T, ljust, 2, 3, b_ljust);                        \
    static PX_METH1(P##lower, T, lower, b_lower);                              \
    static PX_METHV(P##lstrip, T, lstrip, 1, 2, b_lstrip);                     \
    static PX_METH2(P##partition, T, partition, b_partition);                  \
    static PX_METH2(P##removeprefix, T, removeprefix, b_removeprefix);         \
    static PX_METH2(P##removesuffix, T, removesuffix, b_removesuffix);         \
    static PX_METHV(P##replace, T, replace, 3, 4, b_replace);                  \
    static PX_METHV(P##rfind, T, rfind, 2, 4, b_rfind);                        \
    static PX_METHV(P##rindex, T, rindex, 2, 4, b_rindex);                     \
    static PX_METHV(P##rjust, T, rjust, 2, 3, b_rjust);                        \
    static PX_METH2(P##rpartition, T, rpartition, b_rpartition);               \
    static PX_METHKW(P##rsplit, T, rsplit, 1, 3, b_rsplit);                    \
    static PX_METHV(P##rstrip, T, rstrip, 1, 2, b_rstrip);                     \
    static PX_METHKW(P##split, T, split, 1, 3, b_split);                       \
    static PX_METHKW(P##splitlines, T, splitlines, 1, 2, b_splitlines);        \
    static PX_METHV(P##startswith, T, startswith, 2, 4, b_startswith);         \
    static PX_METHV(P##strip, T, strip, 1, 2, b_strip);                        \
    static PX_METH1(P##swapcase, T, swapcase, b_swapcase);                     \
    static PX_METH1(P##title, T, title, b_title);                              \
    static PX_METHV(P##translate, T, translate, 2, 3, b_translate);            \
    static PX_METH2(P##zfill, T, zfill, b_zfill);                              \
    static PX_METH1(P##upper, T, upper, b_upper);

BYTES_METHODS(&px_type_bytes, bm_)
BYTES_METHODS(&px_type_bytearray, bam_)
PX_TEXT_DUNDERS(&px_type_bytes, bm_)
PX_TEXT_DUNDERS(&px_type_bytearray, bam_)
static PX_METH2(bam___delitem__, &px_type_bytearray, __delitem__, px_text_d_delitem);
static PX_METH2(bam___iadd__, &px_type_bytearray, __iadd__, px_text_d_iadd);
static PX_METH3(bam___setitem__, &px_type_bytearray, __setitem__, px_text_d_setitem);

static PX_FUN2(f_maketrans, maketrans, b_maketrans);
static PX_STATICMETHOD(m_maketrans, &f_maketrans);
static PX_FUN2(f_fromhex, fromhex, b_fromhex);
static PX_CLASSMETHOD(m_fromhex, &f_fromhex);

static PX_METH2(bam_append, &px_type_bytearray, append, ba_append);
static PX_METH1(bam_clear, &px_type_bytearray, clear, ba_clear);
static PX_METH1(bam_copy, &px_type_bytearray, copy, ba_copy);
static PX_METH2(bam_extend, &px_type_bytearray, extend, ba_extend);
static PX_METH3(bam_insert, &px_type_bytearray, insert, ba_insert);
static PX_METHV(bam_pop, &px_type_bytearray, pop, 1, 2, ba_pop);
static PX_METH2(bam_remove, &px_type_bytearray, remove, ba_remove);
static PX_METH1(bam_reverse, &px_type_bytearray, reverse, ba_reverse);

#define E(P, name) PX_ENTRY_OBJ(name, &P##name)

static const px_map_entry bytes_methods[] = {
    PX_TEXT_DUNDER_ENTRIES1(bm_), PX_TEXT_DUNDER_ENTRIES2(bm_),
    E(bm_, capitalize), E(bm_, center), E(bm_, count), E(bm_, decode), E(bm_, endswith), E(bm_, expandtabs),
    E(bm_, find), PX_ENTRY_OBJ(fromhex, &m_fromhex), E(bm_, hex), E(bm_, index), E(bm_, isalnum),
    E(bm_, isalpha), E(bm_, isascii), E(bm_, isdigit), E(bm_, islower), E(bm_, isspace), E(bm_, istitle), E(bm_, isupper),
    E(bm_, join), E(bm_, ljust), E(bm_, lower), E(bm_, lstrip), PX_ENTRY_OBJ(maketrans, &m_maketrans), E(bm_, partition),
    E(bm_, removeprefix), E(bm_, removesuffix), E(bm_, replace), E(bm_, rfind), E(bm_, rindex),
    E(bm_, rjust), E(bm_, rpartition), E(bm_, rsplit), E(bm_, rstrip), E(bm_, split),
    E(bm_, splitlines), E(bm_, startswith), E(bm_, strip), E(bm_, swapcase), E(bm_, title),
    E(bm_, translate), E(bm_, upper), E(bm_, zfill),
};
PX_CONST_MAP(px_bytes_dict, bytes_methods);

static const px_map_entry bytearray_methods[] = {
    E(bam_, __add__), E(bam_, __contains__), E(bam_, __delitem__), E(bam_, __eq__), E(bam_, __ge__),
    E(bam_, __getitem__), E(bam_, __gt__), E(bam_, __hash__), E(bam_, __iadd__), E(bam_, __iter__),
    E(bam_, __le__), E(bam_, __len__), E(bam_, __lt__), E(bam_, __mod__), E(bam_, __mul__), E(bam_, __ne__),
    E(bam_, __repr__), E(bam_, __rmul__), E(bam_, __setitem__), E(bam_, __str__),
    E(bam_, append), E(bam_, capitalize), E(bam_, center), E(bam_, clear), E(bam_, copy),
    E(bam_, count), E(bam_, decode), E(bam_, endswith), E(bam_, expandtabs), E(bam_, extend), E(bam_, find),
    PX_ENTRY_OBJ(fromhex, &m_fromhex), E(bam_, hex), E(bam_, index), E(bam_, insert), E(bam_, isalnum),
    E(bam_, isalpha), E(bam_, isascii), E(bam_, isdigit), E(bam_, islower), E(bam_, isspace), E(bam_, istitle), E(bam_, isupper),
    E(bam_, join), E(bam_, ljust), E(bam_, lower), E(bam_, lstrip), PX_ENTRY_OBJ(maketrans, &m_maketrans),
    E(bam_, partition),
    E(bam_, pop), E(bam_, remove), E(bam_, removeprefix), E(bam_, removesuffix), E(bam_, replace),
    E(bam_, reverse), E(bam_, rfind), E(bam_, rindex), E(bam_, rjust), E(bam_, rpartition),
    E(bam_, rsplit), E(bam_, rstrip), E(bam_, split), E(bam_, splitlines), E(bam_, startswith),
    E(bam_, strip), E(bam_, swapcase), E(bam_, title), E(bam_, translate),
    E(bam_, upper), E(bam_, zfill),
};
PX_CONST_MAP(px_bytearray_dict, bytearray_methods);
