/* machine.SPI's shared methods over each class's driver (machine_spi_api.h). */
#include <string.h>

#include "machine_args.h"
#include "machine_spi_api.h"

/* The native object of self and its class's driver. */
static const px_spi_driver *driver_of(px_val *self) {
    *self = px_native(*self, &px_type_spi_bus);
    return px_type_of(*self)->proto;
}

/* ---- settings */

static const px_argspec settings_spec[PX_SPI__COUNT] = {
    {PX_Q(baudrate), 0, PX_UNSET},
    {PX_Q(polarity), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(phase), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(bits), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(firstbit), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(sck), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(mosi), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(miso), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(pins), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(cs), PX_ARG_KWONLY, PX_UNSET},
};

void px_spi_parse(px_qid func, size_t argc, const px_val *argv, px_val kwnames, px_val a[PX_SPI__COUNT]) {
    px_parse_args(func, argc, argv, kwnames, PX_SPI__COUNT, settings_spec, a);
}

bool px_spi_settings_given(const px_val *a) {
    for (int i = PX_SPI_BAUDRATE; i <= PX_SPI_FIRSTBIT; i++) {
        if (a[i] != PX_UNSET) {
            return true;
        }
    }
    return false;
}

void px_spi_settings_get(const px_val *a, int bits_lo, int bits_hi, px_spi_settings *s) {
    s->baudrate = (uint32_t)px_machine_setting(a[PX_SPI_BAUDRATE], 1000000, 1, 0xffffffff, "baudrate");
    s->polarity = (int)px_machine_setting(a[PX_SPI_POLARITY], 0, 0, 1, "polarity");
    s->phase = (int)px_machine_setting(a[PX_SPI_PHASE], 0, 0, 1, "phase");
    s->bits = (int)px_machine_setting(a[PX_SPI_BITS], 8, bits_lo, bits_hi, "bits");
    s->firstbit = (int)px_machine_setting(a[PX_SPI_FIRSTBIT], PX_SPI_MSB, PX_SPI_MSB, PX_SPI_LSB, "firstbit");
}

/* ---- transfers */

static void select_pin(px_val pin, int level) {
    px_val v = px_small(level);
    px_call_method(pin, PX_Q(value), 1, &v);
}

/* One transfer with the device selected throughout. tx may be NULL (fill
 * is sent) and is never changed: a scratch copy is made to reverse. */
static void transfer(px_val self, const px_spi_driver *d, const uint8_t *tx, uint8_t *rx, size_t len, uint8_t fill) {
    unsigned bits = d->word_bits(self);
    size_t ws = bits <= 8 ? 1 : bits <= 16 ? 2 : 4;
    if (len % ws != 0) {
        px_raise_value_error("with bits=%u each word takes %zu bytes: a buffer of %zu bytes is not whole words", bits,
                             ws, len);
    }
    if (len == 0) {
        return;
    }
    uint8_t *scratch = NULL;
    bool reverse = d->reverse_here(self);
    if (reverse) {
        scratch = px_gc_alloc(len, PX_GC_LEAF);
        if (tx != NULL) {
            memcpy(scratch, tx, len);
        } else {
            memset(scratch, fill, len);
        }
        px_machine_reverse_words(scratch, len, ws, bits);
        tx = scratch;
    }
    px_val cs = d->cs_pin(self);
    if (cs != PX_NONE) {
        select_pin(cs, 0);
    }
    d->transfer(self, tx, rx, len, fill);
    if (cs != PX_NONE) {
        select_pin(cs, 1);
    }
    if (scratch != NULL) {
        px_gc_free(scratch);
    }
    if (reverse && rx != NULL) {
        px_machine_reverse_words(rx, len, ws, bits);
    }
}

static uint8_t arg_fill(size_t argc, const px_val *argv, size_t at) {
    return argc > at ? (uint8_t)(px_index(argv[at]) & 0xff) : 0;
}

static px_val spi_read(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_spi_driver *d = driver_of(&self);
    size_t n = px_machine_nbytes(argv[1]);
    uint8_t fill = arg_fill(argc, argv, 2);
    uint8_t *rx = px_gc_alloc(n + 1, PX_GC_LEAF);
    transfer(self, d, NULL, rx, n, fill);
    px_val r = px_bytes(rx, n);
    px_gc_free(rx);
    return r;
}

static px_val spi_readinto(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_spi_driver *d = driver_of(&self);
    px_buffer b;
    px_get_buffer(argv[1], &b, PX_BUF_WRITE);
    transfer(self, d, NULL, b.data, b.len, arg_fill(argc, argv, 2));
    return PX_NONE;
}

static px_val spi_write(px_val self, px_val buf) {
    const px_spi_driver *d = driver_of(&self);
    px_buffer b;
    px_get_buffer(buf, &b, PX_BUF_READ);
    transfer(self, d, b.data, NULL, b.len, 0);
    return PX_NONE;
}

static px_val spi_write_readinto(px_val self, px_val wbuf, px_val rbuf) {
    const px_spi_driver *d = driver_of(&self);
    px_buffer w, r;
    px_get_buffer(wbuf, &w, PX_BUF_READ);
    px_get_buffer(rbuf, &r, PX_BUF_WRITE);
    if (w.len != r.len) {
        px_raise_value_error("write_readinto needs buffers of the same length, not %zu and %zu", w.len, r.len);
    }
    transfer(self, d, w.data, r.data, r.len, 0); /* the buffers may be the same */
    return PX_NONE;
}

static PX_METHV(spi_read_obj, &px_type_spi_bus, read, 2, 3, spi_read);
static PX_METHV(spi_readinto_obj, &px_type_spi_bus, readinto, 2, 3, spi_readinto);
static PX_METH2(spi_write_obj, &px_type_spi_bus, write, spi_write);
static PX_METH3(spi_write_readinto_obj, &px_type_spi_bus, write_readinto, spi_write_readinto);

/* Sorted by name bytes (uppercase first). */
static const px_map_entry spi_table[] = {
    PX_ENTRY(LSB, PX_SMALL_CONST(PX_SPI_LSB)),
    PX_ENTRY(MSB, PX_SMALL_CONST(PX_SPI_MSB)),
    PX_ENTRY_OBJ(read, &spi_read_obj),
    PX_ENTRY_OBJ(readinto, &spi_readinto_obj),
    PX_ENTRY_OBJ(write, &spi_write_obj),
    PX_ENTRY_OBJ(write_readinto, &spi_write_readinto_obj),
};
static PX_CONST_MAP(spi_dict, spi_table);

/* Not in any module: a base class only, never made itself. */
const px_type px_type_spi_bus = {
    .base = {&px_type_type},
    .name = PX_Q(SPI),
    .base_type = &px_type_object,
    .dict = &spi_dict,
};
