/* Devices on the RP2040's buses for the unit tests, on the register
 * model: an I2C bus whose targets answer the commands pushed into the
 * controller's DATA_CMD, written down as text (S start, R repeated start,
 * address and direction, bytes, N for a refused one, P stop): an
 * EEPROM-like target at 0x50 (the first byte written sets its pointer)
 * and one at 0x3c that acknowledges 2 data bytes, then refuses; and an
 * SPI device that shifts one word per status read through 8-word FIFOs,
 * answering each word with its complement, and fails the test if the
 * receive FIFO would overflow. Also the ADC's converter (each START_ONCE
 * converts the input AINSEL selects, from `adc.input`, after READY has
 * read low twice) and the RTC's calendar (LOAD copies SETUP_0/1 into
 * RTC_1/0, only while the RTC is stopped; ACTIVE follows ENABLE). */
#ifndef RP_BUSMODELS_H
#define RP_BUSMODELS_H

#include <stdbool.h>
#include <stdint.h>

#define EEPROM 0x50
#define PICKY 0x3c

typedef struct {
    char wire[4096];
    bool in_transfer, reading, pointer_set, abrt, stop_det, stuck;
    uint32_t abrt_source;
    uint8_t mem[256], ptr;
    uint8_t rx[16];
    unsigned nrx;
    unsigned data_acked; /* bytes written to the current address */
} busmodel_i2c;

typedef struct {
    uint32_t tx[64], rx[64];
    unsigned ntx, nrx, sent;
    uint32_t mask;
    uint32_t seen[64]; /* every word that went out, in order (the last 64) */
} busmodel_spi;

typedef struct {
    uint16_t input[5];  /* what each input converts to (12 bits) */
    bool fail;          /* flag the next conversions with CS.ERR */
    unsigned busy;      /* reads of CS until READY */
    unsigned conversions;
    unsigned last_input; /* AINSEL of the last conversion */
    bool ts_on;          /* TS_EN was set for it */
} busmodel_adc;

typedef struct {
    unsigned loads;
} busmodel_rtc;

extern busmodel_i2c bus;
extern busmodel_spi spi_dev;
extern busmodel_adc adc_dev;
extern busmodel_rtc rtc_dev;

/* Attach the models to a controller's registers (call after rm_reset). */
void busmodel_i2c_attach(uint32_t base);
void busmodel_spi_attach(uint32_t base);
void busmodel_adc_attach(void);
void busmodel_rtc_attach(void);

#endif
