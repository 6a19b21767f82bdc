/* The NVIC's enable and pending bits (nvic.h). On the chip a write is a
 * volatile store; a board's host-side register model (the RP2040's unit
 * tests, built with MCU_REG_MODEL) receives the same writes through its
 * mcu_reg_write, so a test sees which interrupts were turned on. */
#include <stdint.h>

#include "cortex_m.h"
#include "nvic.h"

#ifndef MCU_REG_MODEL
#define MCU_REG_MODEL 0
#endif

#if MCU_REG_MODEL
void mcu_reg_write(uint32_t addr, uint32_t value);
#else
static inline void mcu_reg_write(uint32_t addr, uint32_t value) {
    PX_REG32(addr) = value;
}
#endif

void mcu_irq_enable(unsigned irq) {
    mcu_reg_write(NVIC_ICPR_AT(irq), NVIC_BIT(irq)); /* forget one raised while off */
    mcu_reg_write(NVIC_ISER_AT(irq), NVIC_BIT(irq));
}

void mcu_irq_disable(unsigned irq) {
    mcu_reg_write(NVIC_ICER_AT(irq), NVIC_BIT(irq));
}
