/* PL011 UART (UART0 on GP0/GP1 is the console). */
#ifndef RP_UART_H
#define RP_UART_H

#include <stdint.h>

/* The baud rate divisor, 16 * clock / baud in 16.6 fixed point, rounded
 * to the nearest 1/64: integer part (1..65535) and fraction (0..63). */
void rp_uart_divisor(uint32_t clk_hz, uint32_t baud, uint32_t *ibrd, uint32_t *fbrd);
/* The baud rate the divisor really gives. */
uint32_t rp_uart_actual_baud(uint32_t clk_hz, uint32_t ibrd, uint32_t fbrd);
/* 8N1 with FIFOs at `baud`; returns the baud rate set. */
uint32_t rp_uart_init(uint32_t base, uint32_t clk_hz, uint32_t baud);
/* Wait for room in the transmit FIFO, then queue c. */
void rp_uart_putc(uint32_t base, uint8_t c);
/* The next received byte, or -1 if none waits. */
int rp_uart_getc(uint32_t base);
/* Wait until everything queued has left the shift register. */
void rp_uart_flush(uint32_t base);

#endif
