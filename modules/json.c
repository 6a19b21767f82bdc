/* The json module: json.loads / json.load (this file) and json.dumps /
 * json.dump (json_dump.c).
 *
 * The decoder is a recursive-descent parser over the UTF-8 bytes of the
 * document, one pass, so time is proportional to the size; nesting is
 * bounded by the C-stack guard (RecursionError). Errors are ValueErrors
 * worded as CPython's JSONDecodeError ("Expecting value: line 1 column 5
 * (char 4)"), with the position counted in characters. Object keys go
 * through a small cache, so a document of many records with the same keys
 * shares their str objects. */
#include <math.h>

#include "json.h"
#include "objects/bigint.h"
#include "objects/str_impl.h"

#define KEY_CACHE 256        /* slots; a power of two */
#define KEY_CACHE_MAXLEN 32 /* longer keys are not cached */

typedef struct {
    const char *s; /* the document (valid UTF-8) */
    size_t len;
    size_t pos;
    bool strict; /* control characters are errors inside strings */
    px_val object_hook, pairs_hook, parse_float, parse_int, parse_constant; /* PX_NONE if not given */
    px_strbuf tmp;                                                         /* unescaped string text */
    px_val keys[KEY_CACHE];
} decoder;

/* ValueError "msg: line L column C (char N)" for byte offset at. */
PX_NORETURN static void fail(const decoder *d, const char *msg, size_t at) {
    size_t line = 1, line_start = 0;
    for (size_t i = 0; i < at; i++) {
        if (d->s[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    }
    size_t chr = px_utf8_count(d->s, at);
    size_t col = chr - px_utf8_count(d->s, line_start) + 1;
    px_raise_value_error("%s: line %zu column %zu (char %zu)", msg, line, col, chr);
}

static void skip_ws(decoder *d) {
    const char *s = d->s;
    size_t p = d->pos, n = d->len;
    while (p < n && (s[p] == ' ' || s[p] == '\n' || s[p] == '\r' || s[p] == '\t')) {
        p++;
    }
    d->pos = p;
}

static bool at_word(const decoder *d, const char *w, size_t n) {
    return d->len - d->pos >= n && memcmp(d->s + d->pos, w, n) == 0;
}

/* ---- strings */

static int hexval(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (c | 0x20) - 'a' + 10;
    }
    return -1;
}

/* Four hex digits at p (the text after "\u"), or -1. */
static long hex4(const decoder *d, size_t p) {
    if (d->len - p < 4) {
        return -1;
    }
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(d->s[p + i]);
        if (h < 0) {
            return -1;
        }
        v = v * 16 + h;
    }
    return v;
}

/* Bytes that end a plain run inside a string: the quote, a backslash, or
 * a control character. */
static bool ends_run(uint8_t c) {
    return c == '"' || c == '\\' || c < 0x20;
}

static uint32_t key_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    }
    return h;
}

static px_val make_str(decoder *d, const char *s, size_t n, bool key) {
    if (!key || n > KEY_CACHE_MAXLEN) {
        return px_str(s, n);
    }
    px_val *slot = &d->keys[key_hash(s, n) & (KEY_CACHE - 1)];
    if (*slot != PX_NULL) {
        size_t have;
        const char *t = px_str_data(*slot, &have);
        if (have == n && memcmp(t, s, n) == 0) {
            return *slot;
        }
    }
    return *slot = px_str(s, n);
}

/* The string whose opening quote is at d->pos. */
static px_val parse_string(decoder *d, bool key) {
    size_t begin = d->pos;
    const char *s = d->s;
    size_t p = begin + 1, n = d->len;
    /* the common case: no escapes */
    size_t q = p;
    while (q < n && !ends_run((uint8_t)s[q])) {
        q++;
    }
    if (q < n && s[q] == '"') {
        d->pos = q + 1;
        return make_str(d, s + p, q - p, key);
    }
    d->tmp.len = 0;
    for (;;) {
        q = p;
        while (q < n && !ends_run((uint8_t)s[q])) {
            q++;
        }
        px_strbuf_add(&d->tmp, s + p, q - p);
        if (q >= n) {
            fail(d, "Unterminated string starting at", begin);
        }
        char c = s[q];
        if (c == '"') {
            d->pos = q + 1;
            return make_str(d, d->tmp.data, d->tmp.len, key);
        }
        if (c != '\\') { /* a control character */
            if (d->strict) {
                fail(d, "Invalid control character at", q);
            }
            px_strbuf_add_char(&d->tmp, c);
            p = q + 1;
            continue;
        }
        if (q + 1 >= n) {
            fail(d, "Unterminated string starting at", begin);
        }
        char e = s[q + 1];
        p = q + 2;
        switch (e) {
        case '"': px_strbuf_add_char(&d->tmp, '"'); continue;
        case '\\': px_strbuf_add_char(&d->tmp, '\\'); continue;
        case '/': px_strbuf_add_char(&d->tmp, '/'); continue;
        case 'b': px_strbuf_add_char(&d->tmp, '\b'); continue;
        case 'f': px_strbuf_add_char(&d->tmp, '\f'); continue;
        case 'n': px_strbuf_add_char(&d->tmp, '\n'); continue;
        case 'r': px_strbuf_add_char(&d->tmp, '\r'); continue;
        case 't': px_strbuf_add_char(&d->tmp, '\t'); continue;
        case 'u': break;
        default: fail(d, "Invalid \\escape", q);
        }
        long u = hex4(d, p);
        if (u < 0) {
            fail(d, "Invalid \\uXXXX escape", q + 1);
        }
        p += 4;
        if (u >= 0xD800 && u <= 0xDBFF && d->len - p >= 2 && s[p] == '\\' && s[p + 1] == 'u') {
            long lo = hex4(d, p + 2);
            if (lo < 0) {
                fail(d, "Invalid \\uXXXX escape", p + 1);
            }
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            /* str is UTF-8 here and cannot hold a lone surrogate */
            fail(d, "Lone surrogate \\uXXXX escape (not representable)", q + 1);
        }
        px_strbuf_add_utf8(&d->tmp, (uint32_t)u);
    }
}

/* ---- numbers */

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* A number at d->pos; false if there is none (not even a '-' followed by
 * a digit). */
static bool parse_number(decoder *d, px_val *out) {
    const char *s = d->s;
    size_t start = d->pos, p = start, n = d->len;
    if (p < n && s[p] == '-') {
        p++;
    }
    if (p >= n || !is_digit(s[p])) {
        return false;
    }
    if (s[p] == '0') {
        p++;
    } else {
        while (p < n && is_digit(s[p])) {
            p++;
        }
    }
    bool is_float = false;
    if (p + 1 < n && s[p] == '.' && is_digit(s[p + 1])) {
        is_float = true;
        p += 2;
        while (p < n && is_digit(s[p])) {
            p++;
        }
    }
    if (p < n && (s[p] == 'e' || s[p] == 'E')) {
        size_t q = p + 1;
        if (q < n && (s[q] == '+' || s[q] == '-')) {
            q++;
        }
        if (q < n && is_digit(s[q])) {
            is_float = true;
            p = q;
            while (p < n && is_digit(s[p])) {
                p++;
            }
        }
    }
    d->pos = p;
    size_t len = p - start;
    if (is_float) {
        if (d->parse_float != PX_NONE) {
            *out = px_call1(d->parse_float, px_str(s + start, len));
            return true;
        }
#if PX_HAS_FLOAT
        double v;
        px_float_parse_text(s + start, len, &v);
        *out = px_float(v);
        return true;
#else
        px_raise_value_error("JSON number %.*s: " PX_NO_FLOAT, (int)len, s + start);
#endif
    }
    if (d->parse_int != PX_NONE) {
        *out = px_call1(d->parse_int, px_str(s + start, len));
        return true;
    }
    if (len <= 15) { /* fits 64 bits (px_int is 32 bits in the -m32 build) */
        int64_t v = 0;
        for (size_t i = s[start] == '-' ? start + 1 : start; i < p; i++) {
            v = v * 10 + (s[i] - '0');
        }
        *out = px_int_from_i64(s[start] == '-' ? -v : v);
        return true;
    }
    *out = px_int_parse(s + start, len, 10);
    return true;
}

/* ---- values */

static px_val parse_value(decoder *d);

static px_val constant(decoder *d, const char *name, double v) {
    if (d->parse_constant != PX_NONE) {
        return px_call1(d->parse_constant, px_str_cstr(name));
    }
#if PX_HAS_FLOAT
    return px_float(v);
#else
    (void)v;
    px_raise_value_error("JSON constant %s: " PX_NO_FLOAT, name);
#endif
}

static px_val parse_array(decoder *d) {
    px_val list = px_list_new(0, NULL);
    d->pos++; /* '[' */
    skip_ws(d);
    if (d->pos < d->len && d->s[d->pos] == ']') {
        d->pos++;
        return list;
    }
    for (;;) {
        px_list_append(list, parse_value(d));
        skip_ws(d);
        if (d->pos < d->len && d->s[d->pos] == ',') {
            d->pos++;
            continue;
        }
        if (d->pos < d->len && d->s[d->pos] == ']') {
            d->pos++;
            return list;
        }
        fail(d, "Expecting ',' delimiter", d->pos);
    }
}

static px_val parse_object(decoder *d) {
    bool pairs = d->pairs_hook != PX_NONE;
    px_val obj = pairs ? px_list_new(0, NULL) : px_dict_new(0);
    d->pos++; /* '{' */
    skip_ws(d);
    if (d->pos < d->len && d->s[d->pos] == '}') {
        d->pos++;
    } else {
        for (;;) {
            if (d->pos >= d->len || d->s[d->pos] != '"') {
                fail(d, "Expecting property name enclosed in double quotes", d->pos);
            }
            px_val key = parse_string(d, true);
            skip_ws(d);
            if (d->pos >= d->len || d->s[d->pos] != ':') {
                fail(d, "Expecting ':' delimiter", d->pos);
            }
            d->pos++;
            px_val value = parse_value(d);
            if (pairs) {
                px_val kv[2] = {key, value};
                px_list_append(obj, px_tuple_new(2, kv));
            } else {
                px_dict_set(obj, key, value);
            }
            skip_ws(d);
            if (d->pos < d->len && d->s[d->pos] == ',') {
                d->pos++;
                skip_ws(d);
                continue;
            }
            if (d->pos < d->len && d->s[d->pos] == '}') {
                d->pos++;
                break;
            }
            fail(d, "Expecting ',' delimiter", d->pos);
        }
    }
    if (pairs) {
        return px_call1(d->pairs_hook, obj);
    }
    if (d->object_hook != PX_NONE) {
        return px_call1(d->object_hook, obj);
    }
    return obj;
}

/* A value after optional whitespace. */
static px_val parse_value(decoder *d) {
    px_check_stack(" while decoding a JSON document");
    skip_ws(d);
    if (d->pos >= d->len) {
        fail(d, "Expecting value", d->pos);
    }
    px_val v;
    switch (d->s[d->pos]) {
    case '"':
        return parse_string(d, false);
    case '[':
        return parse_array(d);
    case '{':
        return parse_object(d);
    case 't':
        if (at_word(d, "true", 4)) {
            d->pos += 4;
            return PX_TRUE;
        }
        break;
    case 'f':
        if (at_word(d, "false", 5)) {
            d->pos += 5;
            return PX_FALSE;
        }
        break;
    case 'n':
        if (at_word(d, "null", 4)) {
            d->pos += 4;
            return PX_NONE;
        }
        break;
    case 'N':
        if (at_word(d, "NaN", 3)) {
            d->pos += 3;
            return constant(d, "NaN", NAN);
        }
        break;
    case 'I':
        if (at_word(d, "Infinity", 8)) {
            d->pos += 8;
            return constant(d, "Infinity", HUGE_VAL);
        }
        break;
    case '-':
        if (at_word(d, "-Infinity", 9)) {
            d->pos += 9;
            return constant(d, "-Infinity", -HUGE_VAL);
        }
        /* fall through */
    default:
        if (parse_number(d, &v)) {
            return v;
        }
        break;
    }
    fail(d, "Expecting value", d->pos);
}

/* ---- the functions */

static px_val decode_text(px_val text, px_val *opts) {
    decoder *d = px_gc_alloc(sizeof *d, 0); /* holds the key cache: on the heap, scanned */
    bool is_bytes = false;
    if (px_is_str(text)) {
        d->s = px_str_data(text, &d->len);
    } else if (px_is_bytes(text) || px_isinstance(text, &px_type_bytearray)) {
        d->s = (const char *)px_bytes_arg(text, &d->len);
        is_bytes = true;
    } else {
        px_raise_type_error("the JSON object must be str, bytes or bytearray, not %s", px_type_name(text));
    }
    if (d->len >= 3 && memcmp(d->s, "\xEF\xBB\xBF", 3) == 0) {
        if (!is_bytes) {
            px_raise_value_error("Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
        }
        d->s += 3; /* bytes: decoded as utf-8-sig */
        d->len -= 3;
    }
    if (is_bytes) {
        size_t bad, skip;
        const char *why;
        if (!px_utf8_check(d->s, d->len, &bad, &skip, &why)) {
            px_raise_msg(&px_type_UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                         (uint8_t)d->s[bad], bad, why);
        }
    }
    d->strict = px_truthy(opts[0]);
    d->object_hook = opts[1];
    d->pairs_hook = opts[2];
    d->parse_float = opts[3];
    d->parse_int = opts[4];
    d->parse_constant = opts[5];
    px_strbuf_init(&d->tmp, 64);
    px_val v = parse_value(d);
    skip_ws(d);
    if (d->pos != d->len) {
        fail(d, "Extra data", d->pos);
    }
    return v;
}

#define DECODE_OPTIONS                                                                                         \
    {PX_Q(strict), PX_ARG_KWONLY, PX_TRUE}, {PX_Q(object_hook), PX_ARG_KWONLY, PX_NONE},                       \
        {PX_Q(object_pairs_hook), PX_ARG_KWONLY, PX_NONE}, {PX_Q(parse_float), PX_ARG_KWONLY, PX_NONE},        \
        {PX_Q(parse_int), PX_ARG_KWONLY, PX_NONE}, {PX_Q(parse_constant), PX_ARG_KWONLY, PX_NONE}

static px_val json_loads(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(s), PX_ARG_REQUIRED, PX_NONE}, DECODE_OPTIONS};
    px_val a[7];
    px_parse_args(PX_Q(loads), argc, argv, kwnames, 7, spec, a);
    return decode_text(a[0], a + 1);
}
static PX_FUNKW(json_loads_obj, loads, 1, 1, json_loads);

/* The whole stream is read, then parsed ("until end-of-file"). */
static px_val json_load(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(fp), PX_ARG_REQUIRED, PX_NONE}, DECODE_OPTIONS};
    px_val a[7];
    px_parse_args(PX_Q(load), argc, argv, kwnames, 7, spec, a);
    return decode_text(px_call_method(a[0], PX_Q(read), 0, NULL), a + 1);
}
static PX_FUNKW(json_load_obj, load, 1, 1, json_load);

static const px_map_entry json_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(json))),
    PX_ENTRY_OBJ(dump, &px_json_dump_obj),
    PX_ENTRY_OBJ(dumps, &px_json_dumps_obj),
    PX_ENTRY_OBJ(load, &json_load_obj),
    PX_ENTRY_OBJ(loads, &json_loads_obj),
};
static PX_CONST_MAP(json_globals, json_table);
PX_MODULE_DEF(json, json_globals, PX_MODULE_EXTENSIBLE, NULL);
