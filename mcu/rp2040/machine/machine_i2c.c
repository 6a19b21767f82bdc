/* machine.I2C on the RP2040's two DW_apb_i2c controllers. Each method is
 * one transaction: START, the messages with a repeated start between
 * them, STOP. A write with stop=False leaves the bus held (the controller
 * keeps SCL low), and the next operation continues it after a repeated
 * start, as the documentation describes. Pins: GPIO n carries I2C(n/2 % 2)
 * as SDA when n is even, SCL when odd; the internal pull-ups are turned on
 * (external ones, 2-10 kOhm, are still wanted above 100 kHz). */
#include <errno.h>
#include <string.h>

#include "clocks.h"
#include "i2c.h"
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

static void write_all(rp_machine_i2c *o, unsigned addr, const uint8_t *data, size_t len, bool stop) {
    size_t acked;
    rp_i2c_status st = rp_i2c_write(&o->bus, (uint8_t)addr, data, len, stop, &acked);
    if (st != RP_I2C_OK) {
        raise_status(o, st, addr);
    }
}

static void read_all(rp_machine_i2c *o, unsigned addr, uint8_t *data, size_t len, bool stop) {
    rp_i2c_status st = rp_i2c_read(&o->bus, (uint8_t)addr, data, len, stop);
    if (st != RP_I2C_OK) {
        raise_status(o, st, addr);
    }
}

/* ---- construction */

enum { A_ID, A_SCL, A_SDA, A_FREQ, A_TIMEOUT, A__COUNT };

static const px_argspec i2c_spec[A__COUNT] = {
    {PX_Q(id), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(scl), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(sda), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(freq), PX_ARG_KWONLY, PX_SMALL_CONST(400000)},
    {PX_Q(timeout), PX_ARG_KWONLY, PX_SMALL_CONST(50000)},
};

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
    uint8_t scl = pick_pin(o->id, a[A_SCL], o->has_pins ? o->scl : default_scl[o->id], false);
    uint8_t sda = pick_pin(o->id, a[A_SDA], o->has_pins ? o->sda : default_sda[o->id], true);
    int64_t freq = px_machine_setting(a[A_FREQ], 400000, 1, 1000000, "freq");
    int64_t timeout = px_machine_setting(a[A_TIMEOUT], 50000, 1, 0x7fffffff, "timeout");
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
    px_val a[A__COUNT];
    px_parse_args(PX_Q(I2C), argc, argv, kwnames, A__COUNT, i2c_spec, a);
    if (!px_is_int(a[A_ID])) {
        px_raise_type_error("I2C id must be 0 or 1, not '%s'", px_type_name(a[A_ID]));
    }
    px_int id = px_index(a[A_ID]);
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
    px_val a[A__COUNT];
    a[A_ID] = argv[0];
    px_argspec spec[A__COUNT - 1];
    memcpy(spec, i2c_spec + 1, sizeof spec);
    spec[0].flags = spec[1].flags = 0; /* init(scl, sda, *, freq, timeout) */
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT - 1, spec, a + 1);
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

/* scan(): a one-byte read of each address 0x08..0x77 (the controller
 * cannot send an address without data; a read changes nothing in a
 * device, unlike a written byte). */
static px_val i2c_scan(px_val self) {
    rp_machine_i2c *o = i2c_of(self);
    check_open(o);
    px_val found = px_list_new(0, NULL);
    for (unsigned addr = 0x08; addr <= 0x77; addr++) {
        uint8_t b;
        rp_i2c_status st = rp_i2c_read(&o->bus, (uint8_t)addr, &b, 1, true);
        if (st == RP_I2C_OK) {
            px_list_append(found, px_small((px_int)addr));
        } else if (st != RP_I2C_NACK_ADDR) {
            raise_status(o, st, addr);
        }
    }
    return found;
}

static bool arg_stop(size_t argc, const px_val *argv, size_t at) {
    return argc <= at || px_truthy(argv[at]);
}

static px_val i2c_readfrom(size_t argc, const px_val *argv) {
    rp_machine_i2c *o = i2c_of(argv[0]);
    unsigned addr = px_machine_i2c_addr(argv[1]);
    size_t n = px_machine_nbytes(argv[2]);
    check_open(o);
    uint8_t *buf = px_gc_alloc(n + 1, PX_GC_LEAF);
    read_all(o, addr, buf, n, arg_stop(argc, argv, 3));
    px_val r = px_bytes(buf, n);
    px_gc_free(buf);
    return r;
}

static px_val i2c_readfrom_into(size_t argc, const px_val *argv) {
    rp_machine_i2c *o = i2c_of(argv[0]);
    unsigned addr = px_machine_i2c_addr(argv[1]);
    px_buffer b;
    px_get_buffer(argv[2], &b, PX_BUF_WRITE);
    check_open(o);
    read_all(o, addr, b.data, b.len, arg_stop(argc, argv, 3));
    return PX_NONE;
}

/* A write: the number of bytes the device acknowledged (it stops at the
 * first refused one). No acknowledged address is an OSError. An empty
 * write probes the address with a one-byte read (see scan). */
static px_val write_count(rp_machine_i2c *o, unsigned addr, const uint8_t *data, size_t len, bool stop) {
    check_open(o);
    size_t acked = 0;
    rp_i2c_status st;
    if (len == 0) {
        uint8_t b;
        st = rp_i2c_read(&o->bus, (uint8_t)addr, &b, 1, true);
    } else {
        st = rp_i2c_write(&o->bus, (uint8_t)addr, data, len, stop, &acked);
    }
    if (st != RP_I2C_OK && st != RP_I2C_NACK_DATA) {
        raise_status(o, st, addr);
    }
    return px_small((px_int)acked);
}

static px_val i2c_writeto(size_t argc, const px_val *argv) {
    rp_machine_i2c *o = i2c_of(argv[0]);
    unsigned addr = px_machine_i2c_addr(argv[1]);
    px_buffer b;
    px_get_buffer(argv[2], &b, PX_BUF_READ);
    return write_count(o, addr, b.data, b.len, arg_stop(argc, argv, 3));
}

static px_val i2c_writevto(size_t argc, const px_val *argv) {
    rp_machine_i2c *o = i2c_of(argv[0]);
    unsigned addr = px_machine_i2c_addr(argv[1]);
    size_t n;
    px_val *items = px_seq_items(argv[2], &n);
    if (items == NULL) {
        px_raise_type_error("writevto() needs a tuple or list of buffers, not '%s'", px_type_name(argv[2]));
    }
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        px_buffer b;
        px_get_buffer(items[i], &b, PX_BUF_READ);
        total += b.len;
    }
    /* the address once, then every buffer's bytes: one message */
    uint8_t *data = px_gc_alloc(total + 1, PX_GC_LEAF);
    size_t at = 0;
    for (size_t i = 0; i < n && at < total; i++) {
        px_buffer b;
        px_get_buffer(items[i], &b, PX_BUF_READ);
        size_t k = b.len < total - at ? b.len : total - at;
        memcpy(data + at, b.data, k);
        at += k;
    }
    px_val r = write_count(o, addr, data, at, arg_stop(argc, argv, 3));
    px_gc_free(data);
    return r;
}

/* ---- memory operations: the memory address written, then the data read
 * after a repeated start or written in the same message */

enum { M_ADDR, M_MEMADDR, M_DATA, M_ADDRSIZE, M__COUNT };

static const px_argspec readmem_spec[M__COUNT] = {
    {PX_Q(addr), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(memaddr), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(nbytes), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(addrsize), PX_ARG_KWONLY, PX_SMALL_CONST(8)},
};

static const px_argspec bufmem_spec[M__COUNT] = {
    {PX_Q(addr), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(memaddr), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(buf), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(addrsize), PX_ARG_KWONLY, PX_SMALL_CONST(8)},
};

static void read_mem(rp_machine_i2c *o, const px_val *a, uint8_t *data, size_t len) {
    uint8_t ma[4];
    unsigned addr = px_machine_i2c_addr(a[M_ADDR]);
    size_t na = px_machine_i2c_memaddr(a[M_MEMADDR], a[M_ADDRSIZE], ma);
    check_open(o);
    write_all(o, addr, ma, na, false);
    read_all(o, addr, data, len, true);
}

static px_val i2c_readfrom_mem(size_t argc, const px_val *argv, px_val kwnames) {
    rp_machine_i2c *o = i2c_of(argv[0]);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(readfrom_mem), argc - 1, argv + 1, kwnames, M__COUNT, readmem_spec, a);
    size_t len = px_machine_nbytes(a[M_DATA]);
    uint8_t *data = px_gc_alloc(len + 1, PX_GC_LEAF);
    read_mem(o, a, data, len);
    px_val r = px_bytes(data, len);
    px_gc_free(data);
    return r;
}

static px_val i2c_readfrom_mem_into(size_t argc, const px_val *argv, px_val kwnames) {
    rp_machine_i2c *o = i2c_of(argv[0]);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(readfrom_mem_into), argc - 1, argv + 1, kwnames, M__COUNT, bufmem_spec, a);
    px_buffer b;
    px_get_buffer(a[M_DATA], &b, PX_BUF_WRITE);
    read_mem(o, a, b.data, b.len);
    return PX_NONE;
}

static px_val i2c_writeto_mem(size_t argc, const px_val *argv, px_val kwnames) {
    rp_machine_i2c *o = i2c_of(argv[0]);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(writeto_mem), argc - 1, argv + 1, kwnames, M__COUNT, bufmem_spec, a);
    unsigned addr = px_machine_i2c_addr(a[M_ADDR]);
    uint8_t ma[4];
    size_t na = px_machine_i2c_memaddr(a[M_MEMADDR], a[M_ADDRSIZE], ma);
    px_buffer b;
    px_get_buffer(a[M_DATA], &b, PX_BUF_READ);
    uint8_t *data = px_gc_alloc(na + b.len, PX_GC_LEAF);
    memcpy(data, ma, na);
    memcpy(data + na, b.data, b.len);
    check_open(o);
    write_all(o, addr, data, na + b.len, true);
    px_gc_free(data);
    return PX_NONE;
}

static PX_METHKW(i2c_init_obj, &rp_type_i2c, init, 1, 3, i2c_init);
static PX_METH1(i2c_deinit_obj, &rp_type_i2c, deinit, i2c_deinit);
static PX_METH1(i2c_scan_obj, &rp_type_i2c, scan, i2c_scan);
static PX_METHV(i2c_readfrom_obj, &rp_type_i2c, readfrom, 3, 4, i2c_readfrom);
static PX_METHV(i2c_readfrom_into_obj, &rp_type_i2c, readfrom_into, 3, 4, i2c_readfrom_into);
static PX_METHV(i2c_writeto_obj, &rp_type_i2c, writeto, 3, 4, i2c_writeto);
static PX_METHV(i2c_writevto_obj, &rp_type_i2c, writevto, 3, 4, i2c_writevto);
static PX_METHKW(i2c_readfrom_mem_obj, &rp_type_i2c, readfrom_mem, 1, 5, i2c_readfrom_mem);
static PX_METHKW(i2c_readfrom_mem_into_obj, &rp_type_i2c, readfrom_mem_into, 1, 5, i2c_readfrom_mem_into);
static PX_METHKW(i2c_writeto_mem_obj, &rp_type_i2c, writeto_mem, 1, 5, i2c_writeto_mem);

/* Sorted by name bytes. */
static const px_map_entry i2c_table[] = {
    PX_ENTRY_OBJ(deinit, &i2c_deinit_obj),
    PX_ENTRY_OBJ(init, &i2c_init_obj),
    PX_ENTRY_OBJ(readfrom, &i2c_readfrom_obj),
    PX_ENTRY_OBJ(readfrom_into, &i2c_readfrom_into_obj),
    PX_ENTRY_OBJ(readfrom_mem, &i2c_readfrom_mem_obj),
    PX_ENTRY_OBJ(readfrom_mem_into, &i2c_readfrom_mem_into_obj),
    PX_ENTRY_OBJ(scan, &i2c_scan_obj),
    PX_ENTRY_OBJ(writeto, &i2c_writeto_obj),
    PX_ENTRY_OBJ(writeto_mem, &i2c_writeto_mem_obj),
    PX_ENTRY_OBJ(writevto, &i2c_writevto_obj),
};
static PX_CONST_MAP(i2c_dict, i2c_table);

const px_type rp_type_i2c = {
    .base = {&px_type_type},
    .name = PX_Q(I2C),
    .base_type = &px_type_object,
    .dict = &i2c_dict,
    .make = i2c_make,
    .print = i2c_print,
};
