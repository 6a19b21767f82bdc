/* OSErrors for spidev failures that name the device and what to do. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "spi_dev.h"

#define UDEV_RULE "SUBSYSTEM==\"spidev\", GROUP=\"spi\", MODE=\"0660\""

PX_NORETURN void px_spi_raise_open(int err, unsigned bus, unsigned cs) {
    char dev[40], sys[64];
    snprintf(dev, sizeof dev, "/dev/spidev%u.%u", bus, cs);
    switch (err) {
    case EACCES:
    case EPERM:
        px_hal_raise_access(err, dev, "spi", UDEV_RULE);
    case ENOENT:
    case ENODEV:
    case ENXIO: {
        struct stat st;
        snprintf(sys, sizeof sys, "/sys/class/spi_master/spi%u", bus);
        if (stat(sys, &st) == 0) {
            px_hal_raise_msg(err,
                             "%s does not exist: SPI bus %u has no device on chip select %u bound to "
                             "spidev (a kernel driver may own it; see /sys/bus/spi/devices/spi%u.%u)",
                             dev, bus, cs, bus, cs);
        }
        px_hal_raise_msg(err,
                         "%s does not exist: no SPI bus %u (enable it in the device tree, e.g. "
                         "dtparam=spi=on on a Raspberry Pi; ls /sys/class/spi_master lists them)",
                         dev, bus);
    }
    default:
        px_hal_raise_msg(err, "%s: %s", dev, px_port_strerror(err));
    }
}

PX_NORETURN void px_spi_raise(int err, const px_spi_dev *d, const char *doing) {
    char dev[40];
    snprintf(dev, sizeof dev, "/dev/spidev%u.%u", d->bus, d->cs);
    switch (err) {
    case EINVAL:
        px_hal_raise_msg(err, "%s: the SPI controller refused %s", dev, doing);
    case ENODEV:
    case ESHUTDOWN:
        px_hal_raise_msg(err, "%s: the SPI controller is gone (driver unloaded?)", dev);
    case EACCES:
    case EPERM:
        px_hal_raise_access(err, dev, "spi", UDEV_RULE);
    default:
        px_hal_raise_msg(err, "%s: %s: %s", dev, doing, px_port_strerror(err));
    }
}
