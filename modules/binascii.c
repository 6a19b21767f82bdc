/* The binascii module: hexlify/unhexlify (b2a_hex/a2b_hex), base64
 * (b2a_base64, a2b_base64 with CPython's strict_mode), crc32, and
 * binascii.Error (a ValueError, as in CPython). hexlify is bytes.hex
 * with the result as bytes. */
#include "checksum.h"
#include "modexc.h"

PX_MODULE_EXCEPTION(px_type_binascii_error, Error, px_type_ValueError);

#define binascii_error(...) px_raise_msg(&px_type_binascii_error, __VA_ARGS__)

/* The bytes of a buffer argument, or of an ASCII-only str (the a2b_
 * functions take both). */
static const uint8_t *ascii_arg(px_val v, size_t *len) {
    if (px_is_str(v)) {
        const char *s = px_str_data(v, len);
        for (size_t i = 0; i < *len; i++) {
            if ((uint8_t)s[i] >= 0x80) {
                px_raise_value_error("string argument should contain only ASCII characters");
            }
        }
        return (const uint8_t *)s;
    }
    px_buffer buf;
    if (!px_buffer_try(v, &buf, PX_BUF_READ)) {
        px_raise_type_error("argument should be bytes, buffer or ASCII string, not '%s'", px_type_name(v));
    }
    *len = buf.len;
    return buf.data;
}

/* ---- hex */

static px_val binascii_hexlify(size_t argc, const px_val *argv) {
    px_val data = argv[0];
    if (!px_isinstance(data, &px_type_bytes) && !px_isinstance(data, &px_type_bytearray) &&
        !px_isinstance(data, &px_type_memoryview)) {
        px_buffer buf;
        px_get_buffer(data, &buf, PX_BUF_READ);
        data = px_bytes(buf.data, buf.len);
    }
    px_val hex = px_call_method(data, PX_Q(hex), argc - 1, argv + 1);
    size_t n;
    const char *s = px_str_data(hex, &n);
    return px_bytes(s, n);
}
static PX_FUNV(binascii_hexlify_obj, hexlify, 1, 3, binascii_hexlify);
static PX_FUNV(binascii_b2a_hex_obj, b2a_hex, 1, 3, binascii_hexlify);

static int hex_value(uint8_t c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20; /* lower case */
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static px_val binascii_unhexlify(px_val arg) {
    size_t n;
    const uint8_t *s = ascii_arg(arg, &n);
    if (n % 2) {
        binascii_error("Odd-length string");
    }
    uint8_t local[128];
    uint8_t *out = n / 2 <= sizeof local ? local : px_gc_alloc(n / 2, PX_GC_LEAF);
    for (size_t i = 0; i < n; i += 2) {
        int hi = hex_value(s[i]), lo = hex_value(s[i + 1]);
        if (hi < 0 || lo < 0) {
            binascii_error("Non-hexadecimal digit found");
        }
        out[i / 2] = (uint8_t)(hi << 4 | lo);
    }
    return px_bytes(out, n / 2);
}
static PX_FUN1(binascii_unhexlify_obj, unhexlify, binascii_unhexlify);
static PX_FUN1(binascii_a2b_hex_obj, a2b_hex, binascii_unhexlify);

/* ---- base64 (RFC 4648's alphabet) */

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64_value(uint8_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

static const px_argspec b2a_spec[] = {
    {PX_Q(data), PX_ARG_REQUIRED | PX_ARG_POSONLY, PX_NONE},
    {PX_Q(newline), PX_ARG_KWONLY, PX_TRUE},
};

static px_val binascii_b2a_base64(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[2];
    px_parse_args(PX_Q(b2a_base64), argc, argv, kwnames, 2, b2a_spec, a);
    px_buffer buf;
    px_get_buffer(a[0], &buf, PX_BUF_READ);
    const uint8_t *p = buf.data;
    size_t n = buf.len;
    px_strbuf b;
    px_strbuf_init(&b, (n + 2) / 3 * 4 + 1);
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) | (i + 2 < n ? p[i + 2] : 0);
        char q[4] = {b64_alphabet[v >> 18], b64_alphabet[(v >> 12) & 63], i + 1 < n ? b64_alphabet[(v >> 6) & 63] : '=',
                     i + 2 < n ? b64_alphabet[v & 63] : '='};
        px_strbuf_add(&b, q, 4);
    }
    if (px_truthy(a[1])) {
        px_strbuf_add_char(&b, '\n');
    }
    return px_strbuf_to_bytes(&b);
}
static PX_FUNKW(binascii_b2a_base64_obj, b2a_base64, 1, 1, binascii_b2a_base64);

static const px_argspec a2b_spec[] = {
    {PX_Q(data), PX_ARG_REQUIRED | PX_ARG_POSONLY, PX_NONE},
    {PX_Q(strict_mode), 0, PX_FALSE},
};

/* Decode, skipping characters outside the alphabet. Padding ends the data
 * once it completes a group ("YQ==" and "YWJ="); an '=' before that is
 * skipped like any other character. strict_mode (CPython 3.11) refuses
 * anything but canonical base64 instead. */
static px_val binascii_a2b_base64(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[2];
    px_parse_args(PX_Q(a2b_base64), argc, argv, kwnames, 2, a2b_spec, a);
    bool strict = px_truthy(a[1]);
    size_t n;
    const uint8_t *s = ascii_arg(a[0], &n);
    px_strbuf out;
    px_strbuf_init(&out, n / 4 * 3 + 3);
    unsigned group = 0;  /* data characters in the current group of four */
    unsigned pads = 0;   /* '=' seen since the last data character */
    uint32_t bits = 0;   /* the group's bits so far */
    size_t ndata = 0;    /* data characters in all */
    bool padding = false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = s[i];
        if (c == '=') {
            padding = true;
            if (strict && i == 0) {
                binascii_error("Leading padding not allowed");
            }
            if (group >= 2 && group + ++pads >= 4) {
                if (strict && i + 1 < n) {
                    binascii_error("Excess data after padding");
                }
                group = 0; /* a complete group: the data ends here */
                break;
            }
            continue;
        }
        int v = b64_value(c);
        if (v < 0) {
            if (strict) {
                binascii_error("Only base64 data is allowed");
            }
            continue;
        }
        if (strict && padding) {
            binascii_error("Discontinuous padding not allowed");
        }
        pads = 0;
        ndata++;
        bits = bits << 6 | (uint32_t)v;
        group++;
        if (group >= 2) {
            /* each character after a group's first completes a byte: the
             * top 8 of the 6 * group bits not yet output */
            px_strbuf_add_char(&out, (char)(bits >> (8 - 2 * group) & 0xff));
        }
        if (group == 4) {
            group = 0;
            bits = 0;
        }
    }
    if (group == 1) {
        binascii_error("Invalid base64-encoded string: number of data characters (%zu) cannot be 1 more than "
                       "a multiple of 4",
                       ndata);
    }
    if (group != 0) {
        binascii_error("Incorrect padding");
    }
    return px_strbuf_to_bytes(&out);
}
static PX_FUNKW(binascii_a2b_base64_obj, a2b_base64, 1, 2, binascii_a2b_base64);

/* ---- crc32(data[, value]): the value is taken modulo 2**32 */

static px_val binascii_crc32(size_t argc, const px_val *argv) {
    return px_checksum_call(argc, argv, px_crc32, 0);
}
static PX_FUNV(binascii_crc32_obj, crc32, 1, 2, binascii_crc32);

static const px_map_entry binascii_table[] = {
    PX_ENTRY_OBJ(Error, &px_type_binascii_error),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(binascii))),
    PX_ENTRY_OBJ(a2b_base64, &binascii_a2b_base64_obj),
    PX_ENTRY_OBJ(a2b_hex, &binascii_a2b_hex_obj),
    PX_ENTRY_OBJ(b2a_base64, &binascii_b2a_base64_obj),
    PX_ENTRY_OBJ(b2a_hex, &binascii_b2a_hex_obj),
    PX_ENTRY_OBJ(crc32, &binascii_crc32_obj),
    PX_ENTRY_OBJ(hexlify, &binascii_hexlify_obj),
    PX_ENTRY_OBJ(unhexlify, &binascii_unhexlify_obj),
};
static PX_CONST_MAP(binascii_globals, binascii_table);
PX_MODULE_DEF(binascii, binascii_globals, PX_MODULE_EXTENSIBLE, NULL);
