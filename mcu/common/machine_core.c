/* machine's board-wide functions on a Cortex-M (machine_core.h), with the
 * meaning MicroPython's docs give them on a board:
 *   reset()            reset the chip (SYSRESETREQ), as at power-on
 *   soft_reset()       end the program as SystemExit does, which restarts
 *                      the interpreter (main.c), as on Linux
 *   reset_cause()      PWRON_RESET, HARD_RESET or SOFT_RESET (startup.c)
 *   freq()             the core clock; it cannot be changed
 *   idle()             wait for the next interrupt (at most the 1 ms tick)
 *   disable_irq()      mask interrupts (PRIMASK), returning the old state
 *   enable_irq(state)  put back what disable_irq returned */
#include "runtime.h"
#include "cortex_m.h"
#include "machine_core.h"
#include "mcu.h"

static px_val machine_reset(void) {
    px_port_stdout_flush();
    mcu_hard_reset();
}

static px_val machine_soft_reset(void) {
    px_raise(px_exc_new(&px_type_SystemExit, 0, NULL));
}

static px_val machine_reset_cause(void) {
    return px_small(mcu_reset_cause());
}

static px_val machine_freq(size_t argc, const px_val *argv) {
    if (argc > 0) {
        px_raise_msg(&px_type_NotImplementedError, "%s runs at %u Hz: machine.freq() cannot change it", BOARD_NAME,
                     (unsigned)BOARD_CPU_HZ);
    }
    return px_int_from_u64(BOARD_CPU_HZ);
}

static px_val machine_idle(void) {
    px_port_sleep_us(1000);
    if (px_st.pending) {
        px_check_pending();
    }
    return PX_NONE;
}

/* The state is PRIMASK: 1 when interrupts were masked already. */
static px_val machine_disable_irq(void) {
    uint32_t was = px_cm_primask() & 1u;
    px_cm_irq_off();
    return px_small((px_int)was);
}

static px_val machine_enable_irq(px_val state) {
    if (!px_truthy(state)) {
        px_cm_irq_on();
    }
    return PX_NONE;
}

PX_FUN0(mcu_machine_reset_obj, reset, machine_reset);
PX_FUN0(mcu_machine_soft_reset_obj, soft_reset, machine_soft_reset);
PX_FUN0(mcu_machine_reset_cause_obj, reset_cause, machine_reset_cause);
PX_FUNV(mcu_machine_freq_obj, freq, 0, 1, machine_freq);
PX_FUN0(mcu_machine_idle_obj, idle, machine_idle);
PX_FUN0(mcu_machine_disable_irq_obj, disable_irq, machine_disable_irq);
PX_FUN1(mcu_machine_enable_irq_obj, enable_irq, machine_enable_irq);
