/* i2c-dev: finding an adapter, opening it, combined transfers with
 * I2C_RDWR, and probing addresses for scan(). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/i2c-dev.h>
#include <linux/i2c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "i2c_dev.h"

#define SYSFS_I2C "/sys/bus/i2c/devices"

/* The adapter's name from sysfs into buf ("" if unknown). */
static void adapter_name(unsigned num, char *buf, size_t size) {
    char path[80];
    snprintf(path, sizeof path, SYSFS_I2C "/i2c-%u/name", num);
    size_t len;
    int err;
    char *text = px_port_read_file(path, &len, &err);
    buf[0] = '\0';
    if (text != NULL) {
        snprintf(buf, size, "%.*s", (int)strcspn(text, "\n"), text);
        px_gc_free(text);
    }
}

/* "i2c-N" (or "/dev/i2c-N") as N; false if s is not that. */
static bool parse_bus_name(const char *s, size_t len, unsigned *num) {
    if (len > 5 && memcmp(s, "/dev/", 5) == 0) {
        s += 5;
        len -= 5;
    }
    if (len < 5 || len > 12 || memcmp(s, "i2c-", 4) != 0) {
        return false;
    }
    unsigned long n = 0;
    for (size_t i = 4; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
        n = n * 10 + (unsigned long)(s[i] - '0');
    }
    *num = (unsigned)n;
    return true;
}

unsigned px_i2c_resolve(const char *id, size_t len) {
    unsigned num;
    if (parse_bus_name(id, len, &num)) {
        return num;
    }
    DIR *d = opendir(SYSFS_I2C);
    char known[300] = "";
    size_t used = 0;
    bool found = false;
    struct dirent *e;
    while (d != NULL && !found && (e = readdir(d)) != NULL) {
        unsigned n;
        if (!parse_bus_name(e->d_name, strlen(e->d_name), &n)) {
            continue; /* a device such as 1-0050 */
        }
        char name[48];
        adapter_name(n, name, sizeof name);
        if (strlen(name) == len && memcmp(name, id, len) == 0) {
            num = n;
            found = true;
        } else if (used < sizeof known) {
            used += (size_t)snprintf(known + used, sizeof known - used, "%si2c-%u '%s'", used ? ", " : "", n,
                                     name);
        }
    }
    if (d != NULL) {
        closedir(d);
    }
    if (found) {
        return num;
    }
    if (used == 0) {
        px_hal_raise_msg(ENOENT, "no I2C adapter named '%.*s': this system has no I2C adapters",
                         (int)(len < 48 ? len : 48), id);
    }
    px_raise_value_error("no I2C adapter named '%.*s' (adapters: %s)", (int)(len < 48 ? len : 48), id, known);
}

int px_i2c_open(px_i2c_bus *bus, unsigned num) {
    char path[32];
    snprintf(path, sizeof path, "/dev/i2c-%u", num);
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    unsigned long funcs = 0;
    if (ioctl(fd, I2C_FUNCS, &funcs) < 0) {
        int err = errno;
        close(fd);
        return err;
    }
    bus->fd = fd;
    bus->num = num;
    bus->funcs = funcs;
    bus->smbus_addr = -1;
    bus->probe_read = false;
    adapter_name(num, bus->name, sizeof bus->name);
    return 0;
}

void px_i2c_close(px_i2c_bus *bus) {
    if (bus->fd >= 0) {
        close(bus->fd);
        bus->fd = -1;
    }
}

bool px_i2c_full(const px_i2c_bus *bus) {
    return (bus->funcs & I2C_FUNC_I2C) != 0;
}

int px_i2c_transfer(px_i2c_bus *bus, px_i2c_msg *msgs, size_t n, const char **why) {
    *why = NULL;
    if (!px_i2c_full(bus)) {
        return px_i2c_smbus_transfer(bus, msgs, n, why);
    }
    struct i2c_msg m[PX_I2C_MAX_MSGS];
    for (size_t i = 0; i < n; i++) {
        m[i].addr = msgs[i].addr;
        m[i].flags = msgs[i].read ? I2C_M_RD : 0;
        m[i].len = msgs[i].len;
        m[i].buf = msgs[i].buf;
    }
    struct i2c_rdwr_ioctl_data data = {m, (uint32_t)n};
    int r;
    do {
        r = ioctl(bus->fd, I2C_RDWR, &data);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        if (errno == EOPNOTSUPP) {
            *why = "it refuses zero-length messages or this length (a limit of the controller)";
        }
        return errno;
    }
    return 0;
}

/* Absent: the address was not acknowledged (drivers differ in the errno). */
static bool is_nack(int err) {
    return err == ENXIO || err == EREMOTEIO || err == ENODEV || err == EIO;
}

int px_i2c_probe(px_i2c_bus *bus, uint16_t addr) {
    /* as the documentation says: the address with the write bit, then a
     * STOP (a zero-length write); adapters that cannot send one get a
     * one-byte read instead, as i2cdetect -r does */
    uint8_t byte;
    px_i2c_msg m = {addr, bus->probe_read, bus->probe_read ? 1 : 0, &byte};
    bool quick = px_i2c_full(bus) || (bus->funcs & I2C_FUNC_SMBUS_QUICK);
    if (!quick && !bus->probe_read) {
        bus->probe_read = true;
        m.read = true;
        m.len = 1;
    }
    const char *why;
    int err = px_i2c_transfer(bus, &m, 1, &why);
    if (err == EOPNOTSUPP && !bus->probe_read) {
        bus->probe_read = true;
        return px_i2c_probe(bus, addr);
    }
    if (err == EBUSY && !px_i2c_full(bus)) {
        return 0; /* a kernel driver has a device there (i2cdetect's "UU") */
    }
    return is_nack(err) ? ENXIO : err;
}

uint32_t px_i2c_dt_freq(unsigned num) {
    char path[96];
    snprintf(path, sizeof path, SYSFS_I2C "/i2c-%u/of_node/clock-frequency", num);
    size_t len;
    int err;
    uint8_t *be = (uint8_t *)px_port_read_file(path, &len, &err);
    uint32_t hz = 0;
    if (be != NULL && len >= 4) {
        hz = (uint32_t)be[0] << 24 | (uint32_t)be[1] << 16 | (uint32_t)be[2] << 8 | be[3];
    }
    if (be != NULL) {
        px_gc_free(be);
    }
    return hz;
}
