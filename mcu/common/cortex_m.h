/* The Cortex-M core's own registers (the System Control Space, the same on
 * every ARMv7-M and ARMv6-M part), as the Architecture Reference Manual
 * lays them out: what the shared MCU runtime touches, nothing more. */
#ifndef PX_MCU_CORTEX_M_H
#define PX_MCU_CORTEX_M_H

#include <stdint.h>

#define PX_REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* SysTick: a 24-bit down-counter clocked by the core */
#define SYST_CSR PX_REG32(0xE000E010u)
#define SYST_RVR PX_REG32(0xE000E014u)
#define SYST_CVR PX_REG32(0xE000E018u)
#define SYST_CSR_ENABLE (1u << 0)
#define SYST_CSR_TICKINT (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2) /* the processor clock */
#define SYST_CSR_COUNTFLAG (1u << 16)

/* NVIC: interrupt n is bit n%32 of word n/32 (set-enable, clear-enable,
 * clear-pending); nvic.c sets and clears them */
#define NVIC_ISER_AT(n) (0xE000E100u + 4u * ((n) >> 5))
#define NVIC_ICER_AT(n) (0xE000E180u + 4u * ((n) >> 5))
#define NVIC_ICPR_AT(n) (0xE000E280u + 4u * ((n) >> 5))
#define NVIC_BIT(n) (1u << ((n) & 31u))

/* System Control Block */
#define SCB_ICSR PX_REG32(0xE000ED04u)
#define SCB_VTOR PX_REG32(0xE000ED08u)
#define SCB_AIRCR PX_REG32(0xE000ED0Cu)
#define SCB_SHCSR PX_REG32(0xE000ED24u)
#define SCB_CFSR PX_REG32(0xE000ED28u) /* MemManage, BusFault, UsageFault status */
#define SCB_HFSR PX_REG32(0xE000ED2Cu)
#define SCB_MMFAR PX_REG32(0xE000ED34u)
#define SCB_BFAR PX_REG32(0xE000ED38u)
#define SCB_AIRCR_RESET (0x05FA0000u | (1u << 2)) /* VECTKEY | SYSRESETREQ */
/* SHCSR: the configurable faults get their own handlers instead of HardFault */
#define SCB_SHCSR_FAULTS_ON ((1u << 16) | (1u << 17) | (1u << 18))

static inline uint32_t px_cm_primask(void) {
    uint32_t r;
    __asm__ volatile("mrs %0, primask" : "=r"(r));
    return r;
}
static inline void px_cm_irq_off(void) {
    __asm__ volatile("cpsid i" ::: "memory");
}
static inline void px_cm_irq_on(void) {
    __asm__ volatile("cpsie i" ::: "memory");
}
/* Wait for an interrupt (also wakes with PRIMASK set, without taking it). */
static inline void px_cm_wfi(void) {
    __asm__ volatile("wfi" ::: "memory");
}

#endif
