/* spidev: opening a device, its settings, and transfers split to fit
 * spidev's buffer. */
#include <errno.h>
#include <fcntl.h>
#include <linux/spi/spidev.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "spi_dev.h"

#define BUFSIZ_PARAM "/sys/module/spidev/parameters/bufsiz"

static int xioctl(int fd, unsigned long req, void *arg) {
    int r;
    do {
        r = ioctl(fd, req, arg);
    } while (r < 0 && errno == EINTR);
    return r < 0 ? errno : 0;
}

int px_spi_open(px_spi_dev *d, unsigned bus, unsigned cs) {
    char path[40];
    snprintf(path, sizeof path, "/dev/spidev%u.%u", bus, cs);
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    uint32_t mode = 0, speed = 0;
    uint8_t bits = 0;
    int err = xioctl(fd, SPI_IOC_RD_MODE32, &mode);
    if (err == 0) {
        err = xioctl(fd, SPI_IOC_RD_BITS_PER_WORD, &bits);
    }
    if (err == 0) {
        err = xioctl(fd, SPI_IOC_RD_MAX_SPEED_HZ, &speed);
    }
    if (err != 0) {
        close(fd);
        return err;
    }
    d->fd = fd;
    d->bus = bus;
    d->cs = cs;
    d->mode = mode;
    d->bits = bits ? bits : 8; /* 0 means 8 to spidev */
    d->speed_hz = speed;
    return 0;
}

void px_spi_close(px_spi_dev *d) {
    if (d->fd >= 0) {
        close(d->fd);
        d->fd = -1;
    }
}

int px_spi_set_mode(px_spi_dev *d, uint32_t mode) {
    if (mode == d->mode) {
        return 0; /* unchanged (spi_setup() would drive the chip select again) */
    }
    int err = xioctl(d->fd, SPI_IOC_WR_MODE32, &mode);
    if (err == 0) {
        d->mode = mode;
    }
    return err;
}

int px_spi_set_bits(px_spi_dev *d, uint8_t bits) {
    int err = xioctl(d->fd, SPI_IOC_WR_BITS_PER_WORD, &bits);
    if (err == 0) {
        d->bits = bits;
    }
    return err;
}

int px_spi_set_speed(px_spi_dev *d, uint32_t hz) {
    int err = xioctl(d->fd, SPI_IOC_WR_MAX_SPEED_HZ, &hz);
    if (err == 0) {
        d->speed_hz = hz;
    }
    return err;
}

size_t px_spi_bufsiz(void) {
    static size_t bufsiz;
    if (bufsiz == 0) {
        size_t len;
        int err;
        char *text = px_port_read_file(BUFSIZ_PARAM, &len, &err);
        long n = text != NULL ? strtol(text, NULL, 10) : 0;
        bufsiz = n >= 4 ? (size_t)n : 4096; /* spidev's default */
    }
    return bufsiz;
}

int px_spi_transfer(px_spi_dev *d, const uint8_t *tx, uint8_t *rx, size_t len) {
    size_t word = d->bits <= 8 ? 1 : d->bits <= 16 ? 2 : 4;
    size_t chunk = px_spi_bufsiz() / word * word;
    for (size_t at = 0; at < len; at += chunk) {
        size_t n = len - at < chunk ? len - at : chunk;
        struct spi_ioc_transfer t;
        memset(&t, 0, sizeof t);
        t.tx_buf = tx != NULL ? (uint64_t)(uintptr_t)(tx + at) : 0;
        t.rx_buf = rx != NULL ? (uint64_t)(uintptr_t)(rx + at) : 0;
        t.len = (uint32_t)n;
        t.speed_hz = d->speed_hz;
        t.bits_per_word = d->bits;
        t.cs_change = at + n < len; /* keep the device selected for the next part */
        int err = xioctl(d->fd, SPI_IOC_MESSAGE(1), &t);
        if (err != 0) {
            return err;
        }
    }
    return 0;
}
