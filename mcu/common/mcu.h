/* What the shared MCU runtime (mcu/common) and a board (mcu/<board>) give
 * each other. A board supplies its clock, its console UART and its vector
 * table's interrupt part; the runtime supplies start-up, the port
 * interface (src/port.h) on top of them, and the boot sequence. */
#ifndef PX_MCU_H
#define PX_MCU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h" /* the board's own: BOARD_* settings below */

/* ---- the board supplies (mcu/<board>/board.c) ----
 * board.h defines:
 *   BOARD_NAME        "mps2-an385": sys.implementation._machine, the banner
 *   BOARD_CPU_HZ      the core clock (SysTick counts it)
 *   BOARD_HEAP_SIZE   bytes of the GC heap (one static region)
 * and its memory.ld the memory regions and _stack_size, the main stack. */

/* Clocks, SysTick at 1 kHz and the console UART with its receive
 * interrupt on. Called once at power-on (after .data and .bss are set
 * up, interrupts still masked); a soft reset keeps them running. */
void board_init(void);
/* At the start of a soft reset (interrupts masked): stop what a program
 * started on the board's peripherals that would go on interrupting (its
 * timers). Optional: startup.c has an empty default. */
void board_soft_reset(void);
/* Send bytes on the console UART, waiting while its FIFO is full. */
void board_console_write(const char *s, size_t n);

/* The console's receive interrupt was turned off because the ring was
 * full (mcu_console_full): turn it on again, there is room now. */
void board_console_rx_resume(void);

/* Between bytecodes (px_port_poll): turn what the board's interrupt
 * handlers recorded (pin edges, timer alarms) into scheduled calls.
 * Optional: port.c has an empty default.
 *
 * A board whose board.h defines BOARD_OWN_TIME 1 supplies the time part
 * of the port interface itself (px_port_ticks_ms/us, px_port_time_ns,
 * px_port_tz_offset, px_port_sleep_us, and mcu_ticks_us) instead of
 * port.c's SysTick clock, and need not start SysTick. */
void board_poll(void);

/* ---- the runtime supplies (mcu/common) ---- */

/* The console's receive interrupt hands each byte here (console.c),
 * unless the ring is full: then it leaves the byte in the UART and turns
 * itself off until board_console_rx_resume. */
void mcu_console_rx(uint8_t c);
bool mcu_console_full(void);
/* Interrupt handlers a board's vector table names (startup.c, port.c). */
void mcu_irq_unexpected(void);
void mcu_systick_irq(void);

/* Start again with a fresh interpreter: the C run-time's data is set up
 * anew, as at power-on, while the peripherals, the clock and the bytes
 * the console has received keep going (startup.c). Soft reset. */
__attribute__((noreturn)) void mcu_soft_reset(void);
/* Reset the whole chip (machine.reset, a fatal error). */
__attribute__((noreturn)) void mcu_hard_reset(void);
/* How this start began: the values of machine's reset causes (as on
 * Linux): power-on, mcu_hard_reset, or a soft reset (Ctrl-D, SystemExit,
 * machine.soft_reset). */
enum { MCU_PWRON_RESET = 1, MCU_HARD_RESET = 2, MCU_SOFT_RESET = 5 };
int mcu_reset_cause(void);

/* The interpreter's life from power-on or soft reset to the next (main.c). */
__attribute__((noreturn)) void mcu_main(bool warm);

/* State that survives a soft reset lives in this section (the linker
 * script's .persist: zeroed at power-on only). */
#define MCU_PERSIST __attribute__((section(".persist")))

/* Linker-script symbols (mcu/common/sections.ld). */
extern uint32_t _sidata[], _sdata[], _edata[], _sbss[], _ebss[];
extern uint32_t _spersist[], _epersist[], _estack[], _sstack[];

#endif
