/* machine.I2C on i2c-dev: each method is one combined transaction (one
 * I2C_RDWR ioctl, or the equivalent SMBus transfer on SMBus-only
 * adapters; see i2c_dev.h).
 *
 * A write with stop=False cannot leave the bus open between two system
 * calls, so it is kept and sent at the start of the next operation's
 * transaction, with a repeated start instead of the STOP: the common
 * writeto(addr, reg, False) + readfrom(addr, n) becomes the same single
 * transaction as readfrom_mem(addr, reg, n). Its errors (a NACK) surface
 * from that next operation. */
#include <errno.h>
#include <string.h>

#include "i2c_dev.h"
#include "machine.h"
#include "machine_args.h"
#include "machine_i2c_api.h"

typedef struct px_machine_i2c {
    px_obj base; /* &px_type_i2c */
    px_i2c_bus bus;
    unsigned num;
    size_t npending;                            /* writes sent with stop=False */
    px_i2c_msg pending[PX_I2C_MAX_MSGS - 1];    /* their buffers are GC leaf blocks */
} px_machine_i2c;

static px_machine_i2c *i2c_of(px_val v) {
    return (px_machine_i2c *)px_as_ptr(px_native(v, &px_type_i2c));
}

static void check_open(const px_machine_i2c *o) {
    if (o->bus.fd < 0) {
        px_raise_value_error("I2C bus /dev/i2c-%u was closed by deinit(); call init() to open it again", o->num);
    }
}

static void drop_pending(px_machine_i2c *o) {
    for (size_t i = 0; i < o->npending; i++) {
        px_gc_free(o->pending[i].buf);
    }
    o->npending = 0;
}

/* The pending writes, then msgs, as one transaction. */
static void run(px_machine_i2c *o, px_i2c_msg *msgs, size_t n) {
    check_open(o);
    px_i2c_msg all[PX_I2C_MAX_MSGS];
    size_t k = o->npending;
    memcpy(all, o->pending, k * sizeof all[0]);
    if (n > 0) {
        memcpy(all + k, msgs, n * sizeof all[0]);
    }
    const char *why;
    int err = px_i2c_transfer(&o->bus, all, k + n, &why);
    for (size_t i = 0; i < k; i++) {
        px_gc_free(o->pending[i].buf);
    }
    o->npending = 0; /* sent (or failed) with this transaction */
    if (err != 0) {
        px_i2c_raise(err, &o->bus, n > 0 ? msgs[0].addr : all[0].addr, why);
    }
}

static void flush_pending(px_machine_i2c *o) {
    if (o->npending > 0) {
        run(o, NULL, 0);
    }
}

static void open_bus(px_machine_i2c *o) {
    int err = px_i2c_open(&o->bus, o->num);
    if (err != 0) {
        px_i2c_raise_open(err, o->num);
    }
}

/* scl/sda: refused; freq/timeout (checked by px_i2c_parse_*): accepted,
 * neither can be set through i2c-dev (see docs/machine-linux.md). */
static void check_settings(const px_machine_i2c *o, const px_val *a) {
    if (a[PX_I2C_SCL] != PX_NONE || a[PX_I2C_SDA] != PX_NONE) {
        px_raise_value_error("the pins of /dev/i2c-%u are chosen by the device tree, not by I2C(): give no "
                             "scl/sda (the kernel's i2c-gpio overlay makes a bus on other pins)",
                             o->num);
    }
}

static px_val i2c_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[PX_I2C__COUNT];
    px_i2c_parse_make(argc, argv, kwnames, a);
    unsigned num;
    if (px_is_str(a[PX_I2C_ID])) {
        size_t len;
        const char *s = px_str_data(a[PX_I2C_ID], &len);
        num = px_i2c_resolve(s, len);
    } else {
        if (!px_is_int(a[PX_I2C_ID])) {
            px_raise_type_error("I2C id must be a bus number (1 for /dev/i2c-1) or an adapter name, not '%s'",
                                px_type_name(a[PX_I2C_ID]));
        }
        px_int n = px_index(a[PX_I2C_ID]);
        if (n < 0 || n > 0xfffff) {
            px_raise_value_error("I2C bus %lld does not exist", (long long)n);
        }
        num = (unsigned)n;
    }
    px_machine_i2c *o = px_gc_alloc(sizeof *o, PX_GC_FINALIZE);
    o->base.type = &px_type_i2c;
    o->bus.fd = -1;
    o->num = num;
    check_settings(o, a);
    open_bus(o);
    return px_from_ptr(o);
}

static void i2c_finalize(px_obj *self) {
    px_machine_i2c *o = (px_machine_i2c *)self;
    o->npending = 0; /* nothing is sent from the collector */
    px_i2c_close(&o->bus);
}

static void i2c_print(px_out *out, px_val self, px_print_kind kind) {
    px_machine_i2c *o = i2c_of(self);
    px_printf(out, "I2C(%u", o->num);
    if (o->bus.fd < 0) {
        px_write_cstr(out, ", closed)");
        return;
    }
    px_printf(out, ", adapter='%s'", o->bus.name);
    uint32_t hz = px_i2c_dt_freq(o->num);
    if (hz != 0) {
        px_printf(out, ", freq=%u", (unsigned)hz);
    }
    if (!px_i2c_full(&o->bus)) {
        px_write_cstr(out, ", smbus=True");
    }
    px_write_cstr(out, ")");
}

/* ---- methods */

static px_val i2c_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_machine_i2c *o = i2c_of(argv[0]);
    px_val a[PX_I2C__COUNT];
    px_i2c_parse_init(argc, argv, kwnames, a);
    check_settings(o, a);
    if (o->bus.fd < 0) {
        open_bus(o);
    }
    return PX_NONE;
}

static px_val i2c_deinit(px_val self) {
    px_machine_i2c *o = i2c_of(self);
    if (o->bus.fd < 0) {
        return PX_NONE;
    }
    px_val exc = PX_NULL;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        flush_pending(o); /* a last write with stop=False still goes out, with a STOP */
        px_try_pop(&j);
    } else {
        exc = j.exc;
    }
    drop_pending(o);
    px_i2c_close(&o->bus);
    if (exc != PX_NULL) {
        px_raise(exc);
    }
    return PX_NONE;
}

/* ---- the driver under the shared methods (machine_i2c_api.h) */

static bool drv_probe(px_val self, unsigned addr) {
    px_machine_i2c *o = i2c_of(self);
    check_open(o);
    flush_pending(o);
    int err = px_i2c_probe(&o->bus, (uint16_t)addr);
    if (err != 0 && err != ENXIO) {
        px_i2c_raise(err, &o->bus, (int)addr, NULL);
    }
    return err == 0;
}

/* A write with stop=False is kept and sent with the next operation.
 * Linux reports a NACK as an error, never a count of ACKs: success means
 * every byte was acknowledged (so `all` changes nothing). */
static size_t drv_write(px_val self, unsigned addr, const uint8_t *data, size_t len, bool stop, bool all) {
    (void)all;
    px_machine_i2c *o = i2c_of(self);
    px_i2c_msg m = {(uint16_t)addr, false, (uint16_t)len, (uint8_t *)data};
    if (stop) {
        run(o, &m, 1);
        return len;
    }
    check_open(o);
    if (o->npending == PX_I2C_MAX_MSGS - 1) {
        px_raise_value_error("more than %d writes with stop=False in a row: end the transaction with stop=True",
                             PX_I2C_MAX_MSGS - 1);
    }
    m.buf = px_gc_alloc(len + 1, PX_GC_LEAF);
    memcpy(m.buf, data, len);
    o->pending[o->npending++] = m;
    return len;
}

/* A read's stop argument changes nothing: a read always ends the
 * transaction (the kernel cannot keep it open once it returns the data). */
static void drv_read(px_val self, unsigned addr, uint8_t *data, size_t len, bool stop) {
    (void)stop;
    px_i2c_msg m = {(uint16_t)addr, true, (uint16_t)len, data};
    run(i2c_of(self), &m, 1);
}

static const px_i2c_driver i2c_dev_driver = {PX_I2C_MAX_LEN, "i2c-dev", drv_probe, drv_write, drv_read};

static PX_METHKW(i2c_init_obj, &px_type_i2c, init, 1, 3, i2c_init);
static PX_METH1(i2c_deinit_obj, &px_type_i2c, deinit, i2c_deinit);

/* Sorted by name bytes. */
static const px_map_entry i2c_table[] = {
    PX_ENTRY_OBJ(deinit, &i2c_deinit_obj),
    PX_ENTRY_OBJ(init, &i2c_init_obj),
};
static PX_CONST_MAP(i2c_dict, i2c_table);

const px_type px_type_i2c = {
    .base = {&px_type_type},
    .name = PX_Q(I2C),
    .base_type = &px_type_i2c_bus,
    .dict = &i2c_dict,
    .make = i2c_make,
    .print = i2c_print,
    .finalize = i2c_finalize,
    .proto = &i2c_dev_driver,
};
