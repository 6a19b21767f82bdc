/* The cryptolib module: cryptolib.aes(key, mode[, IV]) with the modes
 * MicroPython documents, ECB (1), CBC (2) and CTR (6); keys of 16, 24 or
 * 32 bytes. A cipher object either encrypts or decrypts, never both (as
 * the documentation says). ECB and CBC take whole 16-byte blocks; CTR
 * takes any length and carries the unused key stream over to the next
 * call. The block cipher is aes.c. */
#include <string.h>

#include "runtime.h"
#include "aes.h"
#include "objects/str_impl.h"

enum { MODE_ECB = 1, MODE_CBC = 2, MODE_CTR = 6 };
enum { DIR_NONE, DIR_ENCRYPT, DIR_DECRYPT };

typedef struct {
    px_obj base;
    px_aes_ctx aes;
    uint8_t mode;
    uint8_t dir;
    uint8_t ks_used;  /* CTR: bytes of ks already used (16: none left) */
    uint8_t iv[16];   /* CBC: the previous cipher block; CTR: the next counter block */
    uint8_t ks[16];   /* CTR: the current key-stream block */
} aes_obj;

extern const px_type cryptolib_type_aes;

static aes_obj *aes_of(px_val v) {
    return px_as_ptr(px_native(v, &cryptolib_type_aes));
}

static px_val aes_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    (void)type;
    px_check_args(PX_Q(aes), argc, kwnames, 2, 3);
    px_buffer key;
    px_get_buffer(argv[0], &key, PX_BUF_READ);
    if (key.len != 16 && key.len != 24 && key.len != 32) {
        px_raise_value_error("key must be 16, 24 or 32 bytes, not %zu", key.len);
    }
    px_int mode = px_index(argv[1]);
    if (mode != MODE_ECB && mode != MODE_CBC && mode != MODE_CTR) {
        px_raise_value_error("mode must be 1 (ECB), 2 (CBC) or 6 (CTR), not %ld", (long)mode);
    }
    aes_obj *a = px_gc_alloc(sizeof *a, PX_GC_LEAF);
    a->base.type = &cryptolib_type_aes;
    a->mode = (uint8_t)mode;
    a->ks_used = 16;
    px_aes_init(&a->aes, key.data, key.len);
    if (argc == 3 && argv[2] != PX_NONE) {
        px_buffer iv;
        px_get_buffer(argv[2], &iv, PX_BUF_READ);
        if (iv.len != 16) {
            px_raise_value_error("IV must be 16 bytes, not %zu", iv.len);
        }
        memcpy(a->iv, iv.data, 16); /* ECB does not use it */
    } /* else an IV of zeros */
    return px_from_ptr(a);
}

/* The 128-bit big-endian counter block, plus one. */
static void counter_next(uint8_t *ctr) {
    for (int i = 15; i >= 0 && ++ctr[i] == 0; i--) {
    }
}

static void process(aes_obj *a, bool encrypt, const uint8_t *in, uint8_t *out, size_t n) {
    uint8_t block[16];
    switch (a->mode) {
    case MODE_ECB:
        for (size_t i = 0; i < n; i += 16) {
            (encrypt ? px_aes_encrypt : px_aes_decrypt)(&a->aes, in + i, out + i);
        }
        break;
    case MODE_CBC:
        for (size_t i = 0; i < n; i += 16) {
            memcpy(block, in + i, 16); /* in and out may be the same buffer */
            if (encrypt) {
                for (int k = 0; k < 16; k++) {
                    block[k] ^= a->iv[k];
                }
                px_aes_encrypt(&a->aes, block, out + i);
                memcpy(a->iv, out + i, 16);
            } else {
                px_aes_decrypt(&a->aes, block, out + i);
                for (int k = 0; k < 16; k++) {
                    out[i + k] ^= a->iv[k];
                }
                memcpy(a->iv, block, 16);
            }
        }
        break;
    default: /* CTR: out = in xor AES(counter), counter += 1 per block */
        for (size_t i = 0; i < n; i++) {
            if (a->ks_used == 16) {
                px_aes_encrypt(&a->aes, a->iv, a->ks);
                counter_next(a->iv);
                a->ks_used = 0;
            }
            out[i] = in[i] ^ a->ks[a->ks_used++];
        }
        break;
    }
}

static px_val crypt(size_t argc, const px_val *argv, bool encrypt) {
    aes_obj *a = aes_of(argv[0]);
    uint8_t dir = encrypt ? DIR_ENCRYPT : DIR_DECRYPT;
    if (a->dir != DIR_NONE && a->dir != dir) {
        px_raise_type_error("an aes object either encrypts or decrypts; make a new one to %s",
                            encrypt ? "encrypt" : "decrypt");
    }
    px_buffer in;
    px_get_buffer(argv[1], &in, PX_BUF_READ);
    if (a->mode != MODE_CTR && in.len % 16 != 0) {
        px_raise_value_error("data length must be a multiple of 16 bytes in ECB and CBC modes, not %zu", in.len);
    }
    a->dir = dir;
    if (argc == 3) {
        px_buffer out;
        px_get_buffer(argv[2], &out, PX_BUF_WRITE);
        if (out.len != in.len) {
            px_raise_value_error("output buffer has %zu bytes, input %zu", out.len, in.len);
        }
        process(a, encrypt, in.data, out.data, in.len);
        return PX_NONE;
    }
    px_val copy = px_bytes(in.data, in.len); /* the result, worked on in place */
    size_t n;
    uint8_t *p = (uint8_t *)px_bytes_data(copy, &n);
    process(a, encrypt, p, p, n);
    return copy;
}

static px_val aes_encrypt(size_t argc, const px_val *argv) {
    return crypt(argc, argv, true);
}
static PX_METHV(aes_encrypt_obj, &cryptolib_type_aes, encrypt, 2, 3, aes_encrypt);

static px_val aes_decrypt(size_t argc, const px_val *argv) {
    return crypt(argc, argv, false);
}
static PX_METHV(aes_decrypt_obj, &cryptolib_type_aes, decrypt, 2, 3, aes_decrypt);

static const px_map_entry aes_methods[] = {
    PX_ENTRY_OBJ(decrypt, &aes_decrypt_obj),
    PX_ENTRY_OBJ(encrypt, &aes_encrypt_obj),
};
static PX_CONST_MAP(aes_dict, aes_methods);

const px_type cryptolib_type_aes = {
    .base = {&px_type_type},
    .name = PX_Q(aes),
    .base_type = &px_type_object,
    .dict = &aes_dict,
    .make = aes_make,
};

static const px_map_entry cryptolib_table[] = {
    PX_ENTRY(MODE_CBC, PX_SMALL_CONST(MODE_CBC)),
    PX_ENTRY(MODE_CTR, PX_SMALL_CONST(MODE_CTR)),
    PX_ENTRY(MODE_ECB, PX_SMALL_CONST(MODE_ECB)),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(cryptolib))),
    PX_ENTRY_OBJ(aes, &cryptolib_type_aes),
};
static PX_CONST_MAP(cryptolib_globals, cryptolib_table);
PX_MODULE_DEF(cryptolib, cryptolib_globals, 0, NULL);
