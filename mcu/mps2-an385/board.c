/* mps2-an385: clocks need no set-up in QEMU's model; SysTick, the console
 * on CMSDK UART0, the timers' events between bytecodes, and the interrupt
 * part of the vector table. */
#include <stddef.h>
#include <stdint.h>

#include "an_machine.h"
#include "cmsdk_timer.h"
#include "cortex_m.h"
#include "mcu.h"
#include "nvic.h"

/* CMSDK APB UART registers */
#define UART_DATA PX_REG32(UART0_BASE + 0x00u)
#define UART_STATE PX_REG32(UART0_BASE + 0x04u)
#define UART_CTRL PX_REG32(UART0_BASE + 0x08u)
#define UART_INTSTATUS PX_REG32(UART0_BASE + 0x0Cu) /* write 1s to clear */
#define UART_BAUDDIV PX_REG32(UART0_BASE + 0x10u)
#define STATE_TX_FULL (1u << 0)
#define STATE_RX_FULL (1u << 1)
#define CTRL_TX_EN (1u << 0)
#define CTRL_RX_EN (1u << 1)
#define CTRL_RX_INT_EN (1u << 3)
#define INT_RX (1u << 1)

void board_init(void) {
    UART_BAUDDIV = BOARD_CPU_HZ / CONSOLE_BAUD; /* QEMU wants at least 16 */
    UART_CTRL = CTRL_TX_EN | CTRL_RX_EN | CTRL_RX_INT_EN;
    mcu_irq_enable(UART0_RX_IRQ);
    an_timers_reset();
    SYST_RVR = BOARD_CPU_HZ / 1000u - 1u;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
}

void board_console_write(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        while (UART_STATE & STATE_TX_FULL) {
        }
        UART_DATA = (uint8_t)s[i];
    }
}

/* Every byte received goes to the console's ring; when the ring is full
 * the byte stays in the UART (and QEMU holds back the rest) with the
 * receive interrupt off, until board_console_rx_resume. */
static void drain(void) {
    while (UART_STATE & STATE_RX_FULL) {
        if (mcu_console_full()) {
            UART_CTRL &= ~CTRL_RX_INT_EN;
            return;
        }
        mcu_console_rx((uint8_t)UART_DATA);
    }
}

/* The status is cleared before reading: a byte that arrives after the
 * last read raises the interrupt again. */
static void uart0_rx_irq(void) {
    UART_INTSTATUS = INT_RX;
    drain();
}

/* The byte left in the UART raised no interrupt that is still pending:
 * take it now. */
void board_console_rx_resume(void) {
    uint32_t pm = px_cm_primask();
    px_cm_irq_off();
    UART_CTRL |= CTRL_RX_INT_EN;
    drain();
    if (pm == 0) {
        px_cm_irq_on();
    }
}

/* A soft reset stops the timers a program started. */
void board_soft_reset(void) {
    an_timers_reset();
}

/* Between bytecodes: timer expiries become scheduled calls. */
void board_poll(void) {
    an_machine_timer_poll();
}

/* The interrupts after the core's 16 vectors (startup.c). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
__attribute__((section(".vectors.irq"), used)) void (*const board_irq_vectors[BOARD_NUM_IRQ])(void) = {
    [0 ... BOARD_NUM_IRQ - 1] = mcu_irq_unexpected,
    [UART0_RX_IRQ] = uart0_rx_irq,
    [TIMER0_IRQ] = an_timer0_irq,
    [TIMER1_IRQ] = an_timer1_irq,
    [DUALTIMER_IRQ] = an_dualtimer_irq,
};
#pragma GCC diagnostic pop
