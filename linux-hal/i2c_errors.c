/* OSErrors for I2C failures that name the bus, the address and what to do.
 * Adapters report the same condition with different errnos (a missing
 * device is ENXIO on most, EREMOTEIO or EIO on some, ENODEV on i2c-stub),
 * so the kernel's errno is kept and the message says what it means. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "i2c_dev.h"

#define UDEV_RULE "KERNEL==\"i2c-[0-9]*\", GROUP=\"i2c\", MODE=\"0660\""

/* The kernel device at addr on bus num (a client a driver may own). */
static bool client_name(unsigned num, int addr, char *name, size_t size) {
    char path[96];
    snprintf(path, sizeof path, "/sys/bus/i2c/devices/%u-%04x/name", num, (unsigned)addr);
    size_t len;
    int err;
    char *text = px_port_read_file(path, &len, &err);
    if (text == NULL) {
        return false;
    }
    snprintf(name, size, "%.*s", (int)strcspn(text, "\n"), text);
    return true;
}

PX_NORETURN void px_i2c_raise_open(int err, unsigned num) {
    char dev[32], sys[80];
    snprintf(dev, sizeof dev, "/dev/i2c-%u", num);
    switch (err) {
    case EACCES:
    case EPERM:
        px_hal_raise_access(err, dev, "i2c", UDEV_RULE);
    case ENOENT:
    case ENODEV:
    case ENXIO: {
        struct stat st;
        snprintf(sys, sizeof sys, "/sys/bus/i2c/devices/i2c-%u", num);
        if (stat(sys, &st) == 0) {
            px_hal_raise_msg(err,
                             "%s does not exist although the adapter i2c-%u does: load i2c-dev "
                             "(sudo modprobe i2c-dev, and add it to /etc/modules)",
                             dev, num);
        }
        px_hal_raise_msg(err,
                         "%s does not exist: no I2C adapter %u (enable it in the device tree, e.g. "
                         "dtparam=i2c_arm=on on a Raspberry Pi; ls /sys/bus/i2c/devices lists them)",
                         dev, num);
    }
    default:
        px_hal_raise_msg(err, "%s: %s", dev, px_port_strerror(err));
    }
}

PX_NORETURN void px_i2c_raise(int err, const px_i2c_bus *bus, int addr, const char *why) {
    char dev[32], at[16] = "";
    snprintf(dev, sizeof dev, "/dev/i2c-%u", bus->num);
    if (addr >= 0) {
        snprintf(at, sizeof at, " 0x%02x", (unsigned)addr);
    }
    switch (err) {
    case ENXIO:
    case ENODEV:
        px_hal_raise_msg(err, "%s: no device acknowledged address%s (nothing there, or it is busy)", dev, at);
    case EREMOTEIO:
    case EIO:
        px_hal_raise_msg(err, "%s: the device at%s did not acknowledge (it is absent or refused a byte)", dev,
                         at);
    case ETIMEDOUT:
        px_hal_raise_msg(err, "%s: the transfer to%s timed out (a device holding the bus? check the wiring "
                              "and the pull-ups)", dev, at);
    case EAGAIN:
        px_hal_raise_msg(err, "%s: lost arbitration (another controller is using the bus)", dev);
    case EBUSY: {
        char name[48];
        if (addr >= 0 && client_name(bus->num, addr, name, sizeof name)) {
            px_hal_raise_msg(err,
                             "%s: address%s belongs to the kernel device '%s' (/sys/bus/i2c/devices/%u-%04x): "
                             "unbind its driver or delete the device first",
                             dev, at, name, bus->num, (unsigned)addr);
        }
        px_hal_raise_msg(err, "%s: address%s is in use by a kernel driver", dev, at);
    }
    case EOPNOTSUPP:
        px_hal_raise_msg(err, "%s: '%s' %s: %s", dev, bus->name,
                         px_i2c_full(bus) ? "cannot do this transfer" : "speaks only SMBus",
                         why != NULL ? why : "the adapter does not support this transfer");
    case EACCES:
    case EPERM:
        px_hal_raise_access(err, dev, "i2c", UDEV_RULE);
    default:
        px_hal_raise_msg(err, "%s:%s %s", dev, at, px_port_strerror(err));
    }
}
