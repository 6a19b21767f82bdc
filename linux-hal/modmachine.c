/* The machine module on Linux: Pin and Signal on the GPIO character
 * device, I2C on i2c-dev, SPI on spidev, PWM on sysfs, the RTC on the
 * system clock, and the functions with the meaning they have in a Linux
 * process (machine_power.c: sleeps and resets). The IRQ mask belongs to
 * the kernel and is left out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "machine_pin.h"
#include "soft_bus.h"

#define CPUFREQ "/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq"

/* idle(): wait for an event (an edge, a signal) or at most 1 ms. */
static px_val machine_idle(void) {
    px_port_sleep_us(1000);
    if (px_st.pending) {
        px_check_pending();
    }
    return PX_NONE;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* unique_id(): the 16 bytes of the systemd/D-Bus machine id. */
static px_val machine_unique_id(void) {
    static const char *const paths[] = {"/etc/machine-id", "/var/lib/dbus/machine-id"};
    int err = ENOENT;
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        size_t len;
        char *text = px_port_read_file(paths[i], &len, &err);
        if (text == NULL) {
            continue;
        }
        uint8_t id[16];
        size_t n = 0;
        while (n < sizeof id && 2 * n + 1 < len) {
            int hi = hex_digit(text[2 * n]), lo = hex_digit(text[2 * n + 1]);
            if (hi < 0 || lo < 0) {
                break;
            }
            id[n++] = (uint8_t)(hi << 4 | lo);
        }
        if (n == sizeof id) {
            return px_bytes(id, n);
        }
        err = EINVAL;
    }
    px_raise_os_error(err, "/etc/machine-id");
}

/* freq(): the current CPU clock from cpufreq; the governor sets it. */
static px_val machine_freq(size_t argc, const px_val *argv) {
    if (argc > 0) {
        px_raise_msg(&px_type_NotImplementedError,
                     "the CPU frequency is set by the kernel's cpufreq governor, not by machine.freq()");
    }
    size_t len;
    int err;
    char *text = px_port_read_file(CPUFREQ, &len, &err);
    if (text == NULL) {
        px_raise_os_error(err, "%s (no cpufreq on this system)", CPUFREQ);
    }
    return px_int_from_i64(strtoll(text, NULL, 10) * 1000); /* kHz -> Hz */
}

static PX_FUN0(machine_idle_obj, idle, machine_idle);
static PX_FUN0(machine_unique_id_obj, unique_id, machine_unique_id);
static PX_FUNV(machine_freq_obj, freq, 0, 1, machine_freq);

/* Sorted by name bytes. */
static const px_map_entry machine_table[] = {
    PX_ENTRY_OBJ(ADC, &px_type_adc),
    PX_ENTRY(DEEPSLEEP_RESET, PX_SMALL_CONST(4)),
    PX_ENTRY(HARD_RESET, PX_SMALL_CONST(2)),
    PX_ENTRY_OBJ(I2C, &px_type_i2c),
    PX_ENTRY_OBJ(PWM, &px_type_pwm),
    PX_ENTRY(PWRON_RESET, PX_SMALL_CONST(1)),
    PX_ENTRY_OBJ(Pin, &px_type_pin),
    PX_ENTRY_OBJ(RTC, &px_type_rtc),
    PX_ENTRY(SOFT_RESET, PX_SMALL_CONST(5)),
    PX_ENTRY_OBJ(SPI, &px_type_spi),
    PX_ENTRY_OBJ(Signal, &px_type_signal),
    PX_ENTRY_OBJ(SoftI2C, &px_type_soft_i2c),
    PX_ENTRY_OBJ(SoftSPI, &px_type_soft_spi),
    PX_ENTRY_OBJ(Timer, &px_type_timer),
    PX_ENTRY_OBJ(UART, &px_type_uart),
    PX_ENTRY_OBJ(WDT, &px_type_wdt),
    PX_ENTRY(WDT_RESET, PX_SMALL_CONST(3)),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(machine))),
    PX_ENTRY_OBJ(deepsleep, &px_machine_deepsleep_obj),
    PX_ENTRY_OBJ(freq, &machine_freq_obj),
    PX_ENTRY_OBJ(idle, &machine_idle_obj),
    PX_ENTRY_OBJ(lightsleep, &px_machine_lightsleep_obj),
    PX_ENTRY_OBJ(reset, &px_machine_reset_obj),
    PX_ENTRY_OBJ(reset_cause, &px_machine_reset_cause_obj),
    PX_ENTRY_OBJ(soft_reset, &px_machine_soft_reset_obj),
    PX_ENTRY_OBJ(time_pulse_us, &px_machine_time_pulse_us_obj),
    PX_ENTRY_OBJ(unique_id, &machine_unique_id_obj),
};
static PX_CONST_MAP(machine_globals, machine_table);
PX_MODULE_DEF(machine, machine_globals, PX_MODULE_EXTENSIBLE, NULL);
