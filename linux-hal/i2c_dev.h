/* I2C buses through i2c-dev (/dev/i2c-N). A transaction is a list of
 * messages sent as one combined transfer: one START, a repeated start
 * between messages, one STOP. Adapters that carry full I2C transfers get
 * it as one I2C_RDWR ioctl; adapters that speak only SMBus (the kernel
 * says which through I2C_FUNCS) get the SMBus transfer that puts the same
 * bytes on the wire, when there is one. Functions return 0 or an errno
 * value; px_i2c_raise turns one into an OSError naming the bus, the
 * address and the fix. */
#ifndef PX_I2C_DEV_H
#define PX_I2C_DEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hal_error.h"

#define PX_I2C_MAX_MSGS 42    /* I2C_RDWR_IOCTL_MAX_MSGS */
#define PX_I2C_MAX_LEN 8192   /* i2c-dev's limit for one message */
#define PX_I2C_SMBUS_MAX 32   /* data bytes of an SMBus block */

typedef struct px_i2c_msg {
    uint16_t addr; /* 7-bit */
    bool read;
    uint16_t len;
    uint8_t *buf;
} px_i2c_msg;

typedef struct px_i2c_bus {
    int fd;              /* -1 when closed */
    unsigned num;        /* N of /dev/i2c-N */
    unsigned long funcs; /* I2C_FUNC_* of the adapter */
    int smbus_addr;      /* the address set with I2C_SLAVE, -1 for none */
    bool probe_read;     /* the adapter refuses zero-length messages: scan reads a byte */
    char name[48];       /* the adapter's name, "" if unknown */
} px_i2c_bus;

/* ---- i2c_dev.c */
/* The bus number an I2C id names: an int N, "/dev/i2c-N", "i2c-N", or the
 * adapter's name ("SMBus stub driver"). Raises when there is none. */
unsigned px_i2c_resolve(const char *id, size_t len);
/* Open /dev/i2c-N and read its functionality and name. */
int px_i2c_open(px_i2c_bus *bus, unsigned num);
void px_i2c_close(px_i2c_bus *bus);
/* Whether the adapter carries full I2C transfers (else SMBus only). */
bool px_i2c_full(const px_i2c_bus *bus);
/* One combined transaction of n messages (1 <= n <= PX_I2C_MAX_MSGS).
 * On EOPNOTSUPP, *why says what the adapter cannot do (or NULL). */
int px_i2c_transfer(px_i2c_bus *bus, px_i2c_msg *msgs, size_t n, const char **why);
/* Does a device acknowledge addr? 0 yes, ENXIO no, else an error. */
int px_i2c_probe(px_i2c_bus *bus, uint16_t addr);
/* The bus clock from the device tree (clock-frequency), or 0 if unknown. */
uint32_t px_i2c_dt_freq(unsigned num);

/* ---- i2c_smbus.c */
/* The SMBus transfer with the same wire bytes as msgs, done through
 * I2C_SMBUS; EOPNOTSUPP with *why when SMBus cannot express it. */
int px_i2c_smbus_transfer(px_i2c_bus *bus, px_i2c_msg *msgs, size_t n, const char **why);

/* ---- i2c_errors.c */
/* OSError for err from /dev/i2c-N (addr < 0: no address involved); why
 * explains an EOPNOTSUPP. */
PX_NORETURN void px_i2c_raise(int err, const px_i2c_bus *bus, int addr, const char *why);
/* OSError for a failed open of /dev/i2c-N. */
PX_NORETURN void px_i2c_raise_open(int err, unsigned num);

#endif
