/* The Pico on the shared MCU runtime: clocks and resets, the console on
 * UART0 (GP0/GP1) with its receive interrupt, the collection of machine
 * events between bytecodes, and the interrupt part of the vector table.
 * Everything runs on core 0; core 1 stays in the boot ROM's wait loop. */
#include <stddef.h>
#include <stdint.h>

#include "clocks.h"
#include "cortex_m.h"
#include "gpio.h"
#include "mcu.h"
#include "nvic.h"
#include "reg.h"
#include "resets.h"
#include "rp_machine.h"
#include "uart.h"

/* PL011 interrupt registers: receive (FIFO at its level) and receive
 * timeout (bytes waiting, none coming) */
#define UART_IFLS 0x034u
#define UART_IMSC 0x038u
#define UART_ICR 0x044u
#define UART_INT_RX (1u << 4)
#define UART_INT_RT (1u << 6)

void board_init(void) {
    rp_clocks_init();
    rp_reset_cycle(RP_RESET_IO_BANK0 | RP_RESET_PADS_BANK0 | RP_RESET_UART0 | RP_RESET_TIMER);
    rp_uart_init(RP_CONSOLE_UART, RP_SYS_HZ, RP_CONSOLE_BAUD);
    rp_gpio_set_function(RP_CONSOLE_TX_PIN, RP_GPIO_FUNC_UART);
    rp_gpio_set_function(RP_CONSOLE_RX_PIN, RP_GPIO_FUNC_UART);
    rp_reg_write(RP_CONSOLE_UART + UART_IMSC, UART_INT_RX | UART_INT_RT);
    mcu_irq_enable(RP_IRQ_UART0);
}

void board_console_write(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        rp_uart_putc(RP_CONSOLE_UART, (uint8_t)s[i]);
    }
}

/* Every byte received goes to the console's ring; when the ring is full
 * the rest stays in the UART's FIFO (32 bytes) with its interrupts off,
 * until board_console_rx_resume. */
static void drain(void) {
    int c;
    while (!mcu_console_full() && (c = rp_uart_getc(RP_CONSOLE_UART)) >= 0) {
        mcu_console_rx((uint8_t)c);
    }
    if (mcu_console_full()) {
        rp_reg_write(RP_CONSOLE_UART + UART_IMSC, 0);
    }
}

static void uart0_irq(void) {
    rp_reg_write(RP_CONSOLE_UART + UART_ICR, UART_INT_RX | UART_INT_RT);
    drain();
}

void board_console_rx_resume(void) {
    uint32_t pm = px_cm_primask();
    px_cm_irq_off();
    rp_reg_write(RP_CONSOLE_UART + UART_IMSC, UART_INT_RX | UART_INT_RT);
    drain();
    if (pm == 0) {
        px_cm_irq_on();
    }
}

/* Between bytecodes: pin edges and timer expiries become scheduled calls. */
void board_poll(void) {
    rp_machine_poll();
}

void rp_board_reset(void) {
    mcu_hard_reset();
}

void rp_isr_timer0(void);
void rp_isr_timer3(void);
void rp_isr_io_bank0(void);

/* The interrupts after the core's 16 vectors (mcu/common/startup.c). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
__attribute__((section(".vectors.irq"), used)) void (*const board_irq_vectors[BOARD_NUM_IRQ])(void) = {
    [0 ... BOARD_NUM_IRQ - 1] = mcu_irq_unexpected,
    [RP_IRQ_TIMER_0] = rp_isr_timer0,
    [RP_IRQ_TIMER_0 + 3] = rp_isr_timer3,
    [RP_IRQ_IO_BANK0] = rp_isr_io_bank0,
    [RP_IRQ_UART0] = uart0_irq,
};
#pragma GCC diagnostic pop
