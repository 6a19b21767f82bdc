/* The board bring-up program: what runs on a Pico before the interpreter
 * is linked in (mcu/rp2040/README section of docs/rp2040.md). It shows
 * that the boot stage, clocks, console UART, GPIO and timer work: a
 * banner with the clock frequency, the LED blinking at 1 Hz from the
 * timer's alarm interrupt, and every byte received on the console echoed
 * back. */
#include <stdbool.h>
#include <stdint.h>

#include "board.h"
#include "clocks.h"
#include "gpio.h"
#include "reg.h"
#include "timer.h"
#include "uart.h"

#define BLINK_US 500000u

static volatile uint64_t next_toggle;
static volatile bool led;

static void puts_console(const char *s) {
    for (; *s; s++) {
        if (*s == '\n') {
            rp_uart_putc(RP_CONSOLE_UART, '\r');
        }
        rp_uart_putc(RP_CONSOLE_UART, (uint8_t)*s);
    }
}

static void put_decimal(uint32_t v) {
    char buf[11], *p = buf + sizeof buf;
    *--p = '\0';
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    puts_console(p);
}

void rp_isr_timer0(void) {
    rp_timer_ack(0);
    led = !led;
    rp_gpio_output(RP_LED_PIN, false, led);
    next_toggle += BLINK_US;
    while (!rp_timer_arm(0, next_toggle)) {
        next_toggle += BLINK_US; /* late: skip a beat rather than drift */
    }
}

int main(void) {
    puts_console("px rp2040 bring-up: clk_sys ");
    put_decimal(RP_SYS_HZ);
    puts_console(" Hz; echoing the console\n");
    rp_gpio_init(RP_LED_PIN);
    rp_gpio_output(RP_LED_PIN, false, 0);
    next_toggle = rp_timer_now() + BLINK_US;
    rp_timer_arm(0, next_toggle);
    rp_irq_enable(RP_IRQ_TIMER_0);
    for (;;) {
        int c = rp_uart_getc(RP_CONSOLE_UART);
        if (c >= 0) {
            rp_uart_putc(RP_CONSOLE_UART, (uint8_t)c);
        } else {
            __asm__ volatile("wfi");
        }
    }
}
