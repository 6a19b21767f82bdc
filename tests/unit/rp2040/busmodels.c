/* The bus models (busmodels.h). */
#include "busmodels.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "reg.h"
#include "regmodel.h"

static uint32_t I2C = RP_I2C0_BASE;

/* ---- the I2C bus and its targets */

busmodel_i2c bus;

static void wire(const char *fmt, unsigned v) {
    size_t n = strlen(bus.wire);
    snprintf(bus.wire + n, sizeof bus.wire - n, fmt, v);
}

static void wire_text(const char *s) {
    size_t n = strlen(bus.wire);
    snprintf(bus.wire + n, sizeof bus.wire - n, "%s%s", n > 0 && s[0] != ' ' ? " " : "", s);
}

static void end_transfer(void) {
    wire_text(" P");
    bus.in_transfer = false;
    bus.stop_det = true;
}

static void abort_with(uint32_t source) {
    bus.abrt = true;
    bus.abrt_source = source;
    end_transfer(); /* the controller sends a STOP after an abort */
}

static void data_cmd(uint32_t addr, uint32_t cmd, void *ctx) {
    unsigned tar = rm_get(I2C + RP_I2C_TAR) & 0x7fu;
    bool read = cmd & RP_I2C_CMD_READ;
    ck_assert_msg(rm_get(I2C + RP_I2C_ENABLE) & 1u, "DATA_CMD written while the controller is disabled");
    if (!bus.in_transfer || (cmd & RP_I2C_CMD_RESTART) || read != bus.reading) {
        wire_text(bus.in_transfer ? " R" : "S");
        wire(read ? " %02xr" : " %02xw", tar);
        bus.in_transfer = true;
        bus.reading = read;
        bus.pointer_set = false;
        bus.data_acked = 0;
        if (tar != EEPROM && tar != PICKY) {
            wire_text(" N");
            abort_with(RP_I2C_ABRT_7B_ADDR_NOACK);
            return;
        }
    }
    if (read) {
        ck_assert_msg(bus.nrx < 16, "I2C receive FIFO overflow");
        bus.rx[bus.nrx++] = bus.mem[bus.ptr];
        wire(" <%02x", bus.mem[bus.ptr++]);
    } else if (tar == PICKY && bus.data_acked == 2) {
        wire(" %02x N", cmd & 0xffu);
        abort_with(RP_I2C_ABRT_TXDATA_NOACK);
        return;
    } else {
        wire(" %02x", cmd & 0xffu);
        bus.data_acked++;
        if (!bus.pointer_set) {
            bus.ptr = (uint8_t)cmd;
            bus.pointer_set = true;
        } else {
            bus.mem[bus.ptr++] = (uint8_t)cmd;
        }
    }
    if (cmd & RP_I2C_CMD_STOP) {
        end_transfer();
    }
}

static uint32_t read_data(uint32_t addr, void *ctx) {
    ck_assert_msg(bus.nrx > 0, "DATA_CMD read with the receive FIFO empty");
    uint32_t v = bus.rx[0];
    memmove(bus.rx, bus.rx + 1, --bus.nrx);
    return v;
}

static uint32_t raw_intr(uint32_t addr, void *ctx) {
    return (bus.stuck ? 0 : RP_I2C_INTR_TX_EMPTY) | (bus.abrt ? RP_I2C_INTR_TX_ABRT : 0) |
           (bus.stop_det ? RP_I2C_INTR_STOP_DET : 0);
}

static uint32_t status(uint32_t addr, void *ctx) {
    return RP_I2C_STATUS_TFNF | (bus.nrx > 0 ? RP_I2C_STATUS_RFNE : 0);
}

static uint32_t abrt_source(uint32_t addr, void *ctx) {
    return bus.abrt ? bus.abrt_source : 0;
}

static uint32_t clr_abrt(uint32_t addr, void *ctx) {
    bus.abrt = false;
    return 1;
}

static uint32_t clr_stop(uint32_t addr, void *ctx) {
    bus.stop_det = false;
    return 1;
}

void busmodel_i2c_attach(uint32_t base) {
    I2C = base;
    memset(&bus, 0, sizeof bus);
    for (unsigned i = 0; i < 256; i++) {
        bus.mem[i] = (uint8_t)(i ^ 0xa5);
    }
    rm_hook(I2C + RP_I2C_DATA_CMD, read_data, data_cmd, NULL);
    rm_hook(I2C + RP_I2C_RAW_INTR_STAT, raw_intr, NULL, NULL);
    rm_hook(I2C + RP_I2C_STATUS, status, NULL, NULL);
    rm_hook(I2C + RP_I2C_TX_ABRT_SOURCE, abrt_source, NULL, NULL);
    rm_hook(I2C + RP_I2C_CLR_TX_ABRT, clr_abrt, NULL, NULL);
    rm_hook(I2C + RP_I2C_CLR_STOP_DET, clr_stop, NULL, NULL);
}

static uint32_t SPI = RP_SPI1_BASE;

busmodel_spi spi_dev;

/* The device answers each word with its complement. */
static void spi_dr_write(uint32_t addr, uint32_t w, void *ctx) {
    ck_assert_msg(rm_get(SPI + RP_SPI_CR1) & RP_SPI_CR1_SSE, "DR written while SPI is disabled");
    ck_assert_msg(spi_dev.ntx < RP_SPI_FIFO_DEPTH, "SPI transmit FIFO overflow");
    spi_dev.tx[spi_dev.ntx++] = w;
}

static uint32_t spi_dr_read(uint32_t addr, void *ctx) {
    ck_assert_msg(spi_dev.nrx > 0, "DR read with the receive FIFO empty");
    uint32_t w = spi_dev.rx[0];
    memmove(spi_dev.rx, spi_dev.rx + 1, --spi_dev.nrx * sizeof w);
    return w;
}

/* Each status read is time enough to shift one word out and in. */
static uint32_t spi_sr(uint32_t addr, void *ctx) {
    if (spi_dev.ntx > 0) {
        uint32_t w = spi_dev.tx[0];
        memmove(spi_dev.tx, spi_dev.tx + 1, --spi_dev.ntx * sizeof w);
        spi_dev.seen[spi_dev.sent++ % 64] = w;
        ck_assert_msg(spi_dev.nrx < RP_SPI_FIFO_DEPTH, "SPI receive FIFO overflow: data lost");
        spi_dev.rx[spi_dev.nrx++] = ~w & spi_dev.mask;
    }
    return (spi_dev.ntx == 0 ? RP_SPI_SR_TFE : 0) | (spi_dev.ntx < RP_SPI_FIFO_DEPTH ? RP_SPI_SR_TNF : 0) |
           (spi_dev.nrx > 0 ? RP_SPI_SR_RNE : 0) | (spi_dev.ntx > 0 ? RP_SPI_SR_BSY : 0);
}

void busmodel_spi_attach(uint32_t base) {
    SPI = base;
    memset(&spi_dev, 0, sizeof spi_dev);
    spi_dev.mask = 0xff;
    rm_hook(SPI + RP_SPI_DR, spi_dr_read, spi_dr_write, NULL);
    rm_hook(SPI + RP_SPI_SR, spi_sr, NULL, NULL);
}

/* ---- the ADC's converter */

busmodel_adc adc_dev;

static void adc_cs_write(uint32_t addr, uint32_t v, void *ctx) {
    if (v & RP_ADC_CS_START_ONCE) {
        ck_assert_msg(v & RP_ADC_CS_EN, "ADC: START_ONCE with the ADC disabled");
        ck_assert_msg(adc_dev.busy == 0, "ADC: START_ONCE during a conversion");
        unsigned in = (v & RP_ADC_CS_AINSEL_MASK) >> RP_ADC_CS_AINSEL_SHIFT;
        ck_assert_msg(in < 5, "ADC: AINSEL %u does not exist", in);
        adc_dev.last_input = in;
        adc_dev.ts_on = (v & RP_ADC_CS_TS_EN) != 0;
        adc_dev.conversions++;
        adc_dev.busy = 2;
        rm_put(RP_ADC_BASE + RP_ADC_RESULT, adc_dev.input[in] & 0xfffu);
        v &= ~RP_ADC_CS_START_ONCE; /* self-clearing */
        v = adc_dev.fail ? v | RP_ADC_CS_ERR : v & ~RP_ADC_CS_ERR;
    }
    rm_put(addr, v & ~RP_ADC_CS_READY);
}

static uint32_t adc_cs_read(uint32_t addr, void *ctx) {
    uint32_t v = rm_get(addr);
    if (adc_dev.busy > 0) {
        adc_dev.busy--;
        return v;
    }
    return (v & RP_ADC_CS_EN) ? v | RP_ADC_CS_READY : v;
}

static uint32_t adc_result_read(uint32_t addr, void *ctx) {
    ck_assert_msg(adc_dev.busy == 0, "ADC: RESULT read before READY");
    return rm_get(addr);
}

void busmodel_adc_attach(void) {
    memset(&adc_dev, 0, sizeof adc_dev);
    rm_hook(RP_ADC_BASE + RP_ADC_CS, adc_cs_read, adc_cs_write, NULL);
    rm_hook(RP_ADC_BASE + RP_ADC_RESULT, adc_result_read, NULL, NULL);
}

/* ---- the RTC's calendar (it does not tick: a test moves it with rm_put) */

busmodel_rtc rtc_dev;

static void rtc_ctrl_write(uint32_t addr, uint32_t v, void *ctx) {
    if (v & RP_RTC_CTRL_LOAD) {
        ck_assert_msg((rm_get(addr) & RP_RTC_CTRL_ENABLE) == 0, "RTC: LOAD while it runs");
        rm_put(RP_RTC_BASE + RP_RTC_RTC_1, rm_get(RP_RTC_BASE + RP_RTC_SETUP_0));
        rm_put(RP_RTC_BASE + RP_RTC_RTC_0, rm_get(RP_RTC_BASE + RP_RTC_SETUP_1));
        rtc_dev.loads++;
        v &= ~RP_RTC_CTRL_LOAD; /* self-clearing */
    }
    rm_put(addr, v & ~RP_RTC_CTRL_ACTIVE);
}

static uint32_t rtc_ctrl_read(uint32_t addr, void *ctx) {
    uint32_t v = rm_get(addr);
    return (v & RP_RTC_CTRL_ENABLE) ? v | RP_RTC_CTRL_ACTIVE : v;
}

void busmodel_rtc_attach(void) {
    memset(&rtc_dev, 0, sizeof rtc_dev);
    rm_hook(RP_RTC_BASE + RP_RTC_CTRL, rtc_ctrl_read, rtc_ctrl_write, NULL);
}
