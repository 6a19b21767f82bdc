/* machine.I2C's shared methods over each class's driver (machine_i2c_api.h).
 * Every argument is checked before the bus moves; each method is one
 * transaction unless stop=False leaves it open for the next. */
#include <stdint.h>
#include <string.h>

#include "machine_args.h"
#include "machine_i2c_api.h"

/* The native object of self (an I2C class or a user subclass of one) and
 * its class's driver. */
static const px_i2c_driver *driver_of(px_val *self) {
    *self = px_native(*self, &px_type_i2c_bus);
    return px_type_of(*self)->proto;
}

static size_t check_len(const px_i2c_driver *d, size_t n) {
    if (n > d->max_len) {
        px_raise_value_error("%zu bytes in one I2C message: %s carries at most %zu", n, d->carrier, d->max_len);
    }
    return n;
}

static bool arg_stop(size_t argc, const px_val *argv, size_t at) {
    return argc <= at || px_truthy(argv[at]);
}

/* ---- constructor and init arguments */

static const px_argspec make_spec[PX_I2C__COUNT] = {
    {PX_Q(id), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(scl), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(sda), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(freq), PX_ARG_KWONLY, PX_SMALL_CONST(400000)},
    {PX_Q(timeout), PX_ARG_KWONLY, PX_SMALL_CONST(50000)},
};

/* init(scl, sda, *, freq, timeout): the pins may be positional */
static const px_argspec init_spec[PX_I2C__COUNT - 1] = {
    {PX_Q(scl), 0, PX_NONE},
    {PX_Q(sda), 0, PX_NONE},
    {PX_Q(freq), PX_ARG_KWONLY, PX_SMALL_CONST(400000)},
    {PX_Q(timeout), PX_ARG_KWONLY, PX_SMALL_CONST(50000)},
};

static void check_settings(const px_val *a) {
    if (px_int_to_i64(a[PX_I2C_FREQ]) <= 0) {
        px_raise_value_error("freq must be positive");
    }
    if (px_int_to_i64(a[PX_I2C_TIMEOUT]) < 0) {
        px_raise_value_error("timeout must not be negative");
    }
}

void px_i2c_parse_make(size_t argc, const px_val *argv, px_val kwnames, px_val a[PX_I2C__COUNT]) {
    px_parse_args(PX_Q(I2C), argc, argv, kwnames, PX_I2C__COUNT, make_spec, a);
    check_settings(a);
}

void px_i2c_parse_init(size_t argc, const px_val *argv, px_val kwnames, px_val a[PX_I2C__COUNT]) {
    a[PX_I2C_ID] = argv[0];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, PX_I2C__COUNT - 1, init_spec, a + 1);
    check_settings(a);
}

/* ---- scan and the plain transfers */

/* scan(): the addresses 0x08..0x77 that a device acknowledges (the
 * others are reserved by the I2C specification). */
static px_val i2c_scan(px_val self) {
    const px_i2c_driver *d = driver_of(&self);
    px_val found = px_list_new(0, NULL);
    for (unsigned addr = 0x08; addr <= 0x77; addr++) {
        if (d->probe(self, addr)) {
            px_list_append(found, px_small((px_int)addr));
        }
    }
    return found;
}

static px_val i2c_readfrom(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_i2c_driver *d = driver_of(&self);
    unsigned addr = px_machine_i2c_addr(argv[1]);
    size_t n = check_len(d, px_machine_nbytes(argv[2]));
    uint8_t *buf = px_gc_alloc(n + 1, PX_GC_LEAF);
    d->read(self, addr, buf, n, arg_stop(argc, argv, 3));
    px_val r = px_bytes(buf, n);
    px_gc_free(buf);
    return r;
}

static px_val i2c_readfrom_into(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_i2c_driver *d = driver_of(&self);
    unsigned addr = px_machine_i2c_addr(argv[1]);
    px_buffer b;
    px_get_buffer(argv[2], &b, PX_BUF_WRITE);
    d->read(self, addr, b.data, check_len(d, b.len), arg_stop(argc, argv, 3));
    return PX_NONE;
}

/* writeto and writevto return the number of bytes acknowledged. */
static px_val i2c_writeto(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_i2c_driver *d = driver_of(&self);
    unsigned addr = px_machine_i2c_addr(argv[1]);
    px_buffer b;
    px_get_buffer(argv[2], &b, PX_BUF_READ);
    size_t acked = d->write(self, addr, b.data, check_len(d, b.len), arg_stop(argc, argv, 3), false);
    return px_int_from_u64(acked);
}

/* The address once, then every buffer's bytes: one message. */
static px_val i2c_writevto(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_i2c_driver *d = driver_of(&self);
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
    check_len(d, total);
    uint8_t *data = px_gc_alloc(total + 1, PX_GC_LEAF);
    size_t at = 0;
    for (size_t i = 0; i < n && at < total; i++) { /* a buffer that grew since is cut */
        px_buffer b;
        px_get_buffer(items[i], &b, PX_BUF_READ);
        size_t k = b.len < total - at ? b.len : total - at;
        memcpy(data + at, b.data, k);
        at += k;
    }
    size_t acked = d->write(self, addr, data, at, arg_stop(argc, argv, 3), false);
    px_gc_free(data);
    return px_int_from_u64(acked);
}

/* ---- memory operations: the memory address written, then the data
 * read after a repeated start, or written in the same message */

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

static void read_mem(px_val self, const px_i2c_driver *d, const px_val *a, uint8_t *data, size_t len) {
    uint8_t ma[4];
    unsigned addr = px_machine_i2c_addr(a[M_ADDR]);
    size_t na = px_machine_i2c_memaddr(a[M_MEMADDR], a[M_ADDRSIZE], ma);
    d->write(self, addr, ma, na, false, true);
    d->read(self, addr, data, len, true);
}

static px_val i2c_readfrom_mem(size_t argc, const px_val *argv, px_val kwnames) {
    px_val self = argv[0];
    const px_i2c_driver *d = driver_of(&self);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(readfrom_mem), argc - 1, argv + 1, kwnames, M__COUNT, readmem_spec, a);
    size_t len = check_len(d, px_machine_nbytes(a[M_DATA]));
    uint8_t *data = px_gc_alloc(len + 1, PX_GC_LEAF);
    read_mem(self, d, a, data, len);
    px_val r = px_bytes(data, len);
    px_gc_free(data);
    return r;
}

static px_val i2c_readfrom_mem_into(size_t argc, const px_val *argv, px_val kwnames) {
    px_val self = argv[0];
    const px_i2c_driver *d = driver_of(&self);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(readfrom_mem_into), argc - 1, argv + 1, kwnames, M__COUNT, bufmem_spec, a);
    px_buffer b;
    px_get_buffer(a[M_DATA], &b, PX_BUF_WRITE);
    read_mem(self, d, a, b.data, check_len(d, b.len));
    return PX_NONE;
}

static px_val i2c_writeto_mem(size_t argc, const px_val *argv, px_val kwnames) {
    px_val self = argv[0];
    const px_i2c_driver *d = driver_of(&self);
    px_val a[M__COUNT];
    px_parse_args(PX_Q(writeto_mem), argc - 1, argv + 1, kwnames, M__COUNT, bufmem_spec, a);
    unsigned addr = px_machine_i2c_addr(a[M_ADDR]);
    uint8_t ma[4];
    size_t na = px_machine_i2c_memaddr(a[M_MEMADDR], a[M_ADDRSIZE], ma);
    px_buffer b;
    px_get_buffer(a[M_DATA], &b, PX_BUF_READ);
    size_t len = check_len(d, na + b.len);
    uint8_t *data = px_gc_alloc(len, PX_GC_LEAF);
    memcpy(data, ma, na);
    memcpy(data + na, b.data, b.len);
    d->write(self, addr, data, len, true, true);
    px_gc_free(data);
    return PX_NONE;
}

static PX_METH1(i2c_scan_obj, &px_type_i2c_bus, scan, i2c_scan);
static PX_METHV(i2c_readfrom_obj, &px_type_i2c_bus, readfrom, 3, 4, i2c_readfrom);
static PX_METHV(i2c_readfrom_into_obj, &px_type_i2c_bus, readfrom_into, 3, 4, i2c_readfrom_into);
static PX_METHV(i2c_writeto_obj, &px_type_i2c_bus, writeto, 3, 4, i2c_writeto);
static PX_METHV(i2c_writevto_obj, &px_type_i2c_bus, writevto, 3, 4, i2c_writevto);
static PX_METHKW(i2c_readfrom_mem_obj, &px_type_i2c_bus, readfrom_mem, 1, 5, i2c_readfrom_mem);
static PX_METHKW(i2c_readfrom_mem_into_obj, &px_type_i2c_bus, readfrom_mem_into, 1, 5, i2c_readfrom_mem_into);
static PX_METHKW(i2c_writeto_mem_obj, &px_type_i2c_bus, writeto_mem, 1, 5, i2c_writeto_mem);

/* Sorted by name bytes. */
static const px_map_entry i2c_table[] = {
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

/* Not in any module: a base class only, never made itself. */
const px_type px_type_i2c_bus = {
    .base = {&px_type_type},
    .name = PX_Q(I2C),
    .base_type = &px_type_object,
    .dict = &i2c_dict,
};
