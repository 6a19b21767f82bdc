/* machine.SoftSPI: SPI bit-banged on any three Pin objects, through the
 * documented Pin API only (init, value), so every port with a machine.Pin
 * can offer it. 8-bit words, modes 0-3, MSB or LSB first; the clock is
 * as fast as the Pin calls allow, slowed down to `baudrate` by busy
 * waiting half a period between edges when that is longer than a call.
 *
 * Timing of one bit (idle clock level = polarity):
 *   phase 0: MOSI set, wait, leading edge, MISO sampled, wait, trailing edge
 *   phase 1: leading edge, MOSI set, wait, trailing edge, MISO sampled, wait */
#include "machine_spi_api.h"
#include "soft_bus.h"

typedef struct {
    px_obj base; /* &px_type_soft_spi */
    px_val sck, mosi, miso;
    uint32_t baudrate;
    uint32_t half_us; /* half a clock period, 0: no waiting */
    int polarity, phase, lsb;
} soft_spi;

static soft_spi *spi_of(px_val v) {
    return (soft_spi *)px_as_ptr(px_native(v, &px_type_soft_spi));
}

static void pin_write(px_val pin, int v) {
    px_val arg = px_small(v);
    px_call_method(pin, PX_Q(value), 1, &arg);
}

static int pin_read(px_val pin) {
    return px_truthy(px_call_method(pin, PX_Q(value), 0, NULL)) ? 1 : 0;
}

static void pin_mode(px_val pin, px_qid mode) {
    px_val m = px_getattr(pin, mode);
    px_call_method(pin, PX_Q(init), 1, &m);
}

static void wait_half(const soft_spi *s) {
    if (s->half_us == 0) {
        return;
    }
    uint64_t t0 = px_port_ticks_us();
    while (px_port_ticks_us() - t0 < s->half_us) {
    }
}

/* One byte out and in. */
static uint8_t xfer_byte(const soft_spi *s, uint8_t out) {
    uint8_t in = 0;
    for (int i = 0; i < 8; i++) {
        int shift = s->lsb ? i : 7 - i;
        int bit = (out >> shift) & 1;
        if (s->phase == 0) {
            if (s->mosi != PX_NONE) {
                pin_write(s->mosi, bit);
            }
            wait_half(s);
            pin_write(s->sck, !s->polarity);
            if (s->miso != PX_NONE) {
                in |= (uint8_t)(pin_read(s->miso) << shift);
            }
            wait_half(s);
            pin_write(s->sck, s->polarity);
        } else {
            pin_write(s->sck, !s->polarity);
            if (s->mosi != PX_NONE) {
                pin_write(s->mosi, bit);
            }
            wait_half(s);
            pin_write(s->sck, s->polarity);
            if (s->miso != PX_NONE) {
                in |= (uint8_t)(pin_read(s->miso) << shift);
            }
            wait_half(s);
        }
    }
    return in;
}

/* out may be NULL (send `fill`), in may be NULL; they may be the same. */
/* byte i is sent before byte i is stored: out and in may be the same */
static void transfer(const soft_spi *s, const uint8_t *out, uint8_t fill, uint8_t *in, size_t n) {
    for (size_t i = 0; i < n; i++) {
        uint8_t r = xfer_byte(s, out != NULL ? out[i] : fill);
        if (in != NULL) {
            in[i] = r;
        }
    }
}

/* ---- init */

enum { A_BAUDRATE, A_POLARITY, A_PHASE, A_BITS, A_FIRSTBIT, A_SCK, A_MOSI, A_MISO, A__COUNT };

static const px_argspec init_spec[A__COUNT] = {
    {PX_Q(baudrate), 0, PX_SMALL_CONST(500000)},
    {PX_Q(polarity), PX_ARG_KWONLY, PX_SMALL_CONST(0)},
    {PX_Q(phase), PX_ARG_KWONLY, PX_SMALL_CONST(0)},
    {PX_Q(bits), PX_ARG_KWONLY, PX_SMALL_CONST(8)},
    {PX_Q(firstbit), PX_ARG_KWONLY, PX_SMALL_CONST(0)},
    {PX_Q(sck), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(mosi), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(miso), PX_ARG_KWONLY, PX_NONE},
};

static int bit_arg(px_val v, const char *what) {
    px_int b = px_index(v);
    if (b != 0 && b != 1) {
        px_raise_value_error("%s must be 0 or 1, not %lld", what, (long long)b);
    }
    return (int)b;
}

static void apply(soft_spi *s, const px_val *a) {
    int64_t baud = px_int_to_i64(a[A_BAUDRATE]);
    if (baud <= 0 || baud > 0xffffffff) {
        px_raise_value_error("baudrate must be positive, not %lld", (long long)baud);
    }
    int pol = bit_arg(a[A_POLARITY], "polarity"), pha = bit_arg(a[A_PHASE], "phase");
    if (px_index(a[A_BITS]) != 8) {
        px_raise_value_error("SoftSPI sends 8-bit words only, not bits=%lld", (long long)px_index(a[A_BITS]));
    }
    int lsb = bit_arg(a[A_FIRSTBIT], "firstbit (SoftSPI.MSB or SoftSPI.LSB)");
    s->baudrate = (uint32_t)baud;
    s->half_us = (uint32_t)(500000 / (uint64_t)baud);
    s->polarity = pol;
    s->phase = pha;
    s->lsb = lsb;
    s->sck = a[A_SCK];
    s->mosi = a[A_MOSI];
    s->miso = a[A_MISO];
    if (s->sck != PX_NONE) {
        pin_mode(s->sck, PX_Q(OUT));
        pin_write(s->sck, pol);
    }
    if (s->mosi != PX_NONE) {
        pin_mode(s->mosi, PX_Q(OUT));
    }
    if (s->miso != PX_NONE) {
        pin_mode(s->miso, PX_Q(IN));
    }
}

static px_val soft_spi_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(SoftSPI), argc, argv, kwnames, A__COUNT, init_spec, a);
    soft_spi *s = px_gc_alloc(sizeof *s, 0);
    s->base.type = &px_type_soft_spi;
    s->sck = s->mosi = s->miso = PX_NONE;
    apply(s, a);
    return px_from_ptr(s);
}

static void soft_spi_print(px_out *out, px_val self, px_print_kind kind) {
    soft_spi *s = spi_of(self);
    px_printf(out, "SoftSPI(baudrate=%lu, polarity=%d, phase=%d, firstbit=%s, sck=", (unsigned long)s->baudrate,
              s->polarity, s->phase, s->lsb ? "LSB" : "MSB");
    px_print(out, s->sck, PX_PRINT_REPR);
    px_write_cstr(out, ", mosi=");
    px_print(out, s->mosi, PX_PRINT_REPR);
    px_write_cstr(out, ", miso=");
    px_print(out, s->miso, PX_PRINT_REPR);
    px_write_cstr(out, ")");
}

/* ---- the driver under the shared methods (machine_spi_api.h): 8-bit
 * words, LSB first by the bit order of xfer_byte, no chip select */

static unsigned drv_word_bits(px_val self) {
    if (spi_of(self)->sck == PX_NONE) {
        px_raise_value_error("SoftSPI needs an sck pin: give sck=Pin(...)");
    }
    return 8;
}

static bool drv_reverse_here(px_val self) {
    return false;
}

static px_val drv_cs_pin(px_val self) {
    return PX_NONE;
}

static void drv_transfer(px_val self, const uint8_t *tx, uint8_t *rx, size_t len, uint8_t fill) {
    transfer(spi_of(self), tx, fill, rx, len);
}

static const px_spi_driver soft_spi_driver = {drv_word_bits, drv_reverse_here, drv_cs_pin, drv_transfer};

/* ---- methods */

static px_val soft_spi_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT, init_spec, a);
    apply(spi_of(argv[0]), a);
    return PX_NONE;
}

static px_val soft_spi_deinit(px_val self) {
    (void)spi_of(self); /* the pins stay as they are: they are the program's */
    return PX_NONE;
}

static PX_METHKW(soft_spi_init_obj, &px_type_soft_spi, init, 1, 2, soft_spi_init);
static PX_METH1(soft_spi_deinit_obj, &px_type_soft_spi, deinit, soft_spi_deinit);

/* Sorted by name bytes. */
static const px_map_entry soft_spi_table[] = {
    PX_ENTRY_OBJ(deinit, &soft_spi_deinit_obj),
    PX_ENTRY_OBJ(init, &soft_spi_init_obj),
};
static PX_CONST_MAP(soft_spi_dict, soft_spi_table);

const px_type px_type_soft_spi = {
    .base = {&px_type_type},
    .name = PX_Q(SoftSPI),
    .base_type = &px_type_spi_bus,
    .dict = &soft_spi_dict,
    .make = soft_spi_make,
    .print = soft_spi_print,
    .proto = &soft_spi_driver,
};
