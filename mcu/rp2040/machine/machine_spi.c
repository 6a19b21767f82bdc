/* machine.SPI on the RP2040's two PL022 controllers, as a master. Pins:
 * GPIO n carries SPI(n/8 % 2) as MISO (n % 4 == 0), SCK (2) or MOSI (3).
 * The controller sends the most significant bit first only: firstbit=
 * SPI.LSB reverses each word's bits here, before sending and after
 * receiving, as linux-hal does on controllers without LSB-first mode.
 * cs= (as on Linux, our addition) drives a Pin low around each transfer. */
#include <string.h>

#include "clocks.h"
#include "reg.h"
#include "resets.h"
#include "rp_machine.h"
#include "spi.h"

typedef struct rp_machine_spi {
    px_obj base; /* &rp_type_spi */
    unsigned id;
    uint32_t baudrate, actual; /* actual 0 after deinit() */
    int polarity, phase, bits, firstbit;
    uint8_t sck, mosi, miso;
    px_val cs_pin; /* the Pin driven as chip select, or PX_NONE */
    bool has_pins; /* sck, mosi and miso chosen: init() keeps them */
} rp_machine_spi;

enum { ROLE_MISO = 0, ROLE_SCK = 2, ROLE_MOSI = 3 };
static const uint8_t default_pins[2][4] = {{16, 0, 18, 19}, {12, 0, 10, 11}};

static rp_machine_spi *spi_of(px_val v) {
    return (rp_machine_spi *)px_as_ptr(px_native(v, &rp_type_spi));
}

static void check_open(const rp_machine_spi *o) {
    if (o->actual == 0) {
        px_raise_value_error("SPI(%u) was turned off by deinit(); call init() to use it again", o->id);
    }
}

static size_t word_size(const rp_machine_spi *o) {
    return o->bits <= 8 ? 1 : 2;
}

/* ---- settings */

enum { A_BAUDRATE, A_POLARITY, A_PHASE, A_BITS, A_FIRSTBIT, A_SCK, A_MOSI, A_MISO, A_PINS, A_CS, A__COUNT };

static const px_argspec init_spec[A__COUNT] = {
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

static uint8_t pick_pin(unsigned id, px_val v, uint8_t current, int role, const char *name) {
    if (v == PX_NONE) {
        return current;
    }
    unsigned n = rp_pin_resolve(v);
    if ((n >> 3 & 1u) != id || (n & 3u) != (unsigned)role) {
        unsigned first = 8 * id + (unsigned)role;
        px_raise_value_error("GP%u cannot be %s of SPI(%u): use GP%u, GP%u, GP%u or GP%u", n, name, id, first,
                             first + 4, first + 16, first + 20);
    }
    return (uint8_t)n;
}

/* The Pin for cs=: a Pin or a Pin id, as an output at 1 (not selected). */
static px_val take_cs_pin(px_val v) {
    if (v == PX_NONE) {
        return PX_NONE;
    }
    rp_pin *p = rp_pin_get(rp_pin_resolve(v));
    rp_gpio_init(p->gpio); /* software control, an input at first */
    p->sio = true;
    p->mode = PX_PIN_OUT;
    rp_pin_write(p, 1);
    return px_from_ptr(p);
}

/* Every setting: given ones, else the defaults (init() is a full
 * initialisation; the controller keeps nothing across a reset). */
static void setup(rp_machine_spi *o, const px_val *a) {
    if (a[A_PINS] != PX_NONE) {
        px_raise_value_error("give the pins as sck=, mosi= and miso=");
    }
    uint32_t baud = (uint32_t)px_machine_setting(a[A_BAUDRATE], 1000000, 1, 0xffffffff, "baudrate");
    int polarity = (int)px_machine_setting(a[A_POLARITY], 0, 0, 1, "polarity");
    int phase = (int)px_machine_setting(a[A_PHASE], 0, 0, 1, "phase");
    int bits = (int)px_machine_setting(a[A_BITS], 8, 4, 16, "bits");
    int firstbit = (int)px_machine_setting(a[A_FIRSTBIT], PX_SPI_MSB, PX_SPI_MSB, PX_SPI_LSB, "firstbit");
    const uint8_t *dflt = default_pins[o->id];
    bool had = o->has_pins;
    uint8_t sck = pick_pin(o->id, a[A_SCK], had ? o->sck : dflt[ROLE_SCK], ROLE_SCK, "SCK");
    uint8_t mosi = pick_pin(o->id, a[A_MOSI], had ? o->mosi : dflt[ROLE_MOSI], ROLE_MOSI, "MOSI");
    uint8_t miso = pick_pin(o->id, a[A_MISO], had ? o->miso : dflt[ROLE_MISO], ROLE_MISO, "MISO");
    uint32_t pre, scr;
    if (!rp_spi_clock(RP_SYS_HZ, baud, &pre, &scr)) {
        px_raise_value_error("baudrate %u is too low for SPI at clk_sys %u Hz: at least %u", (unsigned)baud,
                             (unsigned)RP_SYS_HZ, (unsigned)(RP_SYS_HZ / (254 * 256) + 1));
    }
    if (a[A_CS] != PX_UNSET) {
        o->cs_pin = take_cs_pin(a[A_CS]);
    }
    rp_reset_cycle(o->id ? RP_RESET_SPI1 : RP_RESET_SPI0);
    o->baudrate = baud;
    o->polarity = polarity;
    o->phase = phase;
    o->bits = bits;
    o->firstbit = firstbit;
    o->actual = rp_spi_init(o->id ? RP_SPI1_BASE : RP_SPI0_BASE, RP_SYS_HZ, baud, polarity, phase, (unsigned)bits);
    o->sck = sck;
    o->mosi = mosi;
    o->miso = miso;
    o->has_pins = true;
    rp_pin_give(sck, RP_GPIO_FUNC_SPI);
    rp_pin_give(mosi, RP_GPIO_FUNC_SPI);
    rp_pin_give(miso, RP_GPIO_FUNC_SPI);
}

static px_val spi_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc < 1) {
        px_raise_type_error("SPI() needs the id of the controller: 0 or 1");
    }
    if (!px_is_int(argv[0])) {
        px_raise_type_error("SPI id must be 0 or 1, not '%s'", px_type_name(argv[0]));
    }
    px_int id = px_index(argv[0]);
    if (id != 0 && id != 1) {
        px_raise_value_error("SPI(%lld) does not exist: the RP2040 has SPI(0) and SPI(1)", (long long)id);
    }
    px_val a[A__COUNT];
    px_parse_args(PX_Q(SPI), argc - 1, argv + 1, kwnames, A__COUNT, init_spec, a);
    rp_machine_spi *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &rp_type_spi;
    o->id = (unsigned)id;
    o->cs_pin = PX_NONE;
    setup(o, a);
    return px_from_ptr(o);
}

static void spi_print(px_out *out, px_val self, px_print_kind kind) {
    rp_machine_spi *o = spi_of(self);
    if (o->actual == 0) {
        px_printf(out, "SPI(%u, off)", o->id);
        return;
    }
    px_printf(out, "SPI(%u, baudrate=%u, polarity=%d, phase=%d, bits=%d, firstbit=%s, sck=%u, mosi=%u, miso=%u",
              o->id, (unsigned)o->actual, o->polarity, o->phase, o->bits, o->firstbit == PX_SPI_LSB ? "LSB" : "MSB",
              (unsigned)o->sck, (unsigned)o->mosi, (unsigned)o->miso);
    if (o->cs_pin != PX_NONE) {
        px_write_cstr(out, ", cs=");
        px_print(out, o->cs_pin, PX_PRINT_REPR);
    }
    px_write_cstr(out, ")");
}

/* ---- transfers */

/* One transfer with the device selected throughout. tx is a scratch
 * copy when the bits are reversed here (it is changed); NULL sends fill. */
static void transfer(rp_machine_spi *o, uint8_t *tx, uint8_t *rx, size_t len, uint16_t fill) {
    check_open(o);
    size_t ws = word_size(o);
    if (len % ws != 0) {
        px_raise_value_error("with bits=%d each word takes %zu bytes: a buffer of %zu bytes is not whole words",
                             o->bits, ws, len);
    }
    bool lsb = o->firstbit == PX_SPI_LSB;
    if (lsb && tx != NULL) {
        px_machine_reverse_words(tx, len, ws, (unsigned)o->bits);
    }
    if (lsb && tx == NULL) {
        uint8_t f[2] = {(uint8_t)fill, 0};
        px_machine_reverse_words(f, 1, 1, (unsigned)(o->bits < 8 ? o->bits : 8));
        fill = f[0];
    }
    rp_pin *cs = o->cs_pin != PX_NONE ? (rp_pin *)px_as_ptr(o->cs_pin) : NULL;
    if (cs != NULL) {
        rp_pin_write(cs, 0);
    }
    rp_spi_transfer(o->id ? RP_SPI1_BASE : RP_SPI0_BASE, (unsigned)o->bits, tx, rx, len / ws, fill);
    if (cs != NULL) {
        rp_pin_write(cs, 1);
    }
    if (lsb && rx != NULL) {
        px_machine_reverse_words(rx, len, ws, (unsigned)o->bits);
    }
}

static uint8_t *tx_copy(const void *data, size_t len) {
    uint8_t *tx = px_gc_alloc(len + 1, PX_GC_LEAF);
    memcpy(tx, data, len);
    return tx;
}

static px_val spi_read(size_t argc, const px_val *argv) {
    rp_machine_spi *o = spi_of(argv[0]);
    size_t n = px_machine_nbytes(argv[1]);
    uint16_t fill = (uint16_t)(argc > 2 ? px_index(argv[2]) & 0xff : 0);
    uint8_t *rx = px_gc_alloc(n + 1, PX_GC_LEAF);
    transfer(o, NULL, rx, n, fill);
    px_val r = px_bytes(rx, n);
    px_gc_free(rx);
    return r;
}

static px_val spi_readinto(size_t argc, const px_val *argv) {
    rp_machine_spi *o = spi_of(argv[0]);
    px_buffer b;
    px_get_buffer(argv[1], &b, PX_BUF_WRITE);
    uint16_t fill = (uint16_t)(argc > 2 ? px_index(argv[2]) & 0xff : 0);
    transfer(o, NULL, b.data, b.len, fill);
    return PX_NONE;
}

static px_val spi_write(px_val self, px_val buf) {
    rp_machine_spi *o = spi_of(self);
    px_buffer b;
    px_get_buffer(buf, &b, PX_BUF_READ);
    uint8_t *tx = o->firstbit == PX_SPI_LSB ? tx_copy(b.data, b.len) : b.data;
    transfer(o, tx, NULL, b.len, 0);
    if (tx != b.data) {
        px_gc_free(tx);
    }
    return PX_NONE;
}

static px_val spi_write_readinto(px_val self, px_val wbuf, px_val rbuf) {
    rp_machine_spi *o = spi_of(self);
    px_buffer w, r;
    px_get_buffer(wbuf, &w, PX_BUF_READ);
    px_get_buffer(rbuf, &r, PX_BUF_WRITE);
    if (w.len != r.len) {
        px_raise_value_error("write_readinto needs buffers of the same length, not %zu and %zu", w.len, r.len);
    }
    uint8_t *tx = o->firstbit == PX_SPI_LSB ? tx_copy(w.data, w.len) : w.data;
    transfer(o, tx, r.data, r.len, 0); /* the buffers may be the same: the driver reads ahead of writing */
    if (tx != w.data) {
        px_gc_free(tx);
    }
    return PX_NONE;
}

static px_val spi_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT, init_spec, a);
    setup(spi_of(argv[0]), a);
    return PX_NONE;
}

static px_val spi_deinit(px_val self) {
    rp_machine_spi *o = spi_of(self);
    if (o->actual != 0) {
        rp_spi_deinit(o->id ? RP_SPI1_BASE : RP_SPI0_BASE);
        o->actual = 0;
    }
    return PX_NONE;
}

static PX_METHKW(spi_init_obj, &rp_type_spi, init, 1, 2, spi_init);
static PX_METH1(spi_deinit_obj, &rp_type_spi, deinit, spi_deinit);
static PX_METHV(spi_read_obj, &rp_type_spi, read, 2, 3, spi_read);
static PX_METHV(spi_readinto_obj, &rp_type_spi, readinto, 2, 3, spi_readinto);
static PX_METH2(spi_write_obj, &rp_type_spi, write, spi_write);
static PX_METH3(spi_write_readinto_obj, &rp_type_spi, write_readinto, spi_write_readinto);

/* Sorted by name bytes (uppercase first). */
static const px_map_entry spi_table[] = {
    PX_ENTRY(LSB, PX_SMALL_CONST(PX_SPI_LSB)),
    PX_ENTRY(MSB, PX_SMALL_CONST(PX_SPI_MSB)),
    PX_ENTRY_OBJ(deinit, &spi_deinit_obj),
    PX_ENTRY_OBJ(init, &spi_init_obj),
    PX_ENTRY_OBJ(read, &spi_read_obj),
    PX_ENTRY_OBJ(readinto, &spi_readinto_obj),
    PX_ENTRY_OBJ(write, &spi_write_obj),
    PX_ENTRY_OBJ(write_readinto, &spi_write_readinto_obj),
};
static PX_CONST_MAP(spi_dict, spi_table);

const px_type rp_type_spi = {
    .base = {&px_type_type},
    .name = PX_Q(SPI),
    .base_type = &px_type_object,
    .dict = &spi_dict,
    .make = spi_make,
    .print = spi_print,
};
