/* machine's sleep and reset functions in a Linux process. The board and
 * its power states belong to the kernel, so each keeps the meaning it has
 * for the program:
 *   lightsleep([ms])  sleep until an event (a Pin IRQ, a Timer, a signal)
 *                     or the time is up; the program goes on after it
 *   deepsleep([ms])   sleep, then start the program again (as a reset)
 *   reset()           start the program again at once, as a new process
 *                     with the same command line (nothing else runs first)
 *   soft_reset()      end the program as SystemExit does (finally blocks,
 *                     atexit), then start it again
 *   reset_cause()     how this run began: PWRON_RESET for a plain start,
 *                     HARD_RESET, SOFT_RESET or DEEPSLEEP_RESET after those
 * (posix.h: px_posix_restart_now, px_posix_restart_at_exit). */
#include <stdint.h>
#include <string.h>

#include "machine.h"
#include "posix.h"

enum { PWRON_RESET = 1, HARD_RESET, WDT_RESET, DEEPSLEEP_RESET, SOFT_RESET };

static uint64_t ms_arg(size_t argc, const px_val *argv) {
    if (argc == 0 || argv[0] == PX_NONE) {
        return UINT64_MAX; /* no limit */
    }
    px_int ms = px_index(argv[0]);
    if (ms <= 0) {
        return 0;
    }
    return (uint64_t)ms < UINT64_MAX / 1000 ? (uint64_t)ms : UINT64_MAX; /* centuries: no limit */
}

/* Sleep until ms have passed (UINT64_MAX: no limit) or, with until_event,
 * until a callback was queued (run before returning). */
static void sleep_ms(uint64_t ms, bool until_event) {
    uint64_t start = px_port_ticks_us();
    for (;;) {
        bool event = px_st.sched_len > 0;
        if (px_st.pending) {
            px_check_pending(); /* the queued callbacks run; Ctrl-C raises here */
        }
        if (until_event && event) {
            return;
        }
        uint64_t spent = px_port_ticks_us() - start;
        if (ms != UINT64_MAX && spent >= ms * 1000) {
            return;
        }
        px_port_sleep_us(ms == UINT64_MAX ? UINT64_MAX : ms * 1000 - spent);
    }
}

static px_val machine_lightsleep(size_t argc, const px_val *argv) {
    sleep_ms(ms_arg(argc, argv), true);
    return PX_NONE;
}

static px_val machine_deepsleep(size_t argc, const px_val *argv) {
    sleep_ms(ms_arg(argc, argv), false);
    px_posix_restart_now("deepsleep");
}

static px_val machine_reset(void) {
    px_posix_restart_now("hard");
}

static px_val machine_soft_reset(void) {
    px_posix_restart_at_exit("soft");
    px_raise(px_exc_new(&px_type_SystemExit, 0, NULL));
}

static px_val machine_reset_cause(void) {
    const char *c = px_posix_reset_cause();
    int cause = c == NULL                      ? PWRON_RESET
                : strcmp(c, "hard") == 0      ? HARD_RESET
                : strcmp(c, "soft") == 0      ? SOFT_RESET
                : strcmp(c, "deepsleep") == 0 ? DEEPSLEEP_RESET
                                              : PWRON_RESET;
    return px_small(cause);
}

PX_FUNV(px_machine_lightsleep_obj, lightsleep, 0, 1, machine_lightsleep);
PX_FUNV(px_machine_deepsleep_obj, deepsleep, 0, 1, machine_deepsleep);
PX_FUN0(px_machine_reset_obj, reset, machine_reset);
PX_FUN0(px_machine_soft_reset_obj, soft_reset, machine_soft_reset);
PX_FUN0(px_machine_reset_cause_obj, reset_cause, machine_reset_cause);
