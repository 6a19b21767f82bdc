/* machine.time_pulse_us(pin, pulse_level, timeout_us=1000000): the length
 * of the next pulse at pulse_level, by reading the line in a busy loop, as
 * on a microcontroller. -2: the line never reached the level within the
 * timeout; -1: the pulse lasted longer than the timeout. Each read is an
 * ioctl (a few microseconds on a Raspberry Pi), which is the resolution;
 * the kernel may pause the program in the middle, so pulses measured
 * while the system is busy can come out longer. */
#include "machine.h"
#include "machine_pin.h"

/* The line's level: our Pin directly, anything else through value(). */
static int level_of(px_val pin) {
    if (px_type_of(pin) == &px_type_pin) {
        return px_pin_read(px_pin_of(pin));
    }
    return px_truthy(px_call_method(pin, PX_Q(value), 0, NULL)) ? 1 : 0;
}

/* Wait while the line is at `level`, up to timeout_us from t0; false on
 * timeout. Ctrl-C (and pending callbacks) are served meanwhile. */
static bool wait_while(px_val pin, int level, uint64_t t0, uint64_t timeout_us) {
    while (level_of(pin) == level) {
        if (px_port_ticks_us() - t0 >= timeout_us) {
            return false;
        }
        if (px_st.pending) {
            px_check_pending();
        }
    }
    return true;
}

static px_val machine_time_pulse_us(size_t argc, const px_val *argv) {
    px_val pin = argv[0];
    px_int level = px_index(argv[1]);
    if (level != 0 && level != 1) {
        px_raise_value_error("pulse_level must be 0 or 1, not %lld", (long long)level);
    }
    int64_t timeout = argc > 2 ? px_int_to_i64(argv[2]) : 1000000;
    if (timeout < 0) {
        px_raise_value_error("timeout_us must not be negative");
    }
    if (!wait_while(pin, !level, px_port_ticks_us(), (uint64_t)timeout)) {
        return px_small(-2);
    }
    uint64_t start = px_port_ticks_us();
    if (!wait_while(pin, (int)level, start, (uint64_t)timeout)) {
        return px_small(-1);
    }
    return px_int_from_i64((int64_t)(px_port_ticks_us() - start));
}

PX_FUNV(px_machine_time_pulse_us_obj, time_pulse_us, 2, 3, machine_time_pulse_us);
