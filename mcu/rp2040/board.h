/* The Raspberry Pi Pico (RP2040, Cortex-M0+ at 125 MHz, 264 KiB of SRAM,
 * 2 MiB of QSPI flash run in place): the settings the shared MCU runtime
 * reads (mcu/common/mcu.h) and what the board's files give each other. */
#ifndef PX_BOARD_H
#define PX_BOARD_H

#include <stdint.h>

#define BOARD_NAME "rp2040"
#define BOARD_CPU_HZ 125000000u
#define BOARD_HEAP_SIZE (160u << 10)
#define BOARD_NUM_IRQ 32
/* time comes from the RP2040's 64-bit microsecond TIMER (port_time.c),
 * not from SysTick */
#define BOARD_OWN_TIME 1

/* the console: UART0 on GP0 (TX) and GP1 (RX), 115200 8N1 */
#define RP_CONSOLE_UART RP_UART0_BASE
#define RP_CONSOLE_TX_PIN 0u
#define RP_CONSOLE_RX_PIN 1u
#define RP_CONSOLE_BAUD 115200u
#define RP_IRQ_UART0 20u

/* Reset the whole chip, as at power-on (machine.reset). */
__attribute__((noreturn)) void rp_board_reset(void);

#endif
