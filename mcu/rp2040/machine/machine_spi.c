/* machine.SPI on the RP2040's two PL022 controllers, as a master. Pins:
 * GPIO n carries SPI(n/8 % 2) as MISO (n % 4 == 0), SCK (2) or MOSI (3).
 * The controller sends the most significant bit first only: firstbit=
 * SPI.LSB is done by the shared layer (machine_spi_api.c), which also
 * drives the Pin of cs= low around each transfer, as on Linux. */
#include "clocks.h"
#include "reg.h"
#include "resets.h"
#include "machine_spi_api.h"
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

/* ---- settings */

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
    if (a[PX_SPI_PINS] != PX_NONE) {
        px_raise_value_error("give the pins as sck=, mosi= and miso=");
    }
    px_spi_settings set;
    px_spi_settings_get(a, 4, 16, &set); /* the PL022's word sizes */
    uint32_t baud = set.baudrate;
    const uint8_t *dflt = default_pins[o->id];
    bool had = o->has_pins;
    uint8_t sck = pick_pin(o->id, a[PX_SPI_SCK], had ? o->sck : dflt[ROLE_SCK], ROLE_SCK, "SCK");
    uint8_t mosi = pick_pin(o->id, a[PX_SPI_MOSI], had ? o->mosi : dflt[ROLE_MOSI], ROLE_MOSI, "MOSI");
    uint8_t miso = pick_pin(o->id, a[PX_SPI_MISO], had ? o->miso : dflt[ROLE_MISO], ROLE_MISO, "MISO");
    uint32_t pre, scr;
    if (!rp_spi_clock(RP_SYS_HZ, baud, &pre, &scr)) {
        px_raise_value_error("baudrate %u is too low for SPI at clk_sys %u Hz: at least %u", (unsigned)baud,
                             (unsigned)RP_SYS_HZ, (unsigned)(RP_SYS_HZ / (254 * 256) + 1));
    }
    if (a[PX_SPI_CS] != PX_UNSET) {
        o->cs_pin = take_cs_pin(a[PX_SPI_CS]);
    }
    rp_reset_cycle(o->id ? RP_RESET_SPI1 : RP_RESET_SPI0);
    o->baudrate = baud;
    o->polarity = set.polarity;
    o->phase = set.phase;
    o->bits = set.bits;
    o->firstbit = set.firstbit;
    o->actual = rp_spi_init(o->id ? RP_SPI1_BASE : RP_SPI0_BASE, RP_SYS_HZ, baud, set.polarity, set.phase,
                            (unsigned)set.bits);
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
    px_val a[PX_SPI__COUNT];
    px_spi_parse(PX_Q(SPI), argc - 1, argv + 1, kwnames, a);
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

/* ---- the driver under the shared methods (machine_spi_api.h) */

static unsigned drv_word_bits(px_val self) {
    rp_machine_spi *o = spi_of(self);
    check_open(o);
    return (unsigned)o->bits;
}

static bool drv_reverse_here(px_val self) {
    return spi_of(self)->firstbit == PX_SPI_LSB; /* the PL022 sends MSB first only */
}

static px_val drv_cs_pin(px_val self) {
    return spi_of(self)->cs_pin;
}

/* Words over 8 bits take two bytes, so the fill byte is in both. */
static void drv_transfer(px_val self, const uint8_t *tx, uint8_t *rx, size_t len, uint8_t fill) {
    rp_machine_spi *o = spi_of(self);
    size_t ws = o->bits <= 8 ? 1 : 2;
    rp_spi_transfer(o->id ? RP_SPI1_BASE : RP_SPI0_BASE, (unsigned)o->bits, tx, rx, len / ws,
                    (uint16_t)(fill | (ws == 2 ? fill << 8 : 0)));
}

static const px_spi_driver rp_spi_driver = {drv_word_bits, drv_reverse_here, drv_cs_pin, drv_transfer};

/* ---- methods */

static px_val spi_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[PX_SPI__COUNT];
    px_spi_parse(PX_Q(init), argc - 1, argv + 1, kwnames, a);
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

/* Sorted by name bytes. */
static const px_map_entry spi_table[] = {
    PX_ENTRY_OBJ(deinit, &spi_deinit_obj),
    PX_ENTRY_OBJ(init, &spi_init_obj),
};
static PX_CONST_MAP(spi_dict, spi_table);

const px_type rp_type_spi = {
    .base = {&px_type_type},
    .name = PX_Q(SPI),
    .base_type = &px_type_spi_bus,
    .dict = &spi_dict,
    .make = spi_make,
    .print = spi_print,
    .proto = &rp_spi_driver,
};
