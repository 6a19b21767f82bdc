/* SPI devices through spidev (/dev/spidevB.C: bus B, chip select C). Mode,
 * word size and clock are the device's settings in the kernel (shared by
 * every program that opens it); transfers also carry the clock and word
 * size themselves. Functions return 0 or an errno value; px_spi_raise
 * turns one into an OSError naming the device and the fix. */
#ifndef PX_SPI_DEV_H
#define PX_SPI_DEV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hal_error.h"

typedef struct px_spi_dev {
    int fd; /* -1 when closed */
    unsigned bus, cs;
    uint32_t mode;     /* SPI_CPOL, SPI_CPHA, SPI_LSB_FIRST, SPI_NO_CS, ... as the kernel holds them */
    uint32_t speed_hz; /* the clock transfers ask for */
    uint8_t bits;      /* bits per word */
} px_spi_dev;

/* ---- spi_dev.c */
/* Open /dev/spidevB.C and read its current settings. */
int px_spi_open(px_spi_dev *d, unsigned bus, unsigned cs);
void px_spi_close(px_spi_dev *d);
int px_spi_set_mode(px_spi_dev *d, uint32_t mode);
int px_spi_set_bits(px_spi_dev *d, uint8_t bits);
int px_spi_set_speed(px_spi_dev *d, uint32_t hz);
/* spidev's largest message (its bufsiz parameter, 4096 by default). */
size_t px_spi_bufsiz(void);
/* Clock len bytes out of tx (NULL: zeros) while reading into rx (NULL:
 * discard). Longer than bufsiz, it goes in several messages, the chip
 * select held between them (cs_change on all but the last). */
int px_spi_transfer(px_spi_dev *d, const uint8_t *tx, uint8_t *rx, size_t len);

/* ---- spi_errors.c */
PX_NORETURN void px_spi_raise_open(int err, unsigned bus, unsigned cs);
/* OSError for err from the open device; `doing` says what failed
 * ("setting mode 3"). */
PX_NORETURN void px_spi_raise(int err, const px_spi_dev *d, const char *doing);

#endif
