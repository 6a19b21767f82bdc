/* machine.I2C on the RP2040's two DW_apb_i2c controllers. Each method is
 * one transaction: START, the messages with a repeated start between
 * them, STOP. A write with stop=False leaves the bus held (the controller
 * keeps SCL low), and the next operation continues it after a repeated
 * start, as the documentation describes. Pins: GPIO n carries I2C(n/2 % 2)
 * as SDA when n is even, SCL when odd; the internal pull-ups are turned on
 * (external ones, 2-10 kOhm, are still wanted above 100 kHz). */
#include <errno.h>
#include <stdint.h>

#include "clocks.h"
#include "i2c.h"
#include "machine_i2c_api.h"
#include "reg.h"
#include "resets.h"
#include "rp_machine.h"

typedef struct rp_machine_i2c {
    px_obj base; /* &rp_type_i2c */
    unsigned id;
    rp_i2c bus;
    uint32_t freq;     /* asked for */
    uint32_t actual;   /* SCL as set; 0 after deinit() */
    uint8_t scl, sda;
    bool has_pins; /* scl and sda chosen: init() keeps them */
} rp_machine_i2c;

static const uint8_t default_sda[2] = {4, 6}, default_scl[2] = {5, 7};

static rp_machine_i2c *i2c_of(px_val v) {
    return (rp_machine_i2c *)px_as_ptr(px_native(v, &rp_type_i2c));
}

static void check_open(const rp_machine_i2c *o) {
    if (o->actual == 0) {
        px_raise_value_error("I2C(%u) was turned off by deinit(); call init() to use it again", o->id);
    }
}

/* OSError for a failed transfer, naming the bus and the device. */
PX_NORETURN static void raise_status(const rp_machine_i2c *o, rp_i2c_status st, unsigned addr) {
    switch (st) {
    case RP_I2C_NACK_ADDR:
        px_machine_raise_os(ENXIO, "I2C(%u): no device acknowledged address 0x%02x (nothing there, or it is busy)",
                            o->id, addr);
    case RP_I2C_NACK_DATA:
        px_machine_raise_os(EIO, "I2C(%u): the device at 0x%02x did not acknowledge (it refused a byte)", o->id,
                            addr);
    case RP_I2C_TIMEOUT:
        px_machine_raise_os(ETIMEDOUT,
                            "I2C(%u): the transfer to 0x%02x timed out after %u us (a device holding the "
                            "bus? check the wiring and the pull-ups on SDA GP%u and SCL GP%u)",
                            o->id, addr, (unsigned)o->bus.timeout_us, (unsigned)o->sda, (unsigned)o->scl);
    default:
        px_machine_raise_os(EIO, "I2C(%u): the transfer to 0x%02x was aborted (lost arbitration?)", o->id, addr);
    }
}

/* ---- the driver under the shared methods (machine_i2c_api.h) */

static bool drv_probe(px_val self, unsigned addr) {
    rp_machine_i2c *o = i2c_of(self);
    check_open(o);
    uint8_t b;
    rp_i2c_status st = rp_i2c_read(&o->bus, (uint8_t)addr, &b, 1, true);
    if (st != RP_I2C_OK && st != RP_I2C_NACK_ADDR) {
        raise_status(o, st, addr);
    }
    return st == RP_I2C_OK;
}

/* The controller cannot send an address without data: an empty write
 * probes the address with a one-byte read (a read changes nothing in a
 * device, unlike a written byte). */
static size_t drv_write(px_val self, unsigned addr, const uint8_t *data, size_t len, bool stop, bool all) {
    rp_machine_i2c *o = i2c_of(self);
    check_open(o);
    size_t acked = 0;
    rp_i2c_status st;
    if (len == 0) {
        uint8_t b;
        st = rp_i2c_read(&o->bus, (uint8_t)addr, &b, 1, true);
    } else {
        st = rp_i2c_write(&o->bus, (uint8_t)addr, data, len, stop, &acked);
    }
    if (st != RP_I2C_OK && (all || st != RP_I2C_NACK_DATA)) {
        raise_status(o, st, addr);
    }
    return acked;
}

static void drv_read(px_val self, unsigned addr, uint8_t *data, size_t len, bool stop) {
    rp_machine_i2c *o = i2c_of(self);
    check_open(o);
    rp_i2c_status st = rp_i2c_read(&o->bus, (uint8_t)addr, data, len, stop);
    if (st != RP_I2C_OK) {
        raise_status(o, st, addr);
    }
}

static const px_i2c_driver rp_i2c_driver = {SIZE_MAX, "the RP2040's I2C", drv_probe, drv_write, drv_read};

/* ---- construction */

static uint8_t pick_pin(unsigned id, px_val v, uint8_t dflt, bool sda) {
    if (v == PX_NONE) {
        return dflt;
    }
    unsigned n = rp_pin_resolve(v);
    if ((n >> 1 & 1u) != id || (n & 1u) != (sda ? 0u : 1u)) {
        px_raise_value_error("GP%u cannot be %s of I2C(%u): use GP%u, GP%u, GP%u... (every 4th pin from GP%u)", n,
                             sda ? "SDA" : "SCL", id, 2 * id + !sda, 2 * id + !sda + 4, 2 * id + !sda + 8,
                             2 * id + !sda);
    }
    return (uint8_t)n;
}

static void setup(rp_machine_i2c *o, const px_val *a) {
    uint8_t scl = pick_pin(o->id, a[PX_I2C_SCL], o->has_pins ? o->scl : default_scl[o->id], false);
    uint8_t sda = pick_pin(o->id, a[PX_I2C_SDA], o->has_pins ? o->sda : default_sda[o->id], true);
    int64_t freq = px_machine_setting(a[PX_I2C_FREQ], 400000, 1, 1000000, "freq");
    int64_t timeout = px_machine_setting(a[PX_I2C_TIMEOUT], 50000, 1, 0x7fffffff, "timeout");
    uint32_t hcnt, lcnt;
    if (!rp_i2c_timing(RP_SYS_HZ, (uint32_t)freq, &hcnt, &lcnt)) {
        px_raise_value_error("freq %lld Hz is too low for the I2C controller at clk_sys %u Hz: at least %u Hz",
                             (long long)freq, (unsigned)RP_SYS_HZ, (unsigned)(RP_SYS_HZ / 0xffff + 1));
    }
    rp_reset_cycle(o->id ? RP_RESET_I2C1 : RP_RESET_I2C0);
    o->bus.timeout_us = (uint32_t)timeout;
    o->freq = (uint32_t)freq;
    o->actual = rp_i2c_init(&o->bus, o->id ? RP_I2C1_BASE : RP_I2C0_BASE, RP_SYS_HZ, o->freq);
    o->scl = scl;
    o->sda = sda;
    o->has_pins = true;
    for (int i = 0; i < 2; i++) {
        unsigned pin = i ? sda : scl;
        rp_gpio_set_pulls(pin, true, false);
        rp_pin_give(pin, RP_GPIO_FUNC_I2C);
    }
}

static px_val i2c_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[PX_I2C__COUNT];
    px_i2c_parse_make(argc, argv, kwnames, a);
    if (!px_is_int(a[PX_I2C_ID])) {
        px_raise_type_error("I2C id must be 0 or 1, not '%s'", px_type_name(a[PX_I2C_ID]));
    }
    px_int id = px_index(a[PX_I2C_ID]);
    if (id != 0 && id != 1) {
        px_raise_value_error("I2C(%lld) does not exist: the RP2040 has I2C(0) and I2C(1)", (long long)id);
    }
    rp_machine_i2c *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &rp_type_i2c;
    o->id = (unsigned)id;
    setup(o, a);
    return px_from_ptr(o);
}

static void i2c_print(px_out *out, px_val self, px_print_kind kind) {
    rp_machine_i2c *o = i2c_of(self);
    if (o->actual == 0) {
        px_printf(out, "I2C(%u, off)", o->id);
        return;
    }
    px_printf(out, "I2C(%u, freq=%u, scl=%u, sda=%u, timeout=%u)", o->id, (unsigned)o->freq, (unsigned)o->scl,
              (unsigned)o->sda, (unsigned)o->bus.timeout_us);
}

/* ---- methods */

static px_val i2c_init(size_t argc, const px_val *argv, px_val kwnames) {
    rp_machine_i2c *o = i2c_of(argv[0]);
    px_val a[PX_I2C__COUNT];
    px_i2c_parse_init(argc, argv, kwnames, a);
    setup(o, a);
    return PX_NONE;
}

static px_val i2c_deinit(px_val self) {
    rp_machine_i2c *o = i2c_of(self);
    if (o->actual != 0) {
        rp_i2c_deinit(&o->bus);
        o->actual = 0;
    }
    return PX_NONE;
}

static PX_METHKW(i2c_init_obj, &rp_type_i2c, init, 1, 3, i2c_init);
static PX_METH1(i2c_deinit_obj, &rp_type_i2c, deinit, i2c_deinit);

/* Sorted by name bytes. */
static const px_map_entry i2c_table[] = {
    PX_ENTRY_OBJ(deinit, &i2c_deinit_obj),
    PX_ENTRY_OBJ(init, &i2c_init_obj),
};
static PX_CONST_MAP(i2c_dict, i2c_table);

const px_type rp_type_i2c = {
    .base = {&px_type_type},
    .name = PX_Q(I2C),
    .base_type = &px_type_i2c_bus,
    .dict = &i2c_dict,
    .make = i2c_make,
    .print = i2c_print,
    .proto = &rp_i2c_driver,
};
