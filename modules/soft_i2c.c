/* machine.SoftI2C: an I2C controller bit-banged on any two Pin objects,
 * through the documented Pin API only (init, value, the OPEN_DRAIN and
 * PULL_UP constants), so every port with a machine.Pin can offer it.
 *
 * Both lines are open drain: the controller pulls a line low or lets it
 * go, and the bus's pull-up resistors (plus the pins' own pull-ups, where
 * the port has them) bring it high. Letting SCL go waits until the line
 * is really high, which is how a device stretches the clock; longer than
 * `timeout` microseconds is OSError(ETIMEDOUT).
 *
 * One bit: SDA set while SCL is low, half a period, SCL let go (and
 * waited for), the bit sampled, half a period, SCL low. The ninth bit of
 * every byte is the receiver's ACK (SDA low) or NACK (let go).
 *
 * Errors: an address nobody acknowledges is OSError(ENODEV), as
 * MicroPython's; writeto/writevto count the acknowledged bytes and stop at
 * a refused one; the memory operations raise OSError(EIO) at a refused
 * byte. Every error ends the transaction with a STOP, so the bus is free. */
#include <errno.h>
#include <stdint.h>

#include "machine_i2c_api.h"
#include "soft_bus.h"

typedef struct {
    px_obj base; /* &px_type_soft_i2c */
    px_val scl, sda;
    uint32_t freq;
    uint32_t half_us; /* half a clock period, 0: as fast as the Pin calls go */
    uint32_t timeout_us;
} soft_i2c;

/* OSError(err, message), the message naming the bus and what to do (the
 * errno picks the subclass; the message is ours, as the HAL's are). */
PX_NORETURN static void raise_os(int err, px_val msg) {
    px_val args[2] = {px_small(err), msg};
    px_raise(px_exc_new(&px_type_OSError, 2, args));
}

#define BUS_ERROR(err, ...)                  \
    do {                                     \
        px_strbuf b_;                        \
        px_strbuf_init(&b_, 96);             \
        px_out o_ = px_strbuf_out(&b_);      \
        px_printf(&o_, __VA_ARGS__);         \
        raise_os((err), px_strbuf_to_str(&b_)); \
    } while (0)

static soft_i2c *i2c_of(px_val v) {
    return (soft_i2c *)px_as_ptr(px_native(v, &px_type_soft_i2c));
}

/* ---- the wires */

static void line_set(px_val pin, int v) {
    px_val arg = px_small(v);
    px_call_method(pin, PX_Q(value), 1, &arg);
}

static int line_get(px_val pin) {
    return px_truthy(px_call_method(pin, PX_Q(value), 0, NULL)) ? 1 : 0;
}

static void wait_half(const soft_i2c *s) {
    if (s->half_us == 0) {
        return;
    }
    uint64_t t0 = px_port_ticks_us();
    while (px_port_ticks_us() - t0 < s->half_us) {
    }
}

static void scl_low(const soft_i2c *s) {
    line_set(s->scl, 0);
}

/* Let SCL go and wait while a device holds it low (clock stretching). */
static void scl_release(const soft_i2c *s) {
    line_set(s->scl, 1);
    uint64_t t0 = px_port_ticks_us();
    while (!line_get(s->scl)) {
        if (px_port_ticks_us() - t0 > s->timeout_us) {
            BUS_ERROR(ETIMEDOUT,
                              "SoftI2C: SCL stayed low for %lu us after it was let go (a device "
                              "stretching the clock, or no pull-up resistor on SCL)",
                              (unsigned long)s->timeout_us);
        }
    }
}

/* ---- the bus conditions and bytes */

static void bus_start(const soft_i2c *s) {
    line_set(s->sda, 1);
    scl_release(s);
    wait_half(s);
    line_set(s->sda, 0); /* SDA falls while SCL is high */
    wait_half(s);
    scl_low(s);
}

static void bus_stop(const soft_i2c *s) {
    line_set(s->sda, 0);
    wait_half(s);
    scl_release(s);
    wait_half(s);
    line_set(s->sda, 1); /* SDA rises while SCL is high */
    wait_half(s);
}

/* Send a byte; true if the receiver acknowledged it. */
static bool write_byte(const soft_i2c *s, uint8_t b) {
    for (int i = 7; i >= 0; i--) {
        line_set(s->sda, (b >> i) & 1);
        wait_half(s);
        scl_release(s);
        wait_half(s);
        scl_low(s);
    }
    line_set(s->sda, 1); /* the receiver answers on SDA */
    wait_half(s);
    scl_release(s);
    bool ack = line_get(s->sda) == 0;
    wait_half(s);
    scl_low(s);
    return ack;
}

/* Receive a byte and answer ACK (more to come) or NACK (the last one). */
static uint8_t read_byte(const soft_i2c *s, bool ack) {
    uint8_t b = 0;
    line_set(s->sda, 1);
    for (int i = 0; i < 8; i++) {
        wait_half(s);
        scl_release(s);
        b = (uint8_t)(b << 1 | line_get(s->sda));
        wait_half(s);
        scl_low(s);
    }
    line_set(s->sda, ack ? 0 : 1);
    wait_half(s);
    scl_release(s);
    wait_half(s);
    scl_low(s);
    line_set(s->sda, 1);
    return b;
}

/* ---- transactions */

/* START and the address byte; a NACK ends the transaction (STOP) with
 * ENODEV. */
static void begin(const soft_i2c *s, uint8_t addr, bool read) {
    bus_start(s);
    if (!write_byte(s, (uint8_t)(addr << 1 | (read ? 1 : 0)))) {
        bus_stop(s);
        BUS_ERROR(ENODEV, "SoftI2C: no device acknowledged address 0x%02x", addr);
    }
}

/* Send n bytes; returns how many were acknowledged (it stops at a NACK). */
static size_t send(const soft_i2c *s, const uint8_t *data, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (!write_byte(s, data[i])) {
            return i;
        }
    }
    return n;
}

/* Receive n bytes, acknowledging all but the last unless nack_last is false. */
static void receive(const soft_i2c *s, uint8_t *data, size_t n, bool nack_last) {
    for (size_t i = 0; i < n; i++) {
        data[i] = read_byte(s, i + 1 < n || !nack_last);
    }
}

/* ---- init */

enum { A_SCL, A_SDA, A_FREQ, A_TIMEOUT, A__COUNT };

static const px_argspec init_spec[A__COUNT] = {
    {PX_Q(scl), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(sda), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(freq), PX_ARG_KWONLY, PX_SMALL_CONST(400000)},
    {PX_Q(timeout), PX_ARG_KWONLY, PX_SMALL_CONST(50000)},
};

/* pin.init(Pin.OPEN_DRAIN, Pin.PULL_UP, value=1): let go of the line. */
static void line_open_drain(px_val pin) {
    px_val args[3];
    args[0] = px_getattr(pin, PX_Q(OPEN_DRAIN));
    px_val pull = px_getattr_opt(pin, PX_Q(PULL_UP));
    args[1] = pull != PX_NULL ? pull : PX_NONE; /* a port without pulls relies on the bus's */
    args[2] = px_small(1);
    px_val name = px_qstr(PX_Q(value));
    px_call(px_getattr(pin, PX_Q(init)), 2, args, px_tuple_new(1, &name));
}

static void apply(soft_i2c *s, const px_val *a) {
    int64_t freq = px_int_to_i64(a[A_FREQ]);
    if (freq <= 0 || freq > 0xffffffff) {
        px_raise_value_error("freq must be positive, not %lld", (long long)freq);
    }
    int64_t timeout = px_int_to_i64(a[A_TIMEOUT]);
    if (timeout < 0 || timeout > 0xffffffff) {
        px_raise_value_error("timeout must be 0..4294967295 microseconds, not %lld", (long long)timeout);
    }
    line_open_drain(a[A_SCL]);
    line_open_drain(a[A_SDA]);
    s->scl = a[A_SCL];
    s->sda = a[A_SDA];
    s->freq = (uint32_t)freq;
    s->half_us = (uint32_t)(500000 / (uint64_t)freq);
    s->timeout_us = (uint32_t)timeout;
}

static px_val soft_i2c_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(SoftI2C), argc, argv, kwnames, A__COUNT, init_spec, a);
    soft_i2c *s = px_gc_alloc(sizeof *s, 0);
    s->base.type = &px_type_soft_i2c;
    s->scl = s->sda = PX_NONE;
    apply(s, a);
    return px_from_ptr(s);
}

static px_val soft_i2c_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT, init_spec, a);
    apply(i2c_of(argv[0]), a);
    return PX_NONE;
}

static px_val soft_i2c_deinit(px_val self) {
    (void)i2c_of(self); /* the pins stay as they are: they are the program's */
    return PX_NONE;
}

static void soft_i2c_print(px_out *out, px_val self, px_print_kind kind) {
    soft_i2c *s = i2c_of(self);
    px_write_cstr(out, "SoftI2C(scl=");
    px_print(out, s->scl, PX_PRINT_REPR);
    px_write_cstr(out, ", sda=");
    px_print(out, s->sda, PX_PRINT_REPR);
    px_printf(out, ", freq=%lu, timeout=%lu)", (unsigned long)s->freq, (unsigned long)s->timeout_us);
}

/* ---- primitive operations */

static px_val soft_i2c_start(px_val self) {
    bus_start(i2c_of(self));
    return PX_NONE;
}

static px_val soft_i2c_stop(px_val self) {
    bus_stop(i2c_of(self));
    return PX_NONE;
}

static px_val soft_i2c_readinto(size_t argc, const px_val *argv) {
    px_buffer b;
    px_get_buffer(argv[1], &b, PX_BUF_WRITE);
    receive(i2c_of(argv[0]), b.data, b.len, argc > 2 ? px_truthy(argv[2]) : true);
    return PX_NONE;
}

static px_val soft_i2c_write(px_val self, px_val data) {
    px_buffer b;
    px_get_buffer(data, &b, PX_BUF_READ);
    return px_int_from_i64((int64_t)send(i2c_of(self), b.data, b.len));
}

/* ---- the driver under the shared methods (machine_i2c_api.h) */

/* START, the address byte for writing, STOP. */
static bool drv_probe(px_val self, unsigned addr) {
    soft_i2c *s = i2c_of(self);
    bus_start(s);
    bool ack = write_byte(s, (uint8_t)(addr << 1));
    bus_stop(s);
    return ack;
}

static size_t drv_write(px_val self, unsigned addr, const uint8_t *data, size_t len, bool stop, bool all) {
    soft_i2c *s = i2c_of(self);
    begin(s, (uint8_t)addr, false);
    size_t acks = send(s, data, len);
    if (acks < len && all) {
        bus_stop(s);
        BUS_ERROR(EIO, "SoftI2C: the device at 0x%02x refused byte %u of the write", addr, (unsigned)acks);
    }
    if (stop) {
        bus_stop(s); /* even after a NACK, as documented */
    }
    return acks;
}

static void drv_read(px_val self, unsigned addr, uint8_t *data, size_t len, bool stop) {
    soft_i2c *s = i2c_of(self);
    begin(s, (uint8_t)addr, true);
    receive(s, data, len, true);
    if (stop) {
        bus_stop(s);
    }
}

static const px_i2c_driver soft_i2c_driver = {SIZE_MAX, "SoftI2C", drv_probe, drv_write, drv_read};

static PX_METHKW(soft_i2c_init_obj, &px_type_soft_i2c, init, 1, 3, soft_i2c_init);
static PX_METH1(soft_i2c_deinit_obj, &px_type_soft_i2c, deinit, soft_i2c_deinit);
static PX_METH1(soft_i2c_start_obj, &px_type_soft_i2c, start, soft_i2c_start);
static PX_METH1(soft_i2c_stop_obj, &px_type_soft_i2c, stop, soft_i2c_stop);
static PX_METHV(soft_i2c_readinto_obj, &px_type_soft_i2c, readinto, 2, 3, soft_i2c_readinto);
static PX_METH2(soft_i2c_write_obj, &px_type_soft_i2c, write, soft_i2c_write);

/* Sorted by name bytes. */
static const px_map_entry soft_i2c_table[] = {
    PX_ENTRY_OBJ(deinit, &soft_i2c_deinit_obj),
    PX_ENTRY_OBJ(init, &soft_i2c_init_obj),
    PX_ENTRY_OBJ(readinto, &soft_i2c_readinto_obj),
    PX_ENTRY_OBJ(start, &soft_i2c_start_obj),
    PX_ENTRY_OBJ(stop, &soft_i2c_stop_obj),
    PX_ENTRY_OBJ(write, &soft_i2c_write_obj),
};
static PX_CONST_MAP(soft_i2c_dict, soft_i2c_table);

const px_type px_type_soft_i2c = {
    .base = {&px_type_type},
    .name = PX_Q(SoftI2C),
    .base_type = &px_type_i2c_bus,
    .dict = &soft_i2c_dict,
    .make = soft_i2c_make,
    .print = soft_i2c_print,
    .proto = &soft_i2c_driver,
};
