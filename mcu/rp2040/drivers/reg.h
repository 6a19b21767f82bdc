/* How the drivers reach registers. On the chip a register is a volatile
 * word; in the host-side unit tests (RP_REG_MODEL) the same calls go to a
 * register model (tests/unit/rp2040_regmodel.c) that records writes and
 * serves reads. The drivers use nothing else, so their logic is tested
 * as it runs on the chip. */
#ifndef RP_REG_H
#define RP_REG_H

#include <stdint.h>

#include "regs.h"

#ifndef RP_REG_MODEL
#define RP_REG_MODEL 0
#endif

#if RP_REG_MODEL
uint32_t rp_reg_read(uint32_t addr);
void rp_reg_write(uint32_t addr, uint32_t value);
/* A wait loop calls this each time round: the model advances time (and
 * fails a test that would spin forever). */
void rp_reg_spin(void);
/* Sleep until an interrupt: the model advances its clock and raises the
 * timer's alarm interrupts when they are due. */
void rp_wait_for_interrupt(void);
static inline void rp_cpu_irq_off(void) {
}
static inline void rp_cpu_irq_on(void) {
}
#else
static inline uint32_t rp_reg_read(uint32_t addr) {
    return *(volatile uint32_t *)(uintptr_t)addr;
}
static inline void rp_reg_write(uint32_t addr, uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)addr = value;
}
static inline void rp_reg_spin(void) {
}
/* (WFI wakes for a pending interrupt even with PRIMASK set: check, then
 * sleep, with interrupts masked, so none is missed in between.) */
static inline void rp_wait_for_interrupt(void) {
    __asm__ volatile("wfi" ::: "memory");
}
static inline void rp_cpu_irq_off(void) {
    __asm__ volatile("cpsid i" ::: "memory");
}
static inline void rp_cpu_irq_on(void) {
    __asm__ volatile("cpsie i" ::: "memory");
}
#endif

/* The atomic aliases: set, clear or flip bits without a read-modify-write,
 * so an interrupt handler changing other bits of the register is safe. */
static inline void rp_reg_set(uint32_t addr, uint32_t mask) {
    rp_reg_write(addr + RP_ALIAS_SET, mask);
}
static inline void rp_reg_clr(uint32_t addr, uint32_t mask) {
    rp_reg_write(addr + RP_ALIAS_CLR, mask);
}
/* Write `value` into the bits of `mask` only (through the XOR alias). */
static inline void rp_reg_field(uint32_t addr, uint32_t mask, uint32_t value) {
    rp_reg_write(addr + RP_ALIAS_XOR, (rp_reg_read(addr) ^ value) & mask);
}
/* Wait until (reg & mask) == want. */
static inline void rp_reg_wait(uint32_t addr, uint32_t mask, uint32_t want) {
    while ((rp_reg_read(addr) & mask) != want) {
        rp_reg_spin();
    }
}

#endif
