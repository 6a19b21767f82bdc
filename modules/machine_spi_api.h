/* machine.SPI's Python-facing layer, shared by every SPI class (Linux's
 * spidev devices, the RP2040's controllers, SoftSPI): read, readinto,
 * write, write_readinto, the MSB/LSB constants, the settings' keyword
 * names, defaults and ranges, whole-word checks, LSB-first bit reversal
 * for controllers that send the most significant bit first only, and the
 * chip-select Pin of cs=, over a narrow driver each class provides. A
 * port's SPI type names px_type_spi_bus as its base_type and its
 * px_spi_driver as its `proto`; it keeps its id, pins, init/deinit and
 * repr.
 *
 * Nothing here touches an OS or a register: the drivers do. */
#ifndef PX_MACHINE_SPI_API_H
#define PX_MACHINE_SPI_API_H

#include "runtime.h"

typedef struct px_spi_driver {
    /* The bits of a word as set now (1..32: words of 1, 2 or 4 bytes,
     * native byte order); ValueError when the bus is off. Called first. */
    unsigned (*word_bits)(px_val self);
    /* Whether firstbit=LSB is done here, by reversing each word's bits
     * around the transfer (the controller sends MSB first only). */
    bool (*reverse_here)(px_val self);
    /* The Pin driven low around each transfer (cs=), or PX_NONE. */
    px_val (*cs_pin)(px_val self);
    /* One full-duplex transfer of len > 0 bytes, whole words: tx NULL
     * sends `fill` as every byte, rx NULL discards what comes in; tx and
     * rx may be the same buffer. OSError on failure. */
    void (*transfer)(px_val self, const uint8_t *tx, uint8_t *rx, size_t len, uint8_t fill);
} px_spi_driver;

/* The base of every SPI class: the shared methods and MSB/LSB. */
extern const px_type px_type_spi_bus;

/* The settings after the id: SPI(id, baudrate, *, polarity, phase, bits,
 * firstbit, sck, mosi, miso, pins, cs) and init(...) alike. Settings not
 * given are PX_UNSET (so a port may keep what a device has); pins not
 * given PX_NONE; cs PX_UNSET. */
enum {
    PX_SPI_BAUDRATE,
    PX_SPI_POLARITY,
    PX_SPI_PHASE,
    PX_SPI_BITS,
    PX_SPI_FIRSTBIT,
    PX_SPI_SCK,
    PX_SPI_MOSI,
    PX_SPI_MISO,
    PX_SPI_PINS,
    PX_SPI_CS,
    PX_SPI__COUNT
};
void px_spi_parse(px_qid func, size_t argc, const px_val *argv, px_val kwnames, px_val a[PX_SPI__COUNT]);

typedef struct px_spi_settings {
    uint32_t baudrate;
    int polarity, phase, bits, firstbit; /* firstbit: PX_SPI_MSB or PX_SPI_LSB */
} px_spi_settings;
/* Whether any of baudrate, polarity, phase, bits, firstbit was given. */
bool px_spi_settings_given(const px_val *a);
/* The settings given, the defaults for the others (1 MHz, mode 0, 8 bits,
 * MSB first); bits must be in bits_lo..bits_hi (the controller's). */
void px_spi_settings_get(const px_val *a, int bits_lo, int bits_hi, px_spi_settings *s);

#endif
