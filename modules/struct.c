/* The struct module: pack, unpack, pack_into, unpack_from, iter_unpack,
 * calcsize, the Struct type and struct.error. Formats are parsed by
 * struct_format.c; the most recent formats are kept parsed, keyed by the
 * format object (format literals are interned names, so a loop packing
 * with the same literal parses it once).
 *
 * struct.error derives from ValueError: MicroPython's struct raises
 * ValueError, CPython's struct.error, and this way both kinds of program
 * catch it. Whitespace between items is allowed, as in CPython. */
#include "modexc.h"
#include "structmod.h"

/* ---- struct.error */

PX_MODULE_EXCEPTION(px_type_struct_error, error, px_type_ValueError);

/* ---- parsed formats, cached */

#define CACHE_SIZE 8
static px_val cache_keys[CACHE_SIZE];
static px_struct_layout *cache_layouts[CACHE_SIZE];
static size_t cache_next;
static bool cache_rooted;

/* The layout of a format, parsed once while it stays among the last few
 * used. Keyed by identity: an equal but distinct str is parsed again. */
static const px_struct_layout *layout_of(px_val format) {
    for (size_t i = 0; i < CACHE_SIZE; i++) {
        if (cache_keys[i] == format && format != PX_NULL) {
            return cache_layouts[i];
        }
    }
    px_struct_layout tmp;
    px_struct_parse(format, &tmp);
    px_struct_layout *L = px_struct_layout_keep(&tmp);
    if (!cache_rooted) {
        px_gc_add_root(cache_keys, sizeof cache_keys);
        px_gc_add_root(cache_layouts, sizeof cache_layouts);
        cache_rooted = true;
    }
    cache_keys[cache_next] = format;
    cache_layouts[cache_next] = L;
    cache_next = (cache_next + 1) % CACHE_SIZE;
    return L;
}

/* ---- the operations, on a layout */

static px_val do_pack(const px_struct_layout *L, size_t argc, const px_val *argv) {
    uint8_t local[256];
    uint8_t *out = L->size <= sizeof local ? local : px_gc_alloc(L->size, PX_GC_LEAF);
    px_struct_pack(L, out, argc, argv, "pack");
    return px_bytes(out, L->size);
}

/* A negative offset counts from the end of the buffer. */
static size_t resolve_offset(const px_struct_layout *L, px_val offset_arg, size_t buflen, bool packing) {
    px_int offset = px_index(offset_arg);
    size_t size = L->size;
    if (offset < 0) {
        if ((size_t)-offset > buflen) {
            px_struct_error("offset %lld out of range for %zu-byte buffer", (long long)offset, buflen);
        }
        if ((size_t)-offset < size) {
            px_struct_error(packing ? "no space to pack %zu bytes at offset %lld"
                                    : "not enough data to unpack %zu bytes at offset %lld",
                            size, (long long)offset);
        }
        return buflen - (size_t)-offset;
    }
    if ((size_t)offset > buflen || buflen - (size_t)offset < size) {
        px_struct_error(packing ? "pack_into requires a buffer of at least %zu bytes for packing %zu bytes at "
                                  "offset %lld (actual buffer size is %zu)"
                                : "unpack_from requires a buffer of at least %zu bytes for unpacking %zu bytes "
                                  "at offset %lld (actual buffer size is %zu)",
                        size + (size_t)offset, size, (long long)offset, buflen);
    }
    return (size_t)offset;
}

static px_val do_pack_into(const px_struct_layout *L, size_t argc, const px_val *argv) {
    if (argc < 1) {
        px_struct_error("pack_into expected buffer argument");
    }
    if (argc < 2) {
        px_struct_error("pack_into expected offset argument");
    }
    px_buffer buf;
    if (!px_buffer_try(argv[0], &buf, PX_BUF_WRITE) || buf.readonly) {
        px_raise_type_error("argument must be read-write bytes-like object, not %s", px_type_name(argv[0]));
    }
    size_t at = resolve_offset(L, argv[1], buf.len, true);
    /* pack into a copy first: values are converted (which may run Python
     * code and raise) before the buffer changes */
    uint8_t local[256];
    uint8_t *tmp = L->size <= sizeof local ? local : px_gc_alloc(L->size, PX_GC_LEAF);
    px_struct_pack(L, tmp, argc - 2, argv + 2, "pack_into");
    px_get_buffer(argv[0], &buf, PX_BUF_WRITE); /* a __index__ may have resized it */
    if (at > buf.len || buf.len - at < L->size) {
        px_struct_error("buffer changed size while packing");
    }
    memcpy((uint8_t *)buf.data + at, tmp, L->size);
    return PX_NONE;
}

static px_val do_unpack(const px_struct_layout *L, px_val buffer) {
    px_buffer buf;
    px_get_buffer(buffer, &buf, PX_BUF_READ);
    if (buf.len != L->size) {
        px_struct_error("unpack requires a buffer of %zu bytes", L->size);
    }
    return px_struct_unpack(L, buf.data);
}

static px_val do_unpack_from(const px_struct_layout *L, px_val buffer, px_val offset) {
    px_buffer buf;
    px_get_buffer(buffer, &buf, PX_BUF_READ);
    size_t at = resolve_offset(L, offset, buf.len, false);
    return px_struct_unpack(L, (const uint8_t *)buf.data + at);
}

/* ---- iter_unpack's iterator: one tuple per size bytes */

typedef struct {
    px_obj base;
    const px_struct_layout *layout;
    px_val buffer;
    size_t pos;
} unpack_iter_obj;

static px_val unpack_iter_next(px_val self) {
    unpack_iter_obj *it = px_as_ptr(self);
    px_buffer buf;
    px_get_buffer(it->buffer, &buf, PX_BUF_READ);
    if (it->pos >= buf.len || buf.len - it->pos < it->layout->size) {
        return PX_NULL;
    }
    px_val r = px_struct_unpack(it->layout, (const uint8_t *)buf.data + it->pos);
    it->pos += it->layout->size;
    return r;
}

static px_val iter_self(px_val self) {
    return self;
}

static const px_type unpack_iter_type = {
    .base = {&px_type_type},
    .name = PX_Q(unpack_iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = iter_self,
    .next = unpack_iter_next,
};

static px_val do_iter_unpack(const px_struct_layout *L, px_val buffer) {
    if (L->size == 0) {
        px_struct_error("cannot iteratively unpack with a struct of length 0");
    }
    px_buffer buf;
    px_get_buffer(buffer, &buf, PX_BUF_READ);
    if (buf.len % L->size != 0) {
        px_struct_error("iterative unpacking requires a buffer of a multiple of %zu bytes", L->size);
    }
    unpack_iter_obj *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &unpack_iter_type;
    it->layout = L;
    it->buffer = buffer;
    return px_from_ptr(it);
}

/* ---- module functions */

static px_val struct_calcsize(px_val format) {
    return px_int_from_u64(layout_of(format)->size);
}
static PX_FUN1(struct_calcsize_obj, calcsize, struct_calcsize);

static px_val struct_pack(size_t argc, const px_val *argv) {
    return do_pack(layout_of(argv[0]), argc - 1, argv + 1);
}
static PX_FUNV(struct_pack_obj, pack, 1, PX_ARGS_MAX, struct_pack);

static px_val struct_pack_into(size_t argc, const px_val *argv) {
    return do_pack_into(layout_of(argv[0]), argc - 1, argv + 1);
}
static PX_FUNV(struct_pack_into_obj, pack_into, 1, PX_ARGS_MAX, struct_pack_into);

static px_val struct_unpack(px_val format, px_val buffer) {
    return do_unpack(layout_of(format), buffer);
}
static PX_FUN2(struct_unpack_obj, unpack, struct_unpack);

static const px_argspec unpack_from_spec[] = {
    {PX_Q(format), PX_ARG_REQUIRED | PX_ARG_POSONLY, PX_NONE},
    {PX_Q(buffer), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(offset), 0, PX_SMALL_CONST(0)},
};

static px_val struct_unpack_from(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[3];
    px_parse_args(PX_Q(unpack_from), argc, argv, kwnames, 3, unpack_from_spec, a);
    return do_unpack_from(layout_of(a[0]), a[1], a[2]);
}
static PX_FUNKW(struct_unpack_from_obj, unpack_from, 1, 3, struct_unpack_from);

static px_val struct_iter_unpack(px_val format, px_val buffer) {
    return do_iter_unpack(layout_of(format), buffer);
}
static PX_FUN2(struct_iter_unpack_obj, iter_unpack, struct_iter_unpack);

/* ---- struct.Struct: a format parsed once */

typedef struct {
    px_obj base;
    px_val format; /* as given: str or bytes */
    const px_struct_layout *layout;
} struct_obj;

extern const px_type px_type_struct;

static struct_obj *struct_self(px_val self) {
    return px_as_ptr(px_native(self, &px_type_struct));
}

static px_val struct_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    (void)type;
    static const px_argspec spec[] = {{PX_Q(format), PX_ARG_REQUIRED, PX_NONE}};
    px_val a[1];
    px_parse_args(PX_Q(Struct), argc, argv, kwnames, 1, spec, a);
    px_struct_layout tmp;
    px_struct_parse(a[0], &tmp);
    struct_obj *s = px_gc_alloc(sizeof *s, 0);
    s->base.type = &px_type_struct;
    s->format = a[0];
    s->layout = px_struct_layout_keep(&tmp);
    return px_from_ptr(s);
}

static px_val struct_getattr(px_val self, px_qid name) {
    struct_obj *s = px_as_ptr(self);
    if (name == PX_Q(size)) {
        return px_int_from_u64(s->layout->size);
    }
    if (name == PX_Q(format)) {
        if (px_is_str(s->format)) {
            return s->format;
        }
        size_t n;
        const uint8_t *b = px_bytes_data(s->format, &n);
        return px_str((const char *)b, n); /* parsing checked it is ASCII format text */
    }
    return PX_NULL;
}

static px_val s_pack(size_t argc, const px_val *argv) {
    return do_pack(struct_self(argv[0])->layout, argc - 1, argv + 1);
}
static PX_METHV(s_pack_obj, &px_type_struct, pack, 1, PX_ARGS_MAX, s_pack);

static px_val s_pack_into(size_t argc, const px_val *argv) {
    return do_pack_into(struct_self(argv[0])->layout, argc - 1, argv + 1);
}
static PX_METHV(s_pack_into_obj, &px_type_struct, pack_into, 1, PX_ARGS_MAX, s_pack_into);

static px_val s_unpack(px_val self, px_val buffer) {
    return do_unpack(struct_self(self)->layout, buffer);
}
static PX_METH2(s_unpack_obj, &px_type_struct, unpack, s_unpack);

static const px_argspec s_unpack_from_spec[] = {
    {PX_Q(buffer), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(offset), 0, PX_SMALL_CONST(0)},
};

static px_val s_unpack_from(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[2];
    px_parse_args(PX_Q(unpack_from), argc - 1, argv + 1, kwnames, 2, s_unpack_from_spec, a);
    return do_unpack_from(struct_self(argv[0])->layout, a[0], a[1]);
}
static PX_METHKW(s_unpack_from_obj, &px_type_struct, unpack_from, 1, 3, s_unpack_from);

static px_val s_iter_unpack(px_val self, px_val buffer) {
    return do_iter_unpack(struct_self(self)->layout, buffer);
}
static PX_METH2(s_iter_unpack_obj, &px_type_struct, iter_unpack, s_iter_unpack);

static const px_map_entry struct_methods[] = {
    PX_ENTRY_OBJ(iter_unpack, &s_iter_unpack_obj),
    PX_ENTRY_OBJ(pack, &s_pack_obj),
    PX_ENTRY_OBJ(pack_into, &s_pack_into_obj),
    PX_ENTRY_OBJ(unpack, &s_unpack_obj),
    PX_ENTRY_OBJ(unpack_from, &s_unpack_from_obj),
};
static PX_CONST_MAP(struct_dict, struct_methods);

const px_type px_type_struct = {
    .base = {&px_type_type},
    .name = PX_Q(Struct),
    .flags = PX_TF_BASETYPE,
    .base_type = &px_type_object,
    .dict = &struct_dict,
    .make = struct_make,
    .getattr = struct_getattr,
};

static const px_map_entry struct_table[] = {
    PX_ENTRY_OBJ(Struct, &px_type_struct),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(struct))),
    PX_ENTRY_OBJ(calcsize, &struct_calcsize_obj),
    PX_ENTRY_OBJ(error, &px_type_struct_error),
    PX_ENTRY_OBJ(iter_unpack, &struct_iter_unpack_obj),
    PX_ENTRY_OBJ(pack, &struct_pack_obj),
    PX_ENTRY_OBJ(pack_into, &struct_pack_into_obj),
    PX_ENTRY_OBJ(unpack, &struct_unpack_obj),
    PX_ENTRY_OBJ(unpack_from, &struct_unpack_from_obj),
};
static PX_CONST_MAP(struct_globals, struct_table);
PX_MODULE_DEF(struct, struct_globals, PX_MODULE_EXTENSIBLE, NULL);
