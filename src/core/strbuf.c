/* Growable byte buffers on the GC heap, and a sink that writes into one.
 * The data block is a leaf: it never holds pointers. */
#include "../runtime.h"
#include "../objects/str_impl.h"

void px_strbuf_init(px_strbuf *b, size_t cap) {
    if (cap < 16) {
        cap = 16;
    }
    b->data = px_gc_alloc(cap, PX_GC_LEAF);
    b->len = 0;
    b->cap = cap;
}

static void strbuf_reserve(px_strbuf *b, size_t extra) {
    if (b->data == NULL) {
        px_strbuf_init(b, extra + 16);
    }
    if (extra > SIZE_MAX / 2 - b->len) {
        px_raise_memory_error();
    }
    size_t need = b->len + extra;
    if (need <= b->cap) {
        return;
    }
    size_t cap = b->cap * 2;
    if (cap < need) {
        cap = need;
    }
    b->data = px_gc_realloc(b->data, cap, PX_GC_LEAF);
    b->cap = cap;
}

char *px_strbuf_extend(px_strbuf *b, size_t n) {
    strbuf_reserve(b, n);
    char *p = b->data + b->len;
    b->len += n;
    return p;
}

void px_strbuf_add(px_strbuf *b, const char *s, size_t n) {
    if (n) {
        memcpy(px_strbuf_extend(b, n), s, n);
    }
}

void px_strbuf_add_cstr(px_strbuf *b, const char *s) {
    px_strbuf_add(b, s, strlen(s));
}

void px_strbuf_add_char(px_strbuf *b, char c) {
    *px_strbuf_extend(b, 1) = c;
}

void px_strbuf_add_utf8(px_strbuf *b, uint32_t codepoint) {
    char tmp[4];
    size_t n = px_utf8_encode(codepoint, tmp);
    px_strbuf_add(b, tmp, n);
}

static void strbuf_write(void *ctx, const char *s, size_t n) {
    px_strbuf_add((px_strbuf *)ctx, s, n);
}

px_out px_strbuf_out(px_strbuf *b) {
    px_out o = {strbuf_write, b};
    return o;
}

px_val px_strbuf_to_str(px_strbuf *b) {
    return px_str(b->data, b->len);
}

px_val px_strbuf_to_bytes(px_strbuf *b) {
    return px_bytes(b->data, b->len);
}
