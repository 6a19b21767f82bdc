/* PL011 UART. The divisor registers take effect when LCR_H is written,
 * so LCR_H comes after them. */
#include "uart.h"

#include "reg.h"

void rp_uart_divisor(uint32_t clk_hz, uint32_t baud, uint32_t *ibrd, uint32_t *fbrd) {
    /* 128 * clk / (16 * baud) = 8 * clk / baud: the divisor with one more
     * fractional bit than the register, for rounding */
    uint32_t div = baud ? (uint32_t)(8ull * clk_hz / baud) : 0;
    uint32_t i = div >> 7, f = ((div & 0x7f) + 1) / 2;
    if (f == 64) {
        i++;
        f = 0;
    }
    if (i == 0) {
        i = 1; /* fastest */
        f = 0;
    } else if (i >= 65535) {
        i = 65535; /* slowest */
        f = 0;
    }
    *ibrd = i;
    *fbrd = f;
}

uint32_t rp_uart_actual_baud(uint32_t clk_hz, uint32_t ibrd, uint32_t fbrd) {
    return (uint32_t)(4ull * clk_hz / (64 * ibrd + fbrd));
}

uint32_t rp_uart_init(uint32_t base, uint32_t clk_hz, uint32_t baud) {
    uint32_t ibrd, fbrd;
    rp_uart_divisor(clk_hz, baud, &ibrd, &fbrd);
    rp_reg_write(base + RP_UART_CR, 0);
    rp_reg_write(base + RP_UART_IBRD, ibrd);
    rp_reg_write(base + RP_UART_FBRD, fbrd);
    rp_reg_write(base + RP_UART_LCR_H, RP_UART_LCR_H_WLEN8 | RP_UART_LCR_H_FEN);
    rp_reg_write(base + RP_UART_CR, RP_UART_CR_UARTEN | RP_UART_CR_TXE | RP_UART_CR_RXE);
    return rp_uart_actual_baud(clk_hz, ibrd, fbrd);
}

void rp_uart_putc(uint32_t base, uint8_t c) {
    rp_reg_wait(base + RP_UART_FR, RP_UART_FR_TXFF, 0);
    rp_reg_write(base + RP_UART_DR, c);
}

int rp_uart_getc(uint32_t base) {
    if (rp_reg_read(base + RP_UART_FR) & RP_UART_FR_RXFE) {
        return -1;
    }
    return (int)(rp_reg_read(base + RP_UART_DR) & 0xff);
}

void rp_uart_flush(uint32_t base) {
    rp_reg_wait(base + RP_UART_FR, RP_UART_FR_BUSY, 0);
}
