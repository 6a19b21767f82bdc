/* The hashlib module: md5, sha1, sha224, sha256, sha384, sha512 and new(),
 * with CPython's hash objects (update, digest, hexdigest, copy, name,
 * digest_size, block_size). The algorithms come from the backend chosen
 * at the first import (hash_backend.h: portable C, or OpenSSL's loaded
 * then on Linux); digest() finishes a
 * copy of the state, so it can be called any number of times and
 * update() may follow, as in CPython. */
#include <string.h>

#include "runtime.h"
#include "hash_backend.h"
#include "objects/str_impl.h"

typedef struct {
    const char *name; /* hashlib's name: "sha256" */
    uint8_t digest_size, block_size;
} algo_info;

static const algo_info algos[PX_HASH_KINDS] = {
    [PX_HASH_MD5] = {"md5", 16, 64},        [PX_HASH_SHA1] = {"sha1", 20, 64},
    [PX_HASH_SHA224] = {"sha224", 28, 64},  [PX_HASH_SHA256] = {"sha256", 32, 64},
    [PX_HASH_SHA384] = {"sha384", 48, 128}, [PX_HASH_SHA512] = {"sha512", 64, 128},
};

typedef struct {
    px_obj base;
    px_hash_kind kind;
    px_hash_ctx ctx;
} hash_obj;

extern const px_type hashlib_type_hash;

/* Set by the module's first import, before any hash object exists; the
 * same backend ever after (px_hash_backend_open). */
static const px_hash_backend *backend;

static hash_obj *hash_of(px_val v) {
    return px_as_ptr(px_native(v, &hashlib_type_hash));
}

static void feed(hash_obj *h, px_val data) {
    if (px_str_get(data, &(size_t){0}) != NULL) {
        px_raise_type_error("Strings must be encoded before hashing");
    }
    px_buffer buf;
    if (!px_buffer_try(data, &buf, PX_BUF_READ)) {
        px_raise_type_error("object supporting the buffer API required");
    }
    backend->update(h->kind, &h->ctx, buf.data, buf.len);
}

static px_val hash_new(px_hash_kind kind, px_val data) {
    hash_obj *h = px_gc_alloc(sizeof *h, PX_GC_LEAF);
    h->base.type = &hashlib_type_hash;
    h->kind = kind;
    backend->init(kind, &h->ctx);
    if (data != PX_NULL && data != PX_NONE) {
        feed(h, data);
    }
    return px_from_ptr(h);
}

/* ---- hash object methods */

static px_val hash_update(px_val self, px_val data) {
    feed(hash_of(self), data);
    return PX_NONE;
}
static PX_METH2(hash_update_obj, &hashlib_type_hash, update, hash_update);

static void digest_into(hash_obj *h, uint8_t *out) {
    px_hash_ctx c = h->ctx;
    backend->final(h->kind, &c, out);
}

static px_val hash_digest(px_val self) {
    hash_obj *h = hash_of(self);
    uint8_t out[64];
    digest_into(h, out);
    return px_bytes(out, algos[h->kind].digest_size);
}
static PX_METH1(hash_digest_obj, &hashlib_type_hash, digest, hash_digest);

static px_val hash_hexdigest(px_val self) {
    hash_obj *h = hash_of(self);
    uint8_t out[64];
    char hex[128];
    digest_into(h, out);
    for (size_t i = 0; i < algos[h->kind].digest_size; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return px_str(hex, 2 * (size_t)algos[h->kind].digest_size);
}
static PX_METH1(hash_hexdigest_obj, &hashlib_type_hash, hexdigest, hash_hexdigest);

static px_val hash_copy(px_val self) {
    hash_obj *h = hash_of(self);
    hash_obj *c = px_gc_alloc(sizeof *c, PX_GC_LEAF);
    *c = *h;
    return px_from_ptr(c);
}
static PX_METH1(hash_copy_obj, &hashlib_type_hash, copy, hash_copy);

static px_val hash_getattr(px_val self, px_qid name) {
    hash_obj *h = hash_of(self);
    if (name == PX_Q(name)) {
        return px_str(algos[h->kind].name, strlen(algos[h->kind].name));
    }
    if (name == PX_Q(digest_size)) {
        return px_small(algos[h->kind].digest_size);
    }
    if (name == PX_Q(block_size)) {
        return px_small(algos[h->kind].block_size);
    }
    return PX_NULL;
}

static void hash_print(px_out *out, px_val self, px_print_kind kind) {
    (void)kind;
    px_printf(out, "<%s hash object>", algos[hash_of(self)->kind].name);
}

static const px_map_entry hash_methods[] = {
    PX_ENTRY_OBJ(copy, &hash_copy_obj),
    PX_ENTRY_OBJ(digest, &hash_digest_obj),
    PX_ENTRY_OBJ(hexdigest, &hash_hexdigest_obj),
    PX_ENTRY_OBJ(update, &hash_update_obj),
};
static PX_CONST_MAP(hash_dict, hash_methods);

const px_type hashlib_type_hash = {
    .base = {&px_type_type},
    .name = PX_Q(HASH),
    .base_type = &px_type_object,
    .dict = &hash_dict,
    .print = hash_print,
    .getattr = hash_getattr,
};

/* ---- constructors: NAME(data=b'', *, usedforsecurity=True) */

static const px_argspec ctor_spec[] = {
    {PX_Q(string), 0, PX_NONE},
    {PX_Q(usedforsecurity), PX_ARG_KWONLY, PX_TRUE},
};

#define CONSTRUCTOR(cname, pyname, kind)                                       \
    static px_val cname(size_t argc, const px_val *argv, px_val kwnames) {      \
        px_val a[2];                                                           \
        px_parse_args(PX_Q(pyname), argc, argv, kwnames, 2, ctor_spec, a);     \
        return hash_new(kind, a[0]);                                          \
    }                                                                          \
    static PX_FUNKW(cname##_obj, pyname, 0, 1, cname)
CONSTRUCTOR(hashlib_md5, md5, PX_HASH_MD5);
CONSTRUCTOR(hashlib_sha1, sha1, PX_HASH_SHA1);
CONSTRUCTOR(hashlib_sha224, sha224, PX_HASH_SHA224);
CONSTRUCTOR(hashlib_sha256, sha256, PX_HASH_SHA256);
CONSTRUCTOR(hashlib_sha384, sha384, PX_HASH_SHA384);
CONSTRUCTOR(hashlib_sha512, sha512, PX_HASH_SHA512);

/* new(name, data=b''): the algorithm by name, in any case. */
static px_val hashlib_new(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(name), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(string), 0, PX_NONE},
        {PX_Q(usedforsecurity), PX_ARG_KWONLY, PX_TRUE},
    };
    px_val a[3];
    px_parse_args(PX_Q(new), argc, argv, kwnames, 3, spec, a);
    size_t n;
    const char *name = px_str_get(a[0], &n);
    if (name == NULL) {
        px_raise_type_error("new() argument 'name' must be str, not %s", px_type_name(a[0]));
    }
    for (px_hash_kind i = 0; i < PX_HASH_KINDS; i++) {
        const char *an = algos[i].name;
        if (strlen(an) != n) {
            continue;
        }
        size_t k = 0;
        while (k < n && (name[k] | (name[k] >= 'A' && name[k] <= 'Z' ? 0x20 : 0)) == an[k]) {
            k++;
        }
        if (k == n) {
            return hash_new(i, a[1]);
        }
    }
    px_raise_value_error("unsupported hash type %.*s", (int)n, name);
}
static PX_FUNKW(hashlib_new_obj, new, 1, 2, hashlib_new);

static const px_map_entry hashlib_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(hashlib))),
    PX_ENTRY_OBJ(md5, &hashlib_md5_obj),
    PX_ENTRY_OBJ(new, &hashlib_new_obj),
    PX_ENTRY_OBJ(sha1, &hashlib_sha1_obj),
    PX_ENTRY_OBJ(sha224, &hashlib_sha224_obj),
    PX_ENTRY_OBJ(sha256, &hashlib_sha256_obj),
    PX_ENTRY_OBJ(sha384, &hashlib_sha384_obj),
    PX_ENTRY_OBJ(sha512, &hashlib_sha512_obj),
};
static PX_CONST_MAP(hashlib_globals, hashlib_table);
/* The backend is made ready at import (a library may load then, or fail
 * with ImportError); the module itself is the const one. */
static px_val hashlib_make(const px_module *module) {
    backend = px_hash_backend_open();
    return px_from_ptr(module);
}

PX_MODULE_DEF(hashlib, hashlib_globals, PX_MODULE_EXTENSIBLE, hashlib_make);
