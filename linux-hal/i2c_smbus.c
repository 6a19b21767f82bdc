/* Transactions on adapters that speak only SMBus (i2c-stub, many PC SMBus
 * controllers). Each SMBus transfer is a fixed shape of I2C transaction,
 * so a transaction of that shape is sent as that transfer and the bytes on
 * the wire are the same:
 *
 *   [W 0]             quick write         [R 0]        quick read
 *   [W c]             send byte           [R 1]        receive byte
 *   [W c d]           write byte data     [W c][R 1]   read byte data
 *   [W c lo hi]       write word data     [W c][R 2]   read word data
 *   [W c d1..d32]     write I2C block     [W c][R n]   read I2C block (n <= 32)
 *
 * (c: the first byte, SMBus's "command"; a word is sent low byte first.)
 * Longer data, a read after more than one byte (a 16-bit memory address),
 * a plain read of several bytes and chains of more messages have no SMBus
 * form: EOPNOTSUPP with the reason. */
#include <errno.h>
#include <stdarg.h>
#include <linux/i2c-dev.h>
#include <linux/i2c.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include "i2c_dev.h"

static char why_buf[200];

/* EOPNOTSUPP, with the reason in *why. */
PX_PRINTF(2, 3) static int fail(const char **why, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why_buf, sizeof why_buf, fmt, ap);
    va_end(ap);
    *why = why_buf;
    return EOPNOTSUPP;
}

static int set_addr(px_i2c_bus *bus, uint16_t addr) {
    if (bus->smbus_addr == addr) {
        return 0;
    }
    /* I2C_SLAVE refuses (EBUSY) an address a kernel driver has claimed */
    if (ioctl(bus->fd, I2C_SLAVE, (unsigned long)addr) < 0) {
        bus->smbus_addr = -1;
        return errno;
    }
    bus->smbus_addr = addr;
    return 0;
}

static int smbus(px_i2c_bus *bus, uint16_t addr, uint8_t rw, uint8_t command, uint32_t size,
                 union i2c_smbus_data *data) {
    int err = set_addr(bus, addr);
    if (err != 0) {
        return err;
    }
    struct i2c_smbus_ioctl_data args = {rw, command, size, data};
    int r;
    do {
        r = ioctl(bus->fd, I2C_SMBUS, &args);
    } while (r < 0 && errno == EINTR);
    return r < 0 ? errno : 0;
}

static bool has(const px_i2c_bus *bus, unsigned long f) {
    return (bus->funcs & f) == f;
}

static int missing(const char **why, const char *what) {
    return fail(why, "the adapter cannot do the SMBus '%s' this needs", what);
}

/* A single write message. */
static int write_only(px_i2c_bus *bus, const px_i2c_msg *m, const char **why) {
    union i2c_smbus_data data;
    const uint8_t *b = m->buf;
    if (m->len == 0) {
        return has(bus, I2C_FUNC_SMBUS_QUICK) ? smbus(bus, m->addr, I2C_SMBUS_WRITE, 0, I2C_SMBUS_QUICK, NULL)
                                             : missing(why, "quick write");
    }
    if (m->len == 1) {
        return has(bus, I2C_FUNC_SMBUS_WRITE_BYTE)
                   ? smbus(bus, m->addr, I2C_SMBUS_WRITE, b[0], I2C_SMBUS_BYTE, NULL)
                   : missing(why, "send byte");
    }
    if (m->len > PX_I2C_SMBUS_MAX + 1) {
        return fail(why, "a write of %u bytes: SMBus carries at most 33 (a command byte and 32 data bytes)",
                    (unsigned)m->len);
    }
    if (m->len == 2 && has(bus, I2C_FUNC_SMBUS_WRITE_BYTE_DATA)) {
        data.byte = b[1];
        return smbus(bus, m->addr, I2C_SMBUS_WRITE, b[0], I2C_SMBUS_BYTE_DATA, &data);
    }
    if (has(bus, I2C_FUNC_SMBUS_WRITE_I2C_BLOCK)) {
        data.block[0] = (uint8_t)(m->len - 1);
        memcpy(data.block + 1, b + 1, m->len - 1u);
        return smbus(bus, m->addr, I2C_SMBUS_WRITE, b[0], I2C_SMBUS_I2C_BLOCK_DATA, &data);
    }
    if (m->len == 3 && has(bus, I2C_FUNC_SMBUS_WRITE_WORD_DATA)) {
        data.word = (uint16_t)(b[1] | b[2] << 8);
        return smbus(bus, m->addr, I2C_SMBUS_WRITE, b[0], I2C_SMBUS_WORD_DATA, &data);
    }
    return missing(why, m->len == 2 ? "write byte data" : "write I2C block");
}

/* A single read message. */
static int read_only(px_i2c_bus *bus, px_i2c_msg *m, const char **why) {
    union i2c_smbus_data data;
    if (m->len == 0) {
        return has(bus, I2C_FUNC_SMBUS_QUICK) ? smbus(bus, m->addr, I2C_SMBUS_READ, 0, I2C_SMBUS_QUICK, NULL)
                                             : missing(why, "quick read");
    }
    if (m->len > 1) {
        return fail(why,
                    "a plain read of %u bytes: SMBus reads more than one byte only after a command "
                    "byte (use readfrom_mem)",
                    (unsigned)m->len);
    }
    if (!has(bus, I2C_FUNC_SMBUS_READ_BYTE)) {
        return missing(why, "receive byte");
    }
    int err = smbus(bus, m->addr, I2C_SMBUS_READ, 0, I2C_SMBUS_BYTE, &data);
    if (err == 0) {
        m->buf[0] = data.byte;
    }
    return err;
}

/* A command byte, then a read after a repeated start. */
static int command_read(px_i2c_bus *bus, uint8_t command, px_i2c_msg *m, const char **why) {
    union i2c_smbus_data data;
    int err;
    if (m->len == 0 || m->len > PX_I2C_SMBUS_MAX) {
        return fail(why, "a read of %u bytes after a command byte: SMBus reads 1 to 32", (unsigned)m->len);
    }
    if (m->len == 1 && has(bus, I2C_FUNC_SMBUS_READ_BYTE_DATA)) {
        err = smbus(bus, m->addr, I2C_SMBUS_READ, command, I2C_SMBUS_BYTE_DATA, &data);
        if (err == 0) {
            m->buf[0] = data.byte;
        }
        return err;
    }
    if (has(bus, I2C_FUNC_SMBUS_READ_I2C_BLOCK)) {
        data.block[0] = (uint8_t)m->len;
        err = smbus(bus, m->addr, I2C_SMBUS_READ, command, I2C_SMBUS_I2C_BLOCK_DATA, &data);
        if (err == 0) {
            memcpy(m->buf, data.block + 1, m->len);
        }
        return err;
    }
    if (m->len == 2 && has(bus, I2C_FUNC_SMBUS_READ_WORD_DATA)) {
        err = smbus(bus, m->addr, I2C_SMBUS_READ, command, I2C_SMBUS_WORD_DATA, &data);
        if (err == 0) {
            m->buf[0] = (uint8_t)data.word;
            m->buf[1] = (uint8_t)(data.word >> 8);
        }
        return err;
    }
    return missing(why, m->len == 1 ? "read byte data" : "read I2C block");
}

int px_i2c_smbus_transfer(px_i2c_bus *bus, px_i2c_msg *msgs, size_t n, const char **why) {
    if (n == 1) {
        return msgs[0].read ? read_only(bus, &msgs[0], why) : write_only(bus, &msgs[0], why);
    }
    if (n > 2) {
        return fail(why, "a chain of %u messages: SMBus transfers have at most two", (unsigned)n);
    }
    if (msgs[0].read || !msgs[1].read || msgs[0].addr != msgs[1].addr) {
        return fail(why, "this pair of messages: SMBus combines only a write to an address with a "
                         "read from the same address");
    }
    if (msgs[0].len != 1) {
        return fail(why,
                    "a read after %u address bytes (addrsize=16 or more): SMBus sends one command byte "
                    "before a repeated start",
                    (unsigned)msgs[0].len);
    }
    return command_read(bus, msgs[0].buf[0], &msgs[1], why);
}
