/* json.dumps / json.dump: Python values to JSON text, with CPython's
 * choices (ensure_ascii by default, NaN/Infinity unless allow_nan=False,
 * int/float/bool/None keys turned into strings, "Circular reference
 * detected" for a container inside itself). The whole document is built
 * in one buffer; dump() then writes it with one call of the stream's
 * write(). */
#include <math.h>

#include "json.h"
#include "objects/str_impl.h"

/* Containers this deep or shallower are looked up by scanning the stack
 * of open containers; deeper ones also go into an identity map, so very
 * deep documents stay linear. */
#define SHALLOW 32

typedef struct {
    px_strbuf out;
    const char *item_sep, *key_sep, *indent;
    size_t item_len, key_len, indent_len;
    bool has_indent, ensure_ascii, allow_nan, sort_keys, skipkeys;
    px_val default_fn; /* PX_NONE if not given */
    px_val *open;      /* the containers being encoded, outermost first */
    size_t depth, cap;
    size_t level; /* nesting of arrays and objects (the indentation) */
    px_map deep; /* identity keys of open[SHALLOW..depth) */
} encoder;

static void put(encoder *e, const char *s, size_t n) {
    px_strbuf_add(&e->out, s, n);
}

static void put_newline_indent(encoder *e) {
    if (!e->has_indent) {
        return;
    }
    size_t n = e->indent_len * e->level;
    char *p = px_strbuf_extend(&e->out, n + 1);
    *p++ = '\n';
    for (size_t i = 0; i < e->level; i++, p += e->indent_len) {
        memcpy(p, e->indent, e->indent_len);
    }
}

/* ---- strings */

static const char hexdig[] = "0123456789abcdef";

static void put_u_escape(encoder *e, uint32_t u) {
    char *p = px_strbuf_extend(&e->out, 6);
    p[0] = '\\';
    p[1] = 'u';
    p[2] = hexdig[(u >> 12) & 15];
    p[3] = hexdig[(u >> 8) & 15];
    p[4] = hexdig[(u >> 4) & 15];
    p[5] = hexdig[u & 15];
}

/* Bytes that need an escape whatever ensure_ascii says: '"', '\\' and the
 * C0 controls. With ensure_ascii, DEL and everything beyond ASCII too. */
static bool plain_byte(uint8_t c, bool ascii) {
    return c >= 0x20 && c != '"' && c != '\\' && (!ascii || c < 0x7F);
}

static void put_string(encoder *e, const char *s, size_t n) {
    const char *end = s + n;
    px_strbuf_add_char(&e->out, '"');
    while (s < end) {
        const char *run = s;
        while (s < end && plain_byte((uint8_t)*s, e->ensure_ascii)) {
            s++;
        }
        put(e, run, (size_t)(s - run));
        if (s == end) {
            break;
        }
        uint8_t c = (uint8_t)*s;
        const char *esc = NULL;
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default: break;
        }
        if (esc != NULL) {
            put(e, esc, 2);
            s++;
        } else if (c < 0x80) {
            put_u_escape(e, c);
            s++;
        } else {
            uint32_t cp = px_utf8_next(&s, end);
            if (cp >= 0x10000) { /* as a UTF-16 surrogate pair */
                cp -= 0x10000;
                put_u_escape(e, 0xD800 | (cp >> 10));
                put_u_escape(e, 0xDC00 | (cp & 0x3FF));
            } else {
                put_u_escape(e, cp);
            }
        }
    }
    px_strbuf_add_char(&e->out, '"');
}

/* ---- numbers */

static void put_int(encoder *e, px_val v) {
    if (px_is_small(v)) {
        char buf[24], *p = buf + sizeof buf;
        px_int i = px_small_get(v);
        uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (i < 0) {
            *--p = '-';
        }
        put(e, p, (size_t)(buf + sizeof buf - p));
        return;
    }
    size_t n;
    const char *s = px_str_data(px_int_format(v, 10, false), &n);
    put(e, s, n);
}

#if PX_HAS_FLOAT
static void put_float(encoder *e, double d) {
    const char *special = NULL;
    if (d != d) {
        special = "NaN";
    } else if (d == HUGE_VAL) {
        special = "Infinity";
    } else if (d == -HUGE_VAL) {
        special = "-Infinity";
    }
    if (special != NULL) {
        if (!e->allow_nan) {
            px_raise_value_error("Out of range float values are not JSON compliant");
        }
        put(e, special, strlen(special));
        return;
    }
    char buf[40];
    size_t n = px_float_repr(buf, sizeof buf, d);
    put(e, buf, n);
}
#endif

/* ---- containers */

static px_val identity_key(px_val v) {
    return px_int_from_u64((uintptr_t)px_as_ptr(v));
}

static void enter(encoder *e, px_val c) {
    px_check_stack(" while encoding a JSON object");
    size_t shallow = e->depth < SHALLOW ? e->depth : SHALLOW;
    for (size_t i = 0; i < shallow; i++) {
        if (e->open[i] == c) {
            px_raise_value_error("Circular reference detected");
        }
    }
    if (e->depth >= SHALLOW) {
        px_val key = identity_key(c);
        if (px_map_get(&e->deep, key) != PX_NULL) {
            px_raise_value_error("Circular reference detected");
        }
        px_map_set(&e->deep, key, PX_TRUE);
    }
    if (e->depth == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 16;
        e->open = px_gc_realloc(e->open, e->cap * sizeof(px_val), 0);
    }
    e->open[e->depth++] = c;
}

static void leave(encoder *e) {
    px_val c = e->open[--e->depth];
    if (e->depth >= SHALLOW) {
        px_map_pop(&e->deep, identity_key(c));
    }
}

static void encode(encoder *e, px_val v);

/* seq is the native list or tuple inside v. */
static void encode_list(encoder *e, px_val v, px_val seq) {
    size_t n;
    px_val *items = px_seq_items(seq, &n);
    if (n == 0) {
        put(e, "[]", 2);
        return;
    }
    enter(e, v);
    e->level++;
    px_strbuf_add_char(&e->out, '[');
    put_newline_indent(e);
    for (size_t i = 0;; i++) {
        encode(e, items[i]);
        items = px_seq_items(seq, &n); /* default() may have changed a list */
        if (i + 1 >= n) {
            break;
        }
        put(e, e->item_sep, e->item_len);
        put_newline_indent(e);
    }
    leave(e);
    e->level--;
    put_newline_indent(e);
    px_strbuf_add_char(&e->out, ']');
}

/* A key as JSON text, or false to skip it (skipkeys). */
static bool encode_key(encoder *e, px_val k) {
    size_t n;
    const char *s = px_str_get(k, &n);
    if (s != NULL) {
        put_string(e, s, n);
    } else if (k == PX_TRUE || k == PX_FALSE || k == PX_NONE) {
        put(e, k == PX_TRUE ? "\"true\"" : k == PX_FALSE ? "\"false\"" : "\"null\"", k == PX_FALSE ? 7 : 6);
    } else if (px_is_int(k)) {
        px_strbuf_add_char(&e->out, '"');
        put_int(e, px_native(k, &px_type_int));
        px_strbuf_add_char(&e->out, '"');
#if PX_HAS_FLOAT
    } else if (px_isinstance(k, &px_type_float)) {
        px_strbuf_add_char(&e->out, '"');
        put_float(e, px_float_get(px_native(k, &px_type_float)));
        px_strbuf_add_char(&e->out, '"');
#endif
    } else if (e->skipkeys) {
        return false;
    } else {
        px_raise_type_error("keys must be str, int, float, bool or None, not %s", px_type_name(k));
    }
    return true;
}

static void encode_dict(encoder *e, px_val v) {
    px_val d = px_native(v, &px_type_dict);
    px_map *m = px_dict_map(d);
    if (m->count == 0) {
        put(e, "{}", 2);
        return;
    }
    enter(e, v);
    e->level++;
    px_strbuf_add_char(&e->out, '{');
    put_newline_indent(e);
    bool first = true;
    size_t sep_at = 0; /* where a separator was written before a skipped key */
    if (e->sort_keys) {
        px_val keys = px_list_new(0, NULL);
        size_t pos = 0;
        for (px_map_entry *en = px_map_next(m, &pos); en != NULL; en = px_map_next(m, &pos)) {
            px_list_append(keys, en->key);
        }
        px_list_sort(keys, PX_NONE, false);
        px_list *kl = px_list_ptr(keys);
        for (size_t i = 0; i < kl->len; i++) {
            px_val k = kl->items[i];
            if (!first) {
                sep_at = e->out.len;
                put(e, e->item_sep, e->item_len);
                put_newline_indent(e);
            }
            if (!encode_key(e, k)) {
                if (!first) {
                    e->out.len = sep_at;
                }
                continue;
            }
            first = false;
            put(e, e->key_sep, e->key_len);
            encode(e, px_dict_get(d, k));
        }
    } else {
        size_t pos = 0;
        for (px_map_entry *en = px_map_next(m, &pos); en != NULL; en = px_map_next(m, &pos)) {
            px_val k = en->key, val = en->value;
            if (!first) {
                sep_at = e->out.len;
                put(e, e->item_sep, e->item_len);
                put_newline_indent(e);
            }
            if (!encode_key(e, k)) {
                if (!first) {
                    e->out.len = sep_at;
                }
                continue;
            }
            first = false;
            put(e, e->key_sep, e->key_len);
            encode(e, val);
        }
    }
    leave(e);
    e->level--;
    put_newline_indent(e); /* even when every key was skipped, as CPython */
    px_strbuf_add_char(&e->out, '}');
}

static void encode(encoder *e, px_val v) {
    size_t n;
    const char *s;
    if (v == PX_NONE) {
        put(e, "null", 4);
    } else if (v == PX_TRUE) {
        put(e, "true", 4);
    } else if (v == PX_FALSE) {
        put(e, "false", 5);
    } else if ((s = px_str_get(v, &n)) != NULL) {
        put_string(e, s, n);
    } else if (px_is_small(v)) {
        put_int(e, v);
#if PX_HAS_FLOAT
    } else if (px_is_float(v)) {
        put_float(e, px_float_get(v));
#endif
    } else if (px_isinstance(v, &px_type_list)) {
        encode_list(e, v, px_native(v, &px_type_list));
    } else if (px_isinstance(v, &px_type_tuple)) {
        encode_list(e, v, px_native(v, &px_type_tuple));
    } else if (px_isinstance(v, &px_type_dict)) {
        encode_dict(e, v);
    } else if (px_is_int(v)) {
        put_int(e, px_native(v, &px_type_int));
#if PX_HAS_FLOAT
    } else if (px_isinstance(v, &px_type_float)) {
        put_float(e, px_float_get(px_native(v, &px_type_float)));
#endif
    } else if (e->default_fn != PX_NONE) {
        enter(e, v); /* default() returning its own argument is a cycle */
        px_val r = px_call1(e->default_fn, v);
        encode(e, r);
        leave(e);
    } else {
        px_raise_type_error("Object of type %s is not JSON serializable", px_type_name(v));
    }
}

/* ---- the functions */

static const char *sep_arg(px_val v, size_t *n) {
    if (!px_is_str(v)) {
        px_raise_type_error("separators must be str, not %s", px_type_name(v));
    }
    return px_str_data(v, n);
}

enum { A_OBJ, A_FP, A_SEPARATORS, A_INDENT, A_SORT_KEYS, A_ENSURE_ASCII, A_ALLOW_NAN, A_SKIPKEYS, A_DEFAULT,
       A_CHECK_CIRCULAR, A_COUNT };

/* The options of dump and dumps (they differ only in the fp argument). */
static px_val encode_with_options(px_val *a) {
    encoder e;
    memset(&e, 0, sizeof e);
    px_strbuf_init(&e.out, 256);
    e.has_indent = a[A_INDENT] != PX_NONE;
    if (e.has_indent) {
        if (px_is_str(a[A_INDENT])) {
            e.indent = px_str_data(a[A_INDENT], &e.indent_len);
        } else {
            px_int k = px_index(a[A_INDENT]);
            e.indent_len = k > 0 ? (size_t)k : 0;
            char *sp = px_gc_alloc(e.indent_len + 1, PX_GC_LEAF);
            memset(sp, ' ', e.indent_len);
            e.indent = sp;
        }
    }
    if (a[A_SEPARATORS] != PX_NONE) {
        px_val two[2];
        px_unpack_sequence(a[A_SEPARATORS], 2, two);
        e.item_sep = sep_arg(two[0], &e.item_len);
        e.key_sep = sep_arg(two[1], &e.key_len);
    } else {
        e.item_sep = e.has_indent ? "," : ", "; /* no trailing spaces in indented output */
        e.item_len = strlen(e.item_sep);
        e.key_sep = ": ";
        e.key_len = 2;
    }
    e.sort_keys = px_truthy(a[A_SORT_KEYS]);
    e.ensure_ascii = px_truthy(a[A_ENSURE_ASCII]);
    e.allow_nan = px_truthy(a[A_ALLOW_NAN]);
    e.skipkeys = px_truthy(a[A_SKIPKEYS]);
    e.default_fn = a[A_DEFAULT];
    px_map_init(&e.deep, 0);
    encode(&e, a[A_OBJ]);
    return px_strbuf_to_str(&e.out);
}

/* obj, fp (dump only), then MicroPython's positional separators; the
 * rest are CPython's keyword-only options. */
#define OPTION_SPECS                                                                                        \
    {PX_Q(separators), 0, PX_NONE}, {PX_Q(indent), PX_ARG_KWONLY, PX_NONE},                                 \
        {PX_Q(sort_keys), PX_ARG_KWONLY, PX_FALSE}, {PX_Q(ensure_ascii), PX_ARG_KWONLY, PX_TRUE},           \
        {PX_Q(allow_nan), PX_ARG_KWONLY, PX_TRUE}, {PX_Q(skipkeys), PX_ARG_KWONLY, PX_FALSE},               \
        {PX_Q(default), PX_ARG_KWONLY, PX_NONE}, {PX_Q(check_circular), PX_ARG_KWONLY, PX_TRUE}

static px_val json_dumps(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(obj), PX_ARG_REQUIRED, PX_NONE}, OPTION_SPECS};
    px_val a[A_COUNT];
    px_parse_args(PX_Q(dumps), argc, argv, kwnames, A_COUNT - 1, spec, a + 1);
    a[A_OBJ] = a[1];
    a[A_FP] = PX_NONE;
    return encode_with_options(a);
}
PX_FUNKW(px_json_dumps_obj, dumps, 1, 2, json_dumps);

static px_val json_dump(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(obj), PX_ARG_REQUIRED, PX_NONE}, {PX_Q(fp), PX_ARG_REQUIRED, PX_NONE}, OPTION_SPECS};
    px_val a[A_COUNT];
    px_parse_args(PX_Q(dump), argc, argv, kwnames, A_COUNT, spec, a);
    px_val text = encode_with_options(a);
    px_call_method(a[A_FP], PX_Q(write), 1, &text);
    return PX_NONE;
}
PX_FUNKW(px_json_dump_obj, dump, 2, 3, json_dump);
