/* The Raspberry Pi Pico: what its board set-up gives the rest. */
#ifndef RP_BOARD_H
#define RP_BOARD_H

#include <stdint.h>

#define RP_CONSOLE_UART RP_UART0_BASE
#define RP_CONSOLE_TX_PIN 0u
#define RP_CONSOLE_RX_PIN 1u
#define RP_CONSOLE_BAUD 115200u
#define RP_LED_PIN 25u

/* Clocks, the blocks in use out of reset, the console UART on GP0/GP1. */
void rp_board_init(void);
/* A system reset (through the Cortex-M0+'s AIRCR). */
__attribute__((noreturn)) void rp_board_reset(void);
/* Enable / disable an interrupt line at the NVIC. */
void rp_irq_enable(unsigned irq);
void rp_irq_disable(unsigned irq);

#endif
