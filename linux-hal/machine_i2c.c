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

/* ---- arguments */

static uint16_t arg_len(size_t n) {
    if (n > PX_I2C_MAX_LEN) {
        px_raise_value_error("%zu bytes in one I2C message: i2c-dev carries at most %d", n, PX_I2C_MAX_LEN);
    }
    return (uint16_t)n;
}

static uint16_t arg_nbytes(px_val v) {
    return arg_len(px_machine_nbytes(v));
}

static void open_bus(px_machine_i2c *o) {
    int err = px_i2c_open(&o->bus, o->num);
    if (err != 0) {
        px_i2c_raise_open(err, o->num);
    }
}

enum { A_ID, A_SCL, A_SDA, A_FREQ, A_TIMEOUT, A__COUNT };

static const px_argspec i2c_spec[A__COUNT] = {
    {PX_Q(id), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(scl), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(sda), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(freq), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(timeout), PX_ARG_KWONLY, PX_NONE},
};

/* scl/sda/freq/timeout: checked and accepted; none can be set through
 * i2c-dev (see docs/machine-linux.md). */
static void check_settings(const px_machine_i2c *o, const px_val *a) {
    if (a[A_SCL] != PX_NONE || a[A_SDA] != PX_NONE) {
        px_raise_value_error("the pins of /dev/i2c-%u are chosen by the device tree, not by I2C(): give no "
                             "scl/sda (the kernel's i2c-gpio overlay makes a bus on other pins)",
                             o->num);
    }
    if (a[A_FREQ] != PX_NONE && px_index(a[A_FREQ]) <= 0) {
        px_raise_value_error("freq must be positive");
    }
    if (a[A_TIMEOUT] != PX_NONE && px_index(a[A_TIMEOUT]) < 0) {
        px_raise_value_error("timeout must not be negative");
    }
}

static px_val i2c_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(I2C), argc, argv, kwnames, A__COUNT, i2c_spec, a);
    unsigned num;
    if (px_is_str(a[A_ID])) {
        size_t len;
        const char *s = px_str_data(a[A_ID], &len);
        num = px_i2c_resolve(s, len);
    } else {
        if (!px_is_int(a[A_ID])) {
            px_raise_type_error("I2C id must be a bus number (1 for /dev/i2c-1) or an adapter name, not '%s'",
                                px_type_name(a[A_ID]));
        }
        px_int n = px_index(a[A_ID]);
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
    px_val a[A__COUNT];
    a[A_ID] = argv[0];
    px_argspec spec[A__COUNT - 1];
    memcpy(spec, i2c_spec + 1, sizeof spec);
    spec[0].flags = spec[1].flags = 0; /* init(scl, sda, *, freq) */
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT - 1, spec, a + 1);
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

static px_val i2c_scan(px_val self) {
    px_machine_i2c *o = i2c_of(self);
    check_open(o);
    flush_pending(o);
    px_val found = px_list_new(0, NULL);
    for (uint16_t addr = 0x08; addr <= 0x77; addr++) {
        int err = px_i2c_probe(&o->bus, addr);
        if (err == 0) {
            px_list_append(found, px_small(addr));
        } else if (err != ENXIO) {
            px_i2c_raise(err, &o->bus, addr, NULL);
        }
    }
    return found;
}

static bool arg_stop(size_t argc, const px_val *argv, size_t at) {
    return argc <= at || px_truthy(argv[at]);
}

/* A read's stop argument changes nothing: a read always ends the
 * transaction (the kernel cannot keep it open once it returns the data). */
static px_val i2c_readfrom(size_t argc, const px_val *argv) {
    px_machine_i2c *o = i2c_of(argv[0]);
    px_i2c_msg m = {px_machine_i2c_addr(argv[1]), true, arg_nbytes(argv[2]), NULL};
    m.buf = px_gc_alloc(m.len + 1u, PX_GC_LEAF);
    run(o, &m, 1);
    px_val r = px_bytes(m.buf, m.len);
    px_gc_free(m.buf);
    return r;
}

static px_val i2c_readfrom_into(size_t argc, const px_val *argv) {
    px_machine_i2c *o = i2c_of(argv[0]);
    px_buffer b;
    px_get_buffer(argv[2], &b, PX_BUF_WRITE);
    px_i2c_msg m = {px_machine_i2c_addr(argv[1]), true, arg_len(b.len), b.data};
    run(o, &m, 1);
    return PX_NONE;
}

/* Send one write message now, or keep it for the next operation. */
static px_val write_msg(px_machine_i2c *o, uint16_t addr, uint8_t *data, size_t len, bool stop) {
    px_i2c_msg m = {addr, false, arg_len(len), data};
    if (stop) {
        run(o, &m, 1);
        return px_small((px_int)len);
    }
    check_open(o);
    if (o->npending == PX_I2C_MAX_MSGS - 1) {
        px_raise_value_error("more than %d writes with stop=False in a row: end the transaction with stop=True",
                             PX_I2C_MAX_MSGS - 1);
    }
    m.buf = px_gc_alloc(len + 1, PX_GC_LEAF);
    memcpy(m.buf, data, len);
    o->pending[o->npending++] = m;
    return px_small((px_int)len);
}

/* Linux reports a NACK as an error, never a count of ACKs: success means
 * every byte was acknowledged. */
static px_val i2c_writeto(size_t argc, const px_val *argv) {
    px_machine_i2c *o = i2c_of(argv[0]);
    uint16_t addr = px_machine_i2c_addr(argv[1]);
    px_buffer b;
    px_get_buffer(argv[2], &b, PX_BUF_READ);
    return write_msg(o, addr, b.data, b.len, arg_stop(argc, argv, 3));
}

static px_val i2c_writevto(size_t argc, const px_val *argv) {
    px_machine_i2c *o = i2c_of(argv[0]);
    uint16_t addr = px_machine_i2c_addr(argv[1]);
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
    arg_len(total);
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
    px_val r = write_msg(o, addr, data, at, arg_stop(argc, argv, 3));
    px_gc_free(data);
    return r;
}

/* ---- memory operations: the memory address and the data in one
 * transaction (write then read after a repeated start, or one write) */

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

static void read_mem(px_machine_i2c *o, const px_val *a, uint8_t *data, uint16_t len) {
    uint8_t ma[4];
    uint16_t addr = px_machine_i2c_addr(a[M_ADDR]);
    px_i2c_msg m[2] = {
        {addr, false, (uint16_t)px_machine_i2c_memaddr(a[M_MEMADDR], a[M_ADDRSIZE], ma), ma},
        {addr, true, len, data},
    };
    run(o, m, 2);
}

static px_val i2c_readfrom_mem(size_t argc, const px_val *argv, px_val kwnames) {
    px_machine_i2c *o = i2c_of(argv[0]);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(readfrom_mem), argc - 1, argv + 1, kwnames, M__COUNT, readmem_spec, a);
    uint16_t len = arg_nbytes(a[M_DATA]);
    uint8_t *data = px_gc_alloc(len + 1u, PX_GC_LEAF);
    read_mem(o, a, data, len);
    px_val r = px_bytes(data, len);
    px_gc_free(data);
    return r;
}

static px_val i2c_readfrom_mem_into(size_t argc, const px_val *argv, px_val kwnames) {
    px_machine_i2c *o = i2c_of(argv[0]);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(readfrom_mem_into), argc - 1, argv + 1, kwnames, M__COUNT, bufmem_spec, a);
    px_buffer b;
    px_get_buffer(a[M_DATA], &b, PX_BUF_WRITE);
    read_mem(o, a, b.data, arg_len(b.len));
    return PX_NONE;
}

static px_val i2c_writeto_mem(size_t argc, const px_val *argv, px_val kwnames) {
    px_machine_i2c *o = i2c_of(argv[0]);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(writeto_mem), argc - 1, argv + 1, kwnames, M__COUNT, bufmem_spec, a);
    uint16_t addr = px_machine_i2c_addr(a[M_ADDR]);
    uint8_t ma[4];
    size_t na = px_machine_i2c_memaddr(a[M_MEMADDR], a[M_ADDRSIZE], ma);
    px_buffer b;
    px_get_buffer(a[M_DATA], &b, PX_BUF_READ);
    size_t len = arg_len(na + b.len);
    uint8_t *data = px_gc_alloc(len, PX_GC_LEAF);
    memcpy(data, ma, na);
    memcpy(data + na, b.data, b.len);
    px_i2c_msg m = {addr, false, (uint16_t)len, data};
    run(o, &m, 1);
    px_gc_free(data);
    return PX_NONE;
}

static PX_METHKW(i2c_init_obj, &px_type_i2c, init, 1, 3, i2c_init);
static PX_METH1(i2c_deinit_obj, &px_type_i2c, deinit, i2c_deinit);
static PX_METH1(i2c_scan_obj, &px_type_i2c, scan, i2c_scan);
static PX_METHV(i2c_readfrom_obj, &px_type_i2c, readfrom, 3, 4, i2c_readfrom);
static PX_METHV(i2c_readfrom_into_obj, &px_type_i2c, readfrom_into, 3, 4, i2c_readfrom_into);
static PX_METHV(i2c_writeto_obj, &px_type_i2c, writeto, 3, 4, i2c_writeto);
static PX_METHV(i2c_writevto_obj, &px_type_i2c, writevto, 3, 4, i2c_writevto);
static PX_METHKW(i2c_readfrom_mem_obj, &px_type_i2c, readfrom_mem, 1, 5, i2c_readfrom_mem);
static PX_METHKW(i2c_readfrom_mem_into_obj, &px_type_i2c, readfrom_mem_into, 1, 5, i2c_readfrom_mem_into);
static PX_METHKW(i2c_writeto_mem_obj, &px_type_i2c, writeto_mem, 1, 5, i2c_writeto_mem);

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

const px_type px_type_i2c = {
    .base = {&px_type_type},
    .name = PX_Q(I2C),
    .base_type = &px_type_object,
    .dict = &i2c_dict,
    .make = i2c_make,
    .print = i2c_print,
    .finalize = i2c_finalize,
};
