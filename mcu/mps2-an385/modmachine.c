/* The machine module of the mps2-an385: the board-wide functions every
 * Cortex-M board has (mcu/common/machine_core.c) and Timer on the CMSDK
 * timers (machine_timer.c). The board has no GPIO, bus or unique-ID
 * hardware that QEMU emulates (docs/mcu.md). */
#include "machine_core.h"
#include "machine_timer_api.h"
#include "mcu.h"

/* Sorted by name bytes. */
static const px_map_entry machine_table[] = {
    PX_ENTRY(HARD_RESET, PX_SMALL_CONST(MCU_HARD_RESET)),
    PX_ENTRY(PWRON_RESET, PX_SMALL_CONST(MCU_PWRON_RESET)),
    PX_ENTRY(SOFT_RESET, PX_SMALL_CONST(MCU_SOFT_RESET)),
    PX_ENTRY_OBJ(Timer, &px_type_timer),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(machine))),
    PX_ENTRY_OBJ(disable_irq, &mcu_machine_disable_irq_obj),
    PX_ENTRY_OBJ(enable_irq, &mcu_machine_enable_irq_obj),
    PX_ENTRY_OBJ(freq, &mcu_machine_freq_obj),
    PX_ENTRY_OBJ(idle, &mcu_machine_idle_obj),
    PX_ENTRY_OBJ(reset, &mcu_machine_reset_obj),
    PX_ENTRY_OBJ(reset_cause, &mcu_machine_reset_cause_obj),
    PX_ENTRY_OBJ(soft_reset, &mcu_machine_soft_reset_obj),
};
static PX_CONST_MAP(machine_globals, machine_table);
PX_MODULE_DEF(machine, machine_globals, PX_MODULE_EXTENSIBLE, NULL);
