/* The machine module's board-wide functions every Cortex-M board shares
 * (machine_core.c); a board's machine module lists them beside its own
 * classes, under the names of MicroPython's docs, with the reset causes
 * of mcu.h (MCU_*_RESET) as PWRON_RESET, HARD_RESET and SOFT_RESET. */
#ifndef PX_MCU_MACHINE_CORE_H
#define PX_MCU_MACHINE_CORE_H

#include "runtime.h"

extern const px_builtin mcu_machine_reset_obj, mcu_machine_soft_reset_obj, mcu_machine_reset_cause_obj,
    mcu_machine_freq_obj, mcu_machine_idle_obj, mcu_machine_disable_irq_obj, mcu_machine_enable_irq_obj;

#endif
