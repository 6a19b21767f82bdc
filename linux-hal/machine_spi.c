/* machine.SPI on spidev. An SPI object is one device: bus B and chip
 * select C, /dev/spidevB.C; SPI(1) means (1, 0). Each read/write is one
 * full-duplex transfer during which the device stays selected, split into
 * several spidev messages when longer than spidev's buffer.
 *
 * cs= (our addition) names a Pin to drive as the chip select instead of
 * the kernel's: for buses without one, or more devices than the bus has
 * chip selects. The device is then opened with SPI_NO_CS.
 *
 * firstbit=SPI.LSB on a controller that cannot send the least significant
 * bit first (many cannot) is done by the shared layer
 * (machine_spi_api.c): each word's bits are reversed before sending and
 * after receiving. */
#include <errno.h>
#include <linux/spi/spi.h>
#include <stdio.h>
#include <string.h>

#include "machine.h"
#include "machine_args.h"
#include "machine_pin.h"
#include "machine_spi_api.h"
#include "spi_dev.h"

enum { FIRSTBIT_MSB = PX_SPI_MSB, FIRSTBIT_LSB = PX_SPI_LSB };

typedef struct px_machine_spi {
    px_obj base; /* &px_type_spi */
    px_spi_dev dev;
    unsigned bus, cs;
    int firstbit;
    bool soft_lsb; /* reverse bits here: the controller lacks SPI_LSB_FIRST */
    px_val cs_pin; /* the Pin driven as chip select, or PX_NONE */
} px_machine_spi;

static px_machine_spi *spi_of(px_val v) {
    return (px_machine_spi *)px_as_ptr(px_native(v, &px_type_spi));
}

static void check_open(const px_machine_spi *o) {
    if (o->dev.fd < 0) {
        px_raise_value_error("SPI device /dev/spidev%u.%u was closed by deinit(); call init() to open it again",
                             o->bus, o->cs);
    }
}

/* ---- the device id: B, (B, C), "spidevB.C" or "/dev/spidevB.C" */

static unsigned id_number(px_val v, const char *what) {
    px_int n = px_index(v);
    if (n < 0 || n > 0xffff) {
        px_raise_value_error("SPI %s %lld out of range", what, (long long)n);
    }
    return (unsigned)n;
}

static void resolve_id(px_val id, unsigned *bus, unsigned *cs) {
    if (px_is_str(id)) {
        size_t len;
        const char *s = px_str_data(id, &len);
        char buf[48], extra;
        snprintf(buf, sizeof buf, "%.*s", (int)(len < 47 ? len : 47), s);
        const char *name = strncmp(buf, "/dev/", 5) == 0 ? buf + 5 : buf;
        if (len >= sizeof buf || sscanf(name, "spidev%u.%u%c", bus, cs, &extra) != 2) {
            px_raise_value_error("an SPI id string names a device: 'spidev0.1' or '/dev/spidev0.1'");
        }
        return;
    }
    size_t n;
    px_val *items = px_is_tuple(id) ? px_seq_items(id, &n) : NULL;
    if (items != NULL) {
        if (n != 2) {
            px_raise_type_error("an SPI id tuple is (bus, chip_select)");
        }
        *bus = id_number(items[0], "bus");
        *cs = id_number(items[1], "chip select");
        return;
    }
    if (!px_is_int(id)) {
        px_raise_type_error("SPI id must be a bus number, a (bus, chip_select) tuple or 'spidevB.C', not '%s'",
                            px_type_name(id));
    }
    *bus = id_number(id, "bus");
    *cs = 0;
}

/* ---- settings */

/* The Pin for cs=: a Pin object, or a Pin id requested here, as an output
 * at 1 (not selected). */
static px_val take_cs_pin(px_val v) {
    if (v == PX_NONE) {
        return PX_NONE;
    }
    px_pin *p;
    if (px_isinstance(v, &px_type_pin)) {
        p = px_pin_of(v);
        p->out_value = 1;
        if (p->mode != PX_PIN_OUT && p->mode != PX_PIN_OPEN_DRAIN) {
            p->mode = PX_PIN_OUT;
        }
        px_pin_apply(p); /* requests it again after a deinit() */
        px_pin_write(p, 1);
        return v;
    }
    px_val args[3] = {v, px_small(PX_PIN_OUT), px_small(1)};
    px_val kw = px_tuple_new(1, NULL);
    px_tuple_ptr(kw)->items[0] = px_qstr(PX_Q(value));
    return px_pin_new(2, args, kw);
}

static void set_mode(px_machine_spi *o, uint32_t mode, const char *what) {
    int err = px_spi_set_mode(&o->dev, mode);
    if (err != 0) {
        char doing[120];
        snprintf(doing, sizeof doing, "mode %u%s", (unsigned)(mode & (SPI_CPOL | SPI_CPHA)), what);
        px_spi_raise(err, &o->dev, doing);
    }
}

static void apply_settings(px_machine_spi *o, const px_val *a) {
    if (a[PX_SPI_SCK] != PX_NONE || a[PX_SPI_MOSI] != PX_NONE || a[PX_SPI_MISO] != PX_NONE || a[PX_SPI_PINS] != PX_NONE) {
        px_raise_value_error("the pins of /dev/spidev%u.%u are chosen by the device tree, not by SPI(): give "
                             "no sck/mosi/miso (use cs= for a chip select on any pin)",
                             o->bus, o->cs);
    }
    /* SPI(id) alone keeps the device's settings */
    bool any = px_spi_settings_given(a);
    if (a[PX_SPI_CS] != PX_UNSET) {
        o->cs_pin = take_cs_pin(a[PX_SPI_CS]);
    }
    uint32_t mode = o->dev.mode & ~(uint32_t)(SPI_CPOL | SPI_CPHA | SPI_LSB_FIRST | SPI_NO_CS);
    if (!any) {
        /* the device keeps its settings; cs= may change SPI_NO_CS */
        mode |= o->dev.mode & (SPI_CPOL | SPI_CPHA | SPI_LSB_FIRST);
        o->firstbit = o->soft_lsb || (o->dev.mode & SPI_LSB_FIRST) ? FIRSTBIT_LSB : FIRSTBIT_MSB;
    } else {
        /* as init(): what is not given takes its default */
        px_spi_settings set;
        px_spi_settings_get(a, 1, 32, &set); /* spidev's word sizes */
        uint32_t baud = set.baudrate;
        mode |= set.polarity ? SPI_CPOL : 0;
        mode |= set.phase ? SPI_CPHA : 0;
        int bits = set.bits;
        o->firstbit = set.firstbit;
        int err = px_spi_set_bits(&o->dev, (uint8_t)bits);
        if (err != 0) {
            char doing[48];
            snprintf(doing, sizeof doing, "words of %d bits", bits);
            px_spi_raise(err, &o->dev, doing);
        }
        err = px_spi_set_speed(&o->dev, baud);
        if (err != 0) {
            char doing[48];
            snprintf(doing, sizeof doing, "a clock of %u Hz", (unsigned)baud);
            px_spi_raise(err, &o->dev, doing);
        }
        o->soft_lsb = false;
    }
    if (o->cs_pin != PX_NONE) {
        mode |= SPI_NO_CS;
    }
    if (o->firstbit == FIRSTBIT_LSB && !o->soft_lsb) {
        if (px_spi_set_mode(&o->dev, mode | SPI_LSB_FIRST) == 0) {
            return;
        }
        o->soft_lsb = true; /* the controller cannot: reverse the bits here */
    }
    set_mode(o, mode, (mode & SPI_NO_CS) ? " without a chip select (SPI_NO_CS, needed for cs=)" : "");
}

static void open_dev(px_machine_spi *o) {
    int err = px_spi_open(&o->dev, o->bus, o->cs);
    if (err != 0) {
        px_spi_raise_open(err, o->bus, o->cs);
    }
}

static px_val spi_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc < 1) {
        px_raise_type_error("SPI() needs the id of the device: a bus number or a (bus, chip_select) tuple");
    }
    unsigned bus, cs;
    resolve_id(argv[0], &bus, &cs);
    px_val a[PX_SPI__COUNT];
    px_spi_parse(PX_Q(SPI), argc - 1, argv + 1, kwnames, a);
    px_machine_spi *o = px_gc_alloc(sizeof *o, PX_GC_FINALIZE);
    o->base.type = &px_type_spi;
    o->dev.fd = -1;
    o->bus = bus;
    o->cs = cs;
    o->cs_pin = PX_NONE;
    open_dev(o);
    apply_settings(o, a);
    return px_from_ptr(o);
}

static void spi_finalize(px_obj *self) {
    px_spi_close(&((px_machine_spi *)self)->dev);
}

static void spi_print(px_out *out, px_val self, px_print_kind kind) {
    px_machine_spi *o = spi_of(self);
    px_printf(out, "SPI((%u, %u)", o->bus, o->cs);
    if (o->dev.fd < 0) {
        px_write_cstr(out, ", closed)");
        return;
    }
    px_printf(out, ", baudrate=%u, polarity=%d, phase=%d, bits=%u, firstbit=%s", (unsigned)o->dev.speed_hz,
              (o->dev.mode & SPI_CPOL) ? 1 : 0, (o->dev.mode & SPI_CPHA) ? 1 : 0, (unsigned)o->dev.bits,
              o->firstbit == FIRSTBIT_LSB ? "LSB" : "MSB");
    if (o->cs_pin != PX_NONE) {
        px_write_cstr(out, ", cs=");
        px_print(out, o->cs_pin, PX_PRINT_REPR);
    }
    px_write_cstr(out, ")");
}

/* ---- the driver under the shared methods (machine_spi_api.h) */

static unsigned drv_word_bits(px_val self) {
    px_machine_spi *o = spi_of(self);
    check_open(o);
    return o->dev.bits;
}

static bool drv_reverse_here(px_val self) {
    return spi_of(self)->soft_lsb;
}

static px_val drv_cs_pin(px_val self) {
    return spi_of(self)->cs_pin;
}

/* spidev always sends a buffer: `fill` is made into one. */
static void drv_transfer(px_val self, const uint8_t *tx, uint8_t *rx, size_t len, uint8_t fill) {
    px_machine_spi *o = spi_of(self);
    uint8_t *filled = NULL;
    if (tx == NULL) {
        filled = px_gc_alloc(len, PX_GC_LEAF);
        memset(filled, fill, len);
        tx = filled;
    }
    int err = px_spi_transfer(&o->dev, tx, rx, len);
    if (filled != NULL) {
        px_gc_free(filled);
    }
    if (err != 0) {
        char doing[80];
        snprintf(doing, sizeof doing, "a transfer of %zu byte%s at %u Hz", len, len == 1 ? "" : "s",
                 (unsigned)o->dev.speed_hz);
        px_spi_raise(err, &o->dev, doing);
    }
}

static const px_spi_driver spidev_driver = {drv_word_bits, drv_reverse_here, drv_cs_pin, drv_transfer};

/* ---- methods */

static px_val spi_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_machine_spi *o = spi_of(argv[0]);
    px_val a[PX_SPI__COUNT];
    px_spi_parse(PX_Q(init), argc - 1, argv + 1, kwnames, a);
    if (a[PX_SPI_BAUDRATE] == PX_UNSET) {
        a[PX_SPI_BAUDRATE] = px_small(1000000); /* init() is a full initialisation */
    }
    if (o->dev.fd < 0) {
        open_dev(o);
    }
    apply_settings(o, a);
    return PX_NONE;
}

static px_val spi_deinit(px_val self) {
    px_spi_close(&spi_of(self)->dev);
    return PX_NONE;
}

static PX_METHKW(spi_init_obj, &px_type_spi, init, 1, 2, spi_init);
static PX_METH1(spi_deinit_obj, &px_type_spi, deinit, spi_deinit);

/* Sorted by name bytes. */
static const px_map_entry spi_table[] = {
    PX_ENTRY_OBJ(deinit, &spi_deinit_obj),
    PX_ENTRY_OBJ(init, &spi_init_obj),
};
static PX_CONST_MAP(spi_dict, spi_table);

const px_type px_type_spi = {
    .base = {&px_type_type},
    .name = PX_Q(SPI),
    .base_type = &px_type_spi_bus,
    .dict = &spi_dict,
    .make = spi_make,
    .print = spi_print,
    .finalize = spi_finalize,
    .proto = &spidev_driver,
};
