/* Interrupt lines on and off at the NVIC, for every Cortex-M board (the
 * same registers on ARMv6-M and ARMv7-M). */
#ifndef PX_MCU_NVIC_H
#define PX_MCU_NVIC_H

/* Enable interrupt `irq` (the board's number, after the core's 16
 * exceptions), forgetting one that was raised while it was off. */
void mcu_irq_enable(unsigned irq);
void mcu_irq_disable(unsigned irq);

#endif
