/* machine.I2C's Python-facing layer, shared by every I2C class (Linux's
 * i2c-dev buses, the RP2040's controllers, SoftI2C): the methods a script
 * calls (scan, readfrom*, writeto*, writevto, the memory operations),
 * their arguments, defaults and errors, over a narrow driver each class
 * provides. A port's I2C type names px_type_i2c_bus as its base_type and
 * its px_i2c_driver as its `proto`; it keeps only what really differs:
 * the constructor's id and pins, init/deinit, print.
 *
 * Nothing here touches an OS or a register: the drivers do. */
#ifndef PX_MACHINE_I2C_API_H
#define PX_MACHINE_I2C_API_H

#include "runtime.h"

typedef struct px_i2c_driver {
    /* The longest message the driver carries (SIZE_MAX: no limit), and
     * what it is, for the ValueError ("i2c-dev"). */
    size_t max_len;
    const char *carrier;
    /* Whether a device acknowledges addr: true/false, OSError for a bus
     * that fails otherwise (and ValueError when the bus is closed). */
    bool (*probe)(px_val self, unsigned addr);
    /* START (or a repeated start after a write left open by stop=False),
     * addr for writing, then len bytes (len 0: the address alone).
     * Returns the number of bytes acknowledged: it stops at a refused one.
     * An address nobody acknowledges is OSError. `all`: a refused byte is
     * OSError(EIO) too (the memory operations). `stop`: end with a STOP
     * (also after a refusal); else the next operation continues the
     * transaction. */
    size_t (*write)(px_val self, unsigned addr, const uint8_t *data, size_t len, bool stop, bool all);
    /* START (or a repeated start), addr for reading, len bytes, the last
     * one not acknowledged; STOP if stop. OSError on failure. */
    void (*read)(px_val self, unsigned addr, uint8_t *data, size_t len, bool stop);
} px_i2c_driver;

/* The base of every I2C class: the shared methods. */
extern const px_type px_type_i2c_bus;

/* The arguments of I2C(id, *, scl=None, sda=None, freq=400000,
 * timeout=50000) and of init(scl=None, sda=None, *, freq=400000,
 * timeout=50000) (a[PX_I2C_ID] is then self). freq is checked positive
 * and timeout (us) not negative; a port checks its own ranges after. */
enum { PX_I2C_ID, PX_I2C_SCL, PX_I2C_SDA, PX_I2C_FREQ, PX_I2C_TIMEOUT, PX_I2C__COUNT };
void px_i2c_parse_make(size_t argc, const px_val *argv, px_val kwnames, px_val a[PX_I2C__COUNT]);
void px_i2c_parse_init(size_t argc, const px_val *argv, px_val kwnames, px_val a[PX_I2C__COUNT]);

#endif
