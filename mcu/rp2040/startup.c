/* The image's entry: the vector table (at 0x10000100, right after the boot
 * stage, where boot2 points VTOR) and the reset handler, which fills RAM
 * from the image, starts the clocks and calls main(). Interrupt handlers
 * a program does not define stop in rp_unhandled. */
#include <stdint.h>
#include <string.h>

#include "board.h"

extern uint32_t __stack_top[];
extern uint32_t __data_start[], __data_end[], __data_load[], __bss_start[], __bss_end[];

int main(void);
void rp_reset(void);

/* An exception nobody expects (a fault, an interrupt without handler):
 * stop here, where a debugger finds it. */
void rp_unhandled(void) {
    for (;;) {
        __asm__ volatile("bkpt #0");
    }
}

#define WEAK_HANDLER(name) void name(void) __attribute__((weak, alias("rp_unhandled")))
WEAK_HANDLER(rp_isr_hardfault);
WEAK_HANDLER(rp_isr_svcall);
WEAK_HANDLER(rp_isr_pendsv);
WEAK_HANDLER(rp_isr_systick);
WEAK_HANDLER(rp_isr_timer0);
WEAK_HANDLER(rp_isr_timer1);
WEAK_HANDLER(rp_isr_timer2);
WEAK_HANDLER(rp_isr_timer3);
WEAK_HANDLER(rp_isr_io_bank0);
WEAK_HANDLER(rp_isr_uart0);

typedef void (*rp_handler)(void);

/* 16 system exceptions, then IRQ 0..31 (the RP2040 uses 0..25). */
__attribute__((section(".vectors"), used)) const rp_handler rp_vectors[48] = {
    [0] = (rp_handler)(uintptr_t)__stack_top,
    [1] = rp_reset,
    [2] = rp_unhandled, /* NMI */
    [3] = rp_isr_hardfault,
    [11] = rp_isr_svcall,
    [14] = rp_isr_pendsv,
    [15] = rp_isr_systick,
    [16 + 0] = rp_isr_timer0,
    [16 + 1] = rp_isr_timer1,
    [16 + 2] = rp_isr_timer2,
    [16 + 3] = rp_isr_timer3,
    [16 + 13] = rp_isr_io_bank0,
    [16 + 20] = rp_isr_uart0,
    [4] = rp_unhandled, [5] = rp_unhandled, [6] = rp_unhandled, [7] = rp_unhandled,
    [8] = rp_unhandled, [9] = rp_unhandled, [10] = rp_unhandled, [12] = rp_unhandled,
    [13] = rp_unhandled,
    [16 + 4] = rp_unhandled, [16 + 5] = rp_unhandled, [16 + 6] = rp_unhandled,
    [16 + 7] = rp_unhandled, [16 + 8] = rp_unhandled, [16 + 9] = rp_unhandled,
    [16 + 10] = rp_unhandled, [16 + 11] = rp_unhandled, [16 + 12] = rp_unhandled,
    [16 + 14] = rp_unhandled, [16 + 15] = rp_unhandled, [16 + 16] = rp_unhandled,
    [16 + 17] = rp_unhandled, [16 + 18] = rp_unhandled, [16 + 19] = rp_unhandled,
    [16 + 21] = rp_unhandled, [16 + 22] = rp_unhandled, [16 + 23] = rp_unhandled,
    [16 + 24] = rp_unhandled, [16 + 25] = rp_unhandled, [16 + 26] = rp_unhandled,
    [16 + 27] = rp_unhandled, [16 + 28] = rp_unhandled, [16 + 29] = rp_unhandled,
    [16 + 30] = rp_unhandled, [16 + 31] = rp_unhandled,
};

void rp_reset(void) {
    memcpy(__data_start, __data_load, (size_t)((char *)__data_end - (char *)__data_start));
    memset(__bss_start, 0, (size_t)((char *)__bss_end - (char *)__bss_start));
    rp_board_init();
    main();
    for (;;) {
        __asm__ volatile("wfi");
    }
}
