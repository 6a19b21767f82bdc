/* PL022 SPI controller as a master (Motorola frame format). */
#ifndef RP_SPI_H
#define RP_SPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The prescaler (even, 2..254) and serial clock rate (0..255) for the
 * fastest clock not above baud: clk / (cpsdvsr * (1 + scr)). False if
 * baud is below the slowest clock, clk / (254 * 256). */
bool rp_spi_clock(uint32_t clk_hz, uint32_t baud, uint32_t *cpsdvsr, uint32_t *scr);
/* Configure and enable: mode (polarity, phase), word size 4..16 bits.
 * Returns the clock set (0 if baud is out of reach: nothing changed). */
uint32_t rp_spi_init(uint32_t base, uint32_t clk_hz, uint32_t baud, int polarity, int phase, unsigned bits);
void rp_spi_deinit(uint32_t base);
/* One full-duplex transfer of n words (1 byte each up to 8 bits, else 2
 * bytes in little-endian order): tx NULL sends `fill`, rx NULL discards
 * what comes in. tx and rx may be the same buffer. */
void rp_spi_transfer(uint32_t base, unsigned bits, const uint8_t *tx, uint8_t *rx, size_t n, uint16_t fill);

#endif
