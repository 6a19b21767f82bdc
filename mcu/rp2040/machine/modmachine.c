/* The machine module on the Raspberry Pi Pico: Pin (with IRQs), PWM,
 * I2C, SPI, Timer, ADC, WDT and RTC on the RP2040's registers, SoftSPI on any Pin, and
 * the board-wide functions. The classes take the same arguments, defaults
 * and error messages as on Linux (modules/machine_args.c), so a script
 * moves between a Raspberry Pi and a Pico unchanged; docs/rp2040.md says
 * where the hardware differs. */
#include "board.h"
#include "clocks.h"
#include "machine_rtc_api.h"
#include "machine_timer_api.h"
#include "reg.h"
#include "rp_machine.h"
#include "soft_bus.h"
#include "watchdog.h"

void rp_machine_poll(void) {
    rp_pin_irq_poll();
    rp_timer_poll();
}

/* freq(): clk_sys. Changing it is refused: every divider (UART, PWM, I2C,
 * SPI) is computed for 125 MHz. */
static px_val machine_freq(size_t argc, const px_val *argv) {
    if (argc > 0) {
        px_raise_msg(&px_type_NotImplementedError,
                     "the RP2040 port runs clk_sys at %u Hz: machine.freq() cannot change it", (unsigned)RP_SYS_HZ);
    }
    return px_int_from_u64(RP_SYS_HZ);
}

/* reset(): the whole chip, as at power-on (the boot ROM runs again). */
static px_val machine_reset(void) {
    px_port_stdout_flush();
    rp_board_reset();
}

/* idle(): wait for the next interrupt (an edge, an alarm, the console). */
static px_val machine_idle(void) {
    px_port_sleep_us(1000);
    if (px_st.pending) {
        px_check_pending();
    }
    return PX_NONE;
}

enum { PWRON_RESET = 1, WDT_RESET = 3 }; /* the values Linux's machine has */

/* reset_cause(): WDT_RESET after the watchdog's reset, else PWRON_RESET
 * (the RP2040 does not tell a power-on from the RUN pin). */
static px_val machine_reset_cause(void) {
    return px_small(rp_watchdog_caused_reset() ? WDT_RESET : PWRON_RESET);
}

static PX_FUN0(machine_reset_cause_obj, reset_cause, machine_reset_cause);
static PX_FUNV(machine_freq_obj, freq, 0, 1, machine_freq);
static PX_FUN0(machine_reset_obj, reset, machine_reset);
static PX_FUN0(machine_idle_obj, idle, machine_idle);

/* Sorted by name bytes. */
static const px_map_entry machine_table[] = {
    PX_ENTRY_OBJ(ADC, &rp_type_adc),
    PX_ENTRY_OBJ(I2C, &rp_type_i2c),
    PX_ENTRY_OBJ(PWM, &rp_type_pwm),
    PX_ENTRY(PWRON_RESET, PX_SMALL_CONST(PWRON_RESET)),
    PX_ENTRY_OBJ(Pin, &rp_type_pin),
    PX_ENTRY_OBJ(RTC, &px_type_rtc),
    PX_ENTRY_OBJ(SPI, &rp_type_spi),
    PX_ENTRY_OBJ(Signal, &px_type_signal),
    PX_ENTRY_OBJ(SoftSPI, &px_type_soft_spi),
    PX_ENTRY_OBJ(Timer, &px_type_timer),
    PX_ENTRY_OBJ(WDT, &rp_type_wdt),
    PX_ENTRY(WDT_RESET, PX_SMALL_CONST(WDT_RESET)),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(machine))),
    PX_ENTRY_OBJ(freq, &machine_freq_obj),
    PX_ENTRY_OBJ(idle, &machine_idle_obj),
    PX_ENTRY_OBJ(reset, &machine_reset_obj),
    PX_ENTRY_OBJ(reset_cause, &machine_reset_cause_obj),
};
static PX_CONST_MAP(machine_globals, machine_table);
PX_MODULE_DEF(machine, machine_globals, PX_MODULE_EXTENSIBLE, NULL);
