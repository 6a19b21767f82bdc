/* Start-up of every Cortex-M board: the core's part of the vector table,
 * the reset handler that sets up the C run-time's memory, soft reset
 * (the same set-up again, with the peripherals left running) and the
 * fault handlers, which print what a debugger would be asked first (the
 * fault, pc, lr and the fault status registers) on the console and then
 * reset the chip. The board's interrupts follow the core's vectors in the
 * linker script's .vectors section (mcu/<board>/board.c). */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cortex_m.h"
#include "mcu.h"

#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__)
#define HAS_FAULT_STATUS 1 /* ARMv7-M: CFSR and friends, VTOR, the configurable faults */
#else
#define HAS_FAULT_STATUS 0 /* ARMv6-M: HardFault only */
#endif

void mcu_reset_handler(void);
static void fault_entry(void);
/* The C library's thread-local block (errno), and how it is told where. */
extern char __tls_base[];
void _set_tls(void *tls);

/* The core's exceptions 0..15: the initial stack pointer, then handlers. */
__attribute__((section(".vectors.core"), used)) void (*const mcu_core_vectors[16])(void) = {
    (void (*)(void))_estack,
    mcu_reset_handler,
    fault_entry,        /* NMI */
    fault_entry,        /* HardFault */
    fault_entry,        /* MemManage */
    fault_entry,        /* BusFault */
    fault_entry,        /* UsageFault */
    0, 0, 0, 0,
    mcu_irq_unexpected, /* SVCall: never used */
    mcu_irq_unexpected, /* DebugMonitor */
    0,
    mcu_irq_unexpected, /* PendSV: never used */
    mcu_systick_irq,
};

/* How this start began (machine.reset_cause). A reset the firmware asks
 * for (mcu_hard_reset) leaves a mark in .persist, read before .persist
 * is zeroed: RAM that merely powered up holds it by chance once in 2**32
 * (QEMU's starts zeroed). A warm start is a soft reset. */
#define HARD_RESET_MARK 0x48524553u
static MCU_PERSIST volatile uint32_t hard_reset_mark;
static int reset_cause; /* .bss: set at each start */

int mcu_reset_cause(void) {
    return reset_cause;
}

/* Set up memory and run the interpreter. Interrupts stay masked until the
 * C run-time's data is in place; what survives a soft reset (.persist)
 * is zeroed at power-on only. */
/* used: reached only from mcu_soft_reset's assembly, which link-time
 * optimisation cannot see */
__attribute__((noreturn)) void mcu_start(bool warm);
__attribute__((noreturn, used)) void mcu_start(bool warm) {
    px_cm_irq_off();
    memcpy(_sdata, _sidata, (size_t)((char *)_edata - (char *)_sdata));
    memset(_sbss, 0, (size_t)((char *)_ebss - (char *)_sbss));
    _set_tls(__tls_base);
    reset_cause = warm ? MCU_SOFT_RESET : hard_reset_mark == HARD_RESET_MARK ? MCU_HARD_RESET : MCU_PWRON_RESET;
    if (!warm) {
        memset(_spersist, 0, (size_t)((char *)_epersist - (char *)_spersist));
#if HAS_FAULT_STATUS
        SCB_VTOR = (uint32_t)(uintptr_t)mcu_core_vectors;
        SCB_SHCSR |= SCB_SHCSR_FAULTS_ON;
#endif
        board_init();
    } else {
        board_soft_reset();
    }
    px_cm_irq_on();
    mcu_main(warm);
}

/* A board whose peripherals need nothing at a soft reset. */
__attribute__((weak)) void board_soft_reset(void) {
}

void mcu_reset_handler(void) {
    mcu_start(false);
}

/* A fresh stack (whatever called this is forgotten), then start again. */
__attribute__((naked, noreturn)) void mcu_soft_reset(void) {
    __asm__ volatile(
        "cpsid i\n"
        "ldr r0, =_estack\n"
        "mov sp, r0\n"
        "movs r0, #1\n"
        "ldr r1, =mcu_start\n"
        "bx r1\n"
        ".ltorg\n");
}

void mcu_hard_reset(void) {
    hard_reset_mark = HARD_RESET_MARK;
    __asm__ volatile("dsb" ::: "memory");
    SCB_AIRCR = SCB_AIRCR_RESET;
    for (;;) {
        __asm__ volatile("dsb" ::: "memory");
    }
}

/* ---- faults: print, then reset */

static void put(const char *s) {
    board_console_write(s, strlen(s));
}

static void put_hex(const char *name, uint32_t v) {
    char buf[12] = " =0x00000000";
    for (int i = 0; i < 8; i++) {
        buf[11 - i] = "0123456789abcdef"[(v >> (4 * i)) & 15];
    }
    put(name);
    board_console_write(buf + 1, sizeof buf - 1);
}

static const char *const fault_names[] = {"", "", "NMI", "HardFault", "MemManage", "BusFault", "UsageFault"};

/* frame: the registers the core stacked (r0-r3, r12, lr, pc, xpsr). */
/* used: reached only from fault_entry's assembly */
__attribute__((noreturn)) void mcu_fault_report(const uint32_t *frame, uint32_t ipsr);
__attribute__((noreturn, used)) void mcu_fault_report(const uint32_t *frame, uint32_t ipsr) {
    unsigned n = ipsr & 0x1FFu;
    put("\r\nFATAL: ");
    put(n < sizeof fault_names / sizeof fault_names[0] ? fault_names[n] : "exception");
    put_hex(" pc", frame[6]);
    put_hex(" lr", frame[5]);
    put_hex(" sp", (uint32_t)(uintptr_t)(frame + 8));
    put_hex(" xpsr", frame[7]);
#if HAS_FAULT_STATUS
    uint32_t cfsr = SCB_CFSR;
    put_hex("\r\n  cfsr", cfsr);
    put_hex(" hfsr", SCB_HFSR);
    if (cfsr & (1u << 7)) {
        put_hex(" mmfar", SCB_MMFAR);
    }
    if (cfsr & (1u << 15)) {
        put_hex(" bfar", SCB_BFAR);
    }
#endif
    if ((uintptr_t)(frame + 8) < (uintptr_t)_sstack + 64) {
        put("\r\n  the stack is exhausted");
    }
    put("\r\n  resetting\r\n");
    mcu_hard_reset();
}

/* Which stack the core pushed the frame on (EXC_RETURN bit 2), in
 * instructions ARMv6-M has too. */
static __attribute__((naked)) void fault_entry(void) {
    __asm__ volatile(
        "movs r0, #4\n"
        "mov r1, lr\n"
        "tst r0, r1\n"
        "beq 1f\n"
        "mrs r0, psp\n"
        "b 2f\n"
        "1: mrs r0, msp\n"
        "2: mrs r1, ipsr\n"
        "ldr r2, =mcu_fault_report\n"
        "bx r2\n"
        ".ltorg\n");
}

void mcu_irq_unexpected(void) {
    uint32_t ipsr;
    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    put_hex("\r\nFATAL: unexpected interrupt; exception number", ipsr & 0x1FFu);
    put("\r\n  resetting\r\n");
    mcu_hard_reset();
}
