/* PL022 SPI. The transfer keeps the transmit FIFO fed while never having
 * more words in flight than the receive FIFO holds, so nothing received
 * is lost however slowly the loop runs. */
#include "spi.h"

#include "reg.h"

bool rp_spi_clock(uint32_t clk_hz, uint32_t baud, uint32_t *cpsdvsr, uint32_t *scr) {
    if (baud == 0 || (uint64_t)baud * 254 * 256 < clk_hz) {
        return false;
    }
    /* the smallest prescaler whose slowest rate reaches down to baud */
    uint32_t pre = 2;
    while ((uint64_t)clk_hz > (uint64_t)baud * pre * 256) {
        pre += 2;
    }
    /* then the smallest divider that is not faster than baud */
    uint32_t div = (clk_hz + pre * baud - 1) / (pre * baud); /* 1 + scr */
    if (div < 1) {
        div = 1;
    }
    *cpsdvsr = pre;
    *scr = div - 1;
    return true;
}

uint32_t rp_spi_init(uint32_t base, uint32_t clk_hz, uint32_t baud, int polarity, int phase, unsigned bits) {
    uint32_t pre, scr;
    if (!rp_spi_clock(clk_hz, baud, &pre, &scr) || bits < 4 || bits > 16) {
        return 0;
    }
    rp_reg_write(base + RP_SPI_CR1, 0); /* disabled while configured */
    rp_reg_write(base + RP_SPI_CPSR, pre);
    rp_reg_write(base + RP_SPI_CR0, scr << RP_SPI_CR0_SCR_SHIFT | (phase ? RP_SPI_CR0_SPH : 0) |
                                        (polarity ? RP_SPI_CR0_SPO : 0) | (bits - 1));
    rp_reg_write(base + RP_SPI_CR1, RP_SPI_CR1_SSE);
    return clk_hz / (pre * (scr + 1));
}

void rp_spi_deinit(uint32_t base) {
    rp_reg_write(base + RP_SPI_CR1, 0);
}

void rp_spi_transfer(uint32_t base, unsigned bits, const uint8_t *tx, uint8_t *rx, size_t n, uint16_t fill) {
    size_t ws = bits > 8 ? 2 : 1, sent = 0, got = 0;
    while (got < n) {
        uint32_t sr = rp_reg_read(base + RP_SPI_SR);
        if (sent < n && (sr & RP_SPI_SR_TNF) && sent - got < RP_SPI_FIFO_DEPTH) {
            uint32_t w = fill;
            if (tx != NULL) {
                w = ws == 2 ? (uint32_t)tx[2 * sent] | (uint32_t)tx[2 * sent + 1] << 8 : tx[sent];
            }
            rp_reg_write(base + RP_SPI_DR, w);
            sent++;
            continue;
        }
        if (sr & RP_SPI_SR_RNE) {
            uint32_t w = rp_reg_read(base + RP_SPI_DR);
            if (rx != NULL) {
                if (ws == 2) {
                    rx[2 * got] = (uint8_t)w;
                    rx[2 * got + 1] = (uint8_t)(w >> 8);
                } else {
                    rx[got] = (uint8_t)w;
                }
            }
            got++;
            continue;
        }
        rp_reg_spin();
    }
    rp_reg_wait(base + RP_SPI_SR, RP_SPI_SR_BSY, 0);
}
