/* The str type: values, construction, hashing, comparison, indexing and
 * slicing by code point, iteration, repr, and the operators. A str is an
 * interned name (qstr) or a heap px_strobj holding UTF-8. */
#include "str_impl.h"
#include "contutil.h"

/* ---- construction */

px_strobj *px_strobj_alloc(const px_type *t, size_t len) {
    if (len > SIZE_MAX - sizeof(px_strobj) - 1) {
        px_raise_memory_error();
    }
    px_strobj *s = px_gc_alloc(sizeof(px_strobj) + len + 1, PX_GC_LEAF);
    s->base.type = t;
    s->len = len;
    return s;
}

px_val px_str_finish(px_strobj *s) {
    if (s->len <= 1) {
        return px_str_interned(s->data, s->len);
    }
    s->charlen = px_utf8_count(s->data, s->len);
    return px_from_ptr(s);
}

px_val px_str_finish_n(px_strobj *s, size_t charlen) {
    if (s->len <= 1) {
        return px_str_interned(s->data, s->len);
    }
    s->charlen = charlen;
    return px_from_ptr(s);
}

px_val px_str_n(const char *p, size_t len, size_t charlen) {
    if (len <= 1) {
        return px_str_interned(p, len);
    }
    px_strobj *o = px_strobj_alloc(&px_type_str, len);
    memcpy(o->data, p, len);
    o->charlen = charlen;
    return px_from_ptr(o);
}

px_val px_str(const char *s, size_t len) {
    if (len <= 1) {
        return px_str_interned(s, len);
    }
    px_strobj *o = px_strobj_alloc(&px_type_str, len);
    memcpy(o->data, s, len);
    return px_str_finish(o);
}

px_val px_str_cstr(const char *s) {
    return px_str(s, strlen(s));
}

px_val px_str_interned(const char *s, size_t len) {
    if (len == 0) {
        return px_qstr(PX_Q(empty));
    }
    if (len == 1 && (uint8_t)s[0] < 0x80) {
        return px_str_from_cp((uint8_t)s[0]);
    }
    px_qid q = px_qstr_find(s, len);
    if (q != PX_QID_NONE) {
        return px_qstr(q);
    }
    /* Only short or name-like text is worth a permanent name. */
    if (len <= 32) {
        return px_qstr(px_qstr_intern(s, len));
    }
    px_strobj *o = px_strobj_alloc(&px_type_str, len);
    memcpy(o->data, s, len);
    o->charlen = px_utf8_count(s, len);
    return px_from_ptr(o);
}

bool px_is_str(px_val v) {
    return px_is_qstr(v) || px_is_type(v, &px_type_str);
}

const char *px_str_get_other(px_val v, size_t *len) {
    if (!px_is_obj(v)) {
        return NULL;
    }
    const px_type *t = px_type_of(v);
    if ((t->flags & PX_TF_HEAPTYPE) && px_isinstance(v, &px_type_str)) {
        px_val n = px_native(v, &px_type_str);
        if (n != v && px_is_str(n)) {
            return px_str_get(n, len);
        }
    }
    return NULL;
}

const char *px_str_data(px_val v, size_t *len) {
    const char *s = px_str_get(v, len);
    if (s == NULL) {
        px_raise_type_error("must be str, not %s", px_type_name(v));
    }
    return s;
}

size_t px_str_charlen(px_val v) {
    if (px_is_type(v, &px_type_str)) {
        return ((px_strobj *)px_as_ptr(v))->charlen;
    }
    size_t len;
    const char *s = px_str_data(v, &len);
    return px_utf8_count(s, len);
}

uint32_t px_str_hash(px_val v) {
    if (px_is_qstr(v)) {
        return px_qstr_hash(px_qstr_get(v));
    }
    if (px_is_type(v, &px_type_str)) {
        px_strobj *s = px_as_ptr(v);
        if (s->hash == 0) {
            s->hash = px_hash_bytes(s->data, s->len);
        }
        return s->hash;
    }
    size_t len;
    const char *s = px_str_data(v, &len);
    return px_hash_bytes(s, len);
}

bool px_str_equal(px_val a, px_val b) {
    if (a == b) {
        return true;
    }
    if (px_is_qstr(a) && px_is_qstr(b)) {
        return false; /* names are unique */
    }
    size_t la, lb;
    const char *sa = px_str_data(a, &la);
    const char *sb = px_str_data(b, &lb);
    return la == lb && memcmp(sa, sb, la) == 0;
}

px_qid px_str_to_qid(px_val v) {
    if (px_is_qstr(v)) {
        return px_qstr_get(v);
    }
    size_t len;
    const char *s = px_str_data(v, &len);
    return px_qstr_intern(s, len);
}

px_val px_str_concat(px_val a, px_val b) {
    size_t la, lb;
    const char *sa = px_str_data(a, &la);
    const char *sb = px_str_data(b, &lb);
    if (la == 0) {
        return px_is_str(b) ? b : px_str(sb, lb);
    }
    if (lb == 0) {
        return px_is_str(a) ? a : px_str(sa, la);
    }
    px_strobj *o = px_strobj_alloc(&px_type_str, la + lb);
    px_text_copy(o->data, sa, la);
    px_text_copy(o->data + la, sb, lb);
    return px_str_finish_n(o, px_str_cps(a, sa, la) + px_str_cps(b, sb, lb));
}

/* Ownership. A str or bytes made by px_text_iadd is owned by the local
 * variable it is stored in: the VM reads such a variable (the target of
 * `x += ...`) only with LOAD_FAST_ESC, which disowns the value, except for
 * the read that feeds INPLACE_ADD_FAST itself; locals() and super()
 * disown what they read. So while owned, nothing else can see the object,
 * and appending to it in place is invisible: a loop of `x += piece` costs
 * amortised O(total length) instead of copying x every time.
 * Invariants: owned == 0 (every other str/bytes, including any in
 * read-only memory, which is therefore never written) or owned >= len,
 * the usable room of data[] (the block has owned + 1 bytes). */
void px_text_disown(px_val v) {
    if (px_is_obj(v)) {
        px_strobj *o = px_as_ptr(v);
        if ((o->base.type == &px_type_str || o->base.type == &px_type_bytes) && o->owned != 0) {
            o->owned = 0;
        }
    }
}

px_val px_text_iadd(px_val lhs, px_val rhs) {
    const px_type *t = px_type_of(lhs);
    if ((t != &px_type_str && t != &px_type_bytes) || px_type_of(rhs) != t) {
        return PX_NULL;
    }
    size_t la, lb;
    const char *sa, *sb;
    if (t == &px_type_str) {
        sa = px_str_get(lhs, &la);
        sb = px_str_get(rhs, &lb);
    } else {
        const px_strobj *a = px_as_ptr(lhs), *b = px_as_ptr(rhs);
        sa = a->data, la = a->len;
        sb = b->data, lb = b->len;
    }
    if (lb == 0) {
        return lhs;
    }
    size_t total = la + lb;
    if (total <= 1 || total >= UINT32_MAX / 2) {
        return PX_NULL; /* interned single characters; huge ones copy */
    }
    size_t extra = t == &px_type_str ? px_str_charlen(rhs) : 0;
    size_t cap = total;
    if (px_is_obj(lhs)) {
        px_strobj *o = px_as_ptr(lhs);
        if (o->owned >= total) {
            memcpy(o->data + la, sb, lb);
            o->data[total] = 0;
            o->len = total;
            o->charlen += extra;
            o->hash = 0;
            return lhs;
        }
        if (o->owned != 0) {
            /* a second append to the same variable: from now on leave room,
             * doubling, so that a loop of them is linear. A variable that
             * is read between appends stays exact-sized. */
            cap = total < 16 ? 32 : total * 2;
        }
    }
    size_t base = t == &px_type_str ? px_str_charlen(lhs) : 0;
    px_strobj *n = px_strobj_alloc(t, cap);
    memcpy(n->data, sa, la);
    memcpy(n->data + la, sb, lb);
    n->data[total] = 0;
    n->len = total;
    n->charlen = base + extra;
    n->owned = (uint32_t)cap;
    return px_from_ptr(n);
}

px_val px_str_join_array(size_t n, const px_val *parts) {
    size_t total = 0, cps = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l;
        const char *s = px_str_data(parts[i], &l);
        total += l;
        cps += px_str_cps(parts[i], s, l);
    }
    px_strobj *o = px_strobj_alloc(&px_type_str, total);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l;
        const char *s = px_str_get(parts[i], &l);
        px_text_copy(o->data + at, s, l);
        at += l;
    }
    return px_str_finish_n(o, cps);
}

static const char hexdig[] = "0123456789abcdef";

/* ---- str(), repr(), ascii() of any value */

px_val px_to_str(px_val v) {
    if (px_is_str(v)) {
        return v;
    }
    if (px_is_small(v)) {
        char buf[24];
        return px_str(buf, px_int_dec(px_small_get(v), buf));
    }
    px_strbuf b;
    px_strbuf_init(&b, 32);
    px_out out = px_strbuf_out(&b);
    px_print(&out, v, PX_PRINT_STR);
    return px_strbuf_to_str(&b);
}

px_val px_to_repr(px_val v) {
    px_strbuf b;
    px_strbuf_init(&b, 32);
    px_out out = px_strbuf_out(&b);
    px_print(&out, v, PX_PRINT_REPR);
    return px_strbuf_to_str(&b);
}

px_val px_to_ascii(px_val v) {
    px_val r = px_to_repr(v);
    size_t len;
    const char *s = px_str_data(r, &len);
    size_t i = 0;
    while (i < len && (uint8_t)s[i] < 0x80) {
        i++;
    }
    if (i == len) {
        return r;
    }
    /* Escape the non-ASCII code points of the repr as \x, \u or \U. */
    px_strbuf b;
    px_strbuf_init(&b, len + 16);
    const char *p = s, *end = s + len;
    while (p < end) {
        if ((uint8_t)*p < 0x80) {
            px_strbuf_add_char(&b, *p++);
            continue;
        }
        uint32_t c = px_utf8_next(&p, end);
        int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
        px_strbuf_add_char(&b, '\\');
        px_strbuf_add_char(&b, digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
        for (int k = digits - 1; k >= 0; k--) {
            px_strbuf_add_char(&b, hexdig[(c >> (4 * k)) & 15]);
        }
    }
    return px_strbuf_to_str(&b);
}

static px_val builtin_ascii(px_val v) {
    return px_to_ascii(v);
}
PX_FUN1(px_builtin_ascii, ascii, builtin_ascii);


void px_str_repr_out(px_out *out, const char *s, size_t len, bool ascii_only) {
    bool has_sq = memchr(s, '\'', len) != NULL;
    bool has_dq = memchr(s, '"', len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    px_write(out, &q, 1);
    const char *p = s, *end = s + len;
    const char *run = p; /* start of bytes to copy verbatim */
    while (p < end) {
        uint8_t c = (uint8_t)*p;
        char esc[12];
        size_t n = 0;
        const char *next = p + 1;
        if (c < 0x80) {
            if (c == (uint8_t)q || c == '\\') {
                esc[0] = '\\';
                esc[1] = (char)c;
                n = 2;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                esc[0] = '\\';
                esc[1] = c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
                n = 2;
            } else if (c < 0x20 || c == 0x7F) {
                memcpy(esc, "\\x", 2);
                esc[2] = hexdig[c >> 4];
                esc[3] = hexdig[c & 15];
                n = 4;
            }
        } else {
            const char *q2 = p;
            uint32_t cp = px_utf8_next(&q2, end);
            next = q2;
            if (ascii_only || !px_unicode_printable(cp)) {
                int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
                esc[0] = '\\';
                esc[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
                for (int k = 0; k < digits; k++) {
                    esc[2 + k] = hexdig[(cp >> (4 * (digits - 1 - k))) & 15];
                }
                n = 2 + (size_t)digits;
            }
        }
        if (n) {
            px_write(out, run, (size_t)(p - run));
            px_write(out, esc, n);
            run = next;
        }
        p = next;
    }
    px_write(out, run, (size_t)(p - run));
    px_write(out, &q, 1);
}

static void str_print(px_out *out, px_val self, px_print_kind kind) {
    size_t len;
    const char *s = px_str_data(self, &len);
    if (kind == PX_PRINT_STR) {
        px_write(out, s, len);
    } else {
        px_str_repr_out(out, s, len, false);
    }
}

/* ---- indexing and slicing by code point */

/* Code point -> byte offset in a non-ASCII heap str. Walking UTF-8 from
 * the start made s[i] in a loop quadratic; a few cursors remember the last
 * position reached in recently indexed strings, and the walk starts from
 * there (forwards or backwards) when that is nearer. The table is a GC
 * root, so a remembered str stays alive and its address is never reused
 * for another while it is here. The bytes of a str below its length never
 * change: an owned str only grows at its end, and is disowned before
 * anything can index it. */
enum { STR_CURSORS = 4 };
static struct {
    const px_strobj *str;
    size_t cp;   /* code point index */
    size_t byte; /* its byte offset */
} cursors[STR_CURSORS];
static unsigned cursor_next;
static bool cursors_rooted;

static size_t str_offset(const px_strobj *o, size_t i) {
    const char *s = o->data;
    size_t len = o->len;
    size_t cp = 0, off = 0;
    unsigned k;
    for (k = 0; k < STR_CURSORS && cursors[k].str != o; k++) {
    }
    if (k < STR_CURSORS) {
        size_t c = cursors[k].cp;
        if (i >= c || c - i < i) {
            cp = c;
            off = cursors[k].byte;
        }
    } else {
        if (!cursors_rooted) {
            px_gc_add_root(cursors, sizeof cursors);
            cursors_rooted = true;
        }
        k = cursor_next++ % STR_CURSORS;
        cursors[k].str = o;
    }
    if (i >= cp) {
        off += px_utf8_offset(s + off, len - off, i - cp);
    } else {
        for (; cp > i; cp--) { /* back over one code point */
            do {
                off--;
            } while (off > 0 && ((uint8_t)s[off] & 0xC0) == 0x80);
        }
    }
    cursors[k].cp = i;
    cursors[k].byte = off;
    return off;
}

/* Byte offset of code point i of a str (non-ASCII: through the cursors). */
static size_t cp_offset(px_val self, const char *s, size_t len, size_t i) {
    if (px_is_type(self, &px_type_str)) {
        return str_offset(px_as_ptr(self), i);
    }
    return px_utf8_offset(s, len, i);
}

px_val px_str_item(px_val self, px_int i) {
    const px_strobj *o = px_as_ptr(self);
    if (i < 0) {
        i += (px_int)o->charlen;
    }
    if (i < 0 || (size_t)i >= o->charlen) {
        return PX_NULL;
    }
    if (o->charlen == o->len) {
        return px_str_from_cp((uint8_t)o->data[i]);
    }
    const char *p = o->data + str_offset(o, (size_t)i);
    return px_str_from_cp(px_utf8_next(&p, o->data + o->len));
}

/* A step-1 slice bound resolved against len, as px_slice_indices does. */
static size_t ascii_bound(px_val v, size_t len, size_t dflt) {
    if (v == PX_NONE) {
        return dflt;
    }
    px_int i = px_small_get(v);
    if (i < 0) {
        i += (px_int)len;
        return i < 0 ? 0 : (size_t)i;
    }
    return (size_t)i > len ? len : (size_t)i;
}

px_val px_str_slice_ascii(px_val self, px_val a, px_val b) {
    const px_strobj *o = px_as_ptr(self);
    if (o->charlen != o->len) {
        return PX_NULL;
    }
    size_t start = ascii_bound(a, o->len, 0), stop = ascii_bound(b, o->len, o->len);
    if (stop <= start) {
        return px_qstr(PX_Q(empty));
    }
    return px_str_n(o->data + start, stop - start, stop - start);
}

static px_val str_index(px_val self, px_val index) {
    if (px_is_small(index) && px_is_type(self, &px_type_str)) { /* s[i]: the common case first */
        px_val r = px_str_item(self, px_small_get(index));
        if (r != PX_NULL) {
            return r;
        }
    }
    size_t len;
    const char *s = px_str_data(self, &len);
    size_t clen = px_str_charlen(self);
    if (px_is_slice(index)) {
        px_int start, stop, step;
        size_t count;
        px_slice_indices(index, clen, &start, &stop, &step, &count);
        if (count == 0) {
            return px_qstr(PX_Q(empty));
        }
        if (clen == len) { /* ASCII: bytes are code points */
            if (step == 1) {
                return px_str_n(s + start, count, count);
            }
            px_strobj *o = px_strobj_alloc(&px_type_str, count);
            for (size_t i = 0; i < count; i++) {
                o->data[i] = s[start + (px_int)i * step];
            }
            return px_str_finish_n(o, count);
        }
        if (step == 1) {
            size_t a = cp_offset(self, s, len, (size_t)start);
            size_t b = a + px_utf8_offset(s + a, len - a, count);
            return px_str(s + a, b - a);
        }
        /* General step: note each code point's offset, then pick. */
        size_t *offs = px_gc_alloc((clen + 1) * sizeof(size_t), PX_GC_LEAF);
        size_t k = 0;
        for (size_t i = 0; i < len; i++) {
            if (((uint8_t)s[i] & 0xC0) != 0x80) {
                offs[k++] = i;
            }
        }
        offs[clen] = len;
        px_strbuf b;
        px_strbuf_init(&b, count * 2);
        for (size_t i = 0; i < count; i++) {
            size_t ci = (size_t)(start + (px_int)i * step);
            px_strbuf_add(&b, s + offs[ci], offs[ci + 1] - offs[ci]);
        }
        px_gc_free(offs);
        return px_strbuf_to_str(&b);
    }
    if (!px_is_int(index) && !(px_type_of(index)->flags & PX_TF_HEAPTYPE)) {
        px_raise_type_error("string indices must be integers, not '%s'", px_type_name(index));
    }
    px_int i = px_seq_index_arg(index);
    if (i < 0) {
        i += (px_int)clen;
    }
    if (i < 0 || (size_t)i >= clen) {
        px_raise_index_error("string index out of range");
    }
    if (clen == len) {
        return px_str_from_cp((uint8_t)s[i]);
    }
    const char *p = s + cp_offset(self, s, len, (size_t)i);
    return px_str_from_cp(px_utf8_next(&p, s + len));
}

static px_val str_subscr(px_val self, px_val index, px_val value) {
    if (value != PX_NULL) {
        px_seq_refuse_store(index, value, "str");
    }
    return str_index(self, index);
}

/* ---- iteration */

typedef struct {
    px_obj base;
    px_val str;
    size_t pos; /* byte offset */
} str_iter_obj;

static px_val str_iter_next(px_val self) {
    str_iter_obj *it = px_as_ptr(self);
    size_t len;
    const char *s = px_str_data(it->str, &len);
    if (it->pos >= len) {
        return PX_NULL;
    }
    const char *p = s + it->pos;
    if ((uint8_t)*p < 0x80) {
        it->pos++;
        return px_str_from_cp((uint8_t)*p);
    }
    uint32_t c = px_utf8_next(&p, s + len);
    it->pos = (size_t)(p - s);
    return px_str_from_cp(c);
}

static px_val iter_self(px_val self) {
    return self;
}

static const px_type str_iterator_type = {
    .base = {&px_type_type},
    .name = PX_Q(str_iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = iter_self,
    .next = str_iter_next,
};

static px_val str_iter(px_val self) {
    str_iter_obj *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &str_iterator_type;
    it->str = self;
    return px_from_ptr(it);
}

/* ---- operators */

static px_val str_unop(px_unop op, px_val self) {
    switch (op) {
    case PX_UNOP_LEN:
        return px_small((px_int)px_str_charlen(self));
    case PX_UNOP_HASH:
        return px_small((px_int)(px_str_hash(self) & (uint32_t)PX_SMALL_MAX));
    case PX_UNOP_BOOL: {
        size_t len;
        px_str_data(self, &len);
        return px_bool(len != 0);
    }
    default:
        return PX_NOTIMPL;
    }
}

static int str_compare(const char *a, size_t la, const char *b, size_t lb) {
    int c = memcmp(a, b, la < lb ? la : lb);
    if (c != 0) {
        return c;
    }
    return la < lb ? -1 : la > lb;
}

static px_val str_repeat(px_val s, px_val n) {
    size_t len;
    const char *d = px_str_data(s, &len);
    int64_t k = px_cont_index(n);
    if (k <= 0 || len == 0) {
        return px_qstr(PX_Q(empty));
    }
    if ((uint64_t)k > (SIZE_MAX / 2) / len) {
        px_raise_overflow("repeated string is too long");
    }
    if (k == 1) {
        return s;
    }
    px_strobj *o = px_strobj_alloc(&px_type_str, len * (size_t)k);
    for (int64_t i = 0; i < k; i++) {
        memcpy(o->data + (size_t)i * len, d, len);
    }
    return px_str_finish(o);
}

static bool is_foreign_class(px_val v) {
    return (px_type_of(v)->flags & PX_TF_HEAPTYPE) != 0;
}

static px_val str_binop(px_binop op, px_val lhs, px_val rhs) {
    size_t la, lb;
    const char *a = px_str_get(lhs, &la);
    const char *b = px_str_get(rhs, &lb);
    switch (op) {
    case PX_BINOP_ADD:
    case PX_BINOP_IADD:
        if (a && b) {
            return px_str_concat(lhs, rhs);
        }
        if (a && !is_foreign_class(rhs)) {
            px_raise_type_error("can only concatenate str (not \"%s\") to str", px_type_name(rhs));
        }
        return PX_NOTIMPL;
    case PX_BINOP_MUL:
    case PX_BINOP_IMUL:
        if (a && px_cont_is_index(rhs)) {
            return str_repeat(lhs, rhs);
        }
        if (b && px_cont_is_index(lhs)) {
            return str_repeat(rhs, lhs);
        }
        if ((a && !is_foreign_class(rhs)) || (b && !a && !is_foreign_class(lhs))) {
            px_raise_type_error("can't multiply sequence by non-int of type '%s'", px_type_name(a ? rhs : lhs));
        }
        return PX_NOTIMPL;
    case PX_BINOP_MOD:
    case PX_BINOP_IMOD:
        /* like CPython, str % x formats even when x has __rmod__ (unless x's
           class subclasses str: the dispatcher asks it first) */
        if (a) {
            return px_str_modulo(lhs, rhs);
        }
        return PX_NOTIMPL;
    case PX_BINOP_EQ:
    case PX_BINOP_NE:
        if (a && b) {
            bool eq = la == lb && memcmp(a, b, la) == 0;
            return px_bool(op == PX_BINOP_EQ ? eq : !eq);
        }
        return PX_NOTIMPL;
    case PX_BINOP_LT:
    case PX_BINOP_LE:
    case PX_BINOP_GT:
    case PX_BINOP_GE: {
        if (!a || !b) {
            return PX_NOTIMPL;
        }
        int c = str_compare(a, la, b, lb);
        bool r = op == PX_BINOP_LT ? c < 0 : op == PX_BINOP_LE ? c <= 0 : op == PX_BINOP_GT ? c > 0 : c >= 0;
        return px_bool(r);
    }
    case PX_BINOP_CONTAINS:
        if (!b) {
            px_raise_type_error("'in <string>' requires string as left operand, not %s", px_type_name(rhs));
        }
        return px_bool(px_text_find(a, la, b, lb, 1) >= 0);
    default:
        return PX_NOTIMPL;
    }
}

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict') */
static px_val str_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(object), 0, PX_UNSET},
        {PX_Q(encoding), 0, PX_UNSET},
        {PX_Q(errors), 0, PX_UNSET},
    };
    px_val a[3];
    px_parse_args(PX_Q(str), argc, argv, kwnames, 3, spec, a);
    if (a[0] == PX_UNSET) {
        return px_qstr(PX_Q(empty));
    }
    if (a[1] == PX_UNSET && a[2] == PX_UNSET) {
        return px_to_str(a[0]);
    }
    if (px_str_get(a[0], &(size_t){0}) != NULL) {
        px_raise_type_error("decoding str is not supported");
    }
    for (int i = 1; i <= 2; i++) {
        if (a[i] != PX_UNSET && px_str_get(a[i], &(size_t){0}) == NULL) {
            px_raise_type_error("str() argument '%s' must be str, not %s", i == 1 ? "encoding" : "errors",
                                px_type_name(a[i]));
        }
    }
    px_buffer buf;
    if (!px_type_of(a[0])->buffer) {
        px_raise_type_error("decoding to str: need a bytes-like object, %s found", px_type_name(a[0]));
    }
    px_get_buffer(a[0], &buf, PX_BUF_READ);
    return px_bytes_decode(buf.data, buf.len, a[1], a[2]);
}

const px_type px_type_str = {
    .base = {&px_type_type},
    .name = PX_Q(str),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &px_str_dict,
    .make = str_make,
    .print = str_print,
    .unop = str_unop,
    .binop = str_binop,
    .subscr = str_subscr,
    .iter = str_iter,
};
