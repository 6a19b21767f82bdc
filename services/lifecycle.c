/* Readiness and stopping (sd_notify READY=1 / STOPPING=1), and the one
 * start-up call that reads what systemd passed in the environment.
 *
 * READY=1 is automatic: it is sent when the program first waits (sleep,
 * poll, input, reading a device) or when the watchdog timer first finds it
 * running, whichever comes first, and at the latest when the main program
 * ends with status 0 (a script that does its work and exits: its start
 * succeeded; without READY=1 systemd would record a protocol failure). A service script does its set-up
 * (opening GPIO lines, reading its configuration) and then waits for
 * something in its main loop, so readiness comes after the set-up
 * succeeded, and a script that fails during set-up fails `systemctl start`
 * instead of failing just after it. A script that must wait during its
 * set-up, or decides itself when it is ready, turns this off with
 * systemd.auto_ready(False) before its first wait and calls
 * systemd.ready(). */
#include "services.h"

static struct {
    bool auto_ready, ready_sent, stopping_sent;
} lc = {.auto_ready = true};

void px_service_init(void) {
    px_notify_init();
    px_journal_init();
    px_listen_init();
    px_shutdown_init();
    px_watchdog_init();
}

int px_service_ready(void) {
    lc.ready_sent = true;
    return px_notify_cstr("READY=1");
}

bool px_service_ready_sent(void) {
    return lc.ready_sent;
}

void px_service_set_auto_ready(bool on) {
    lc.auto_ready = on;
}

bool px_service_auto_ready(void) {
    return lc.auto_ready;
}

static void auto_ready(void) {
    if (lc.auto_ready && !lc.ready_sent && px_notify_enabled()) {
        px_service_ready();
    }
}

void px_service_waiting(void) {
    auto_ready();
}

void px_service_finished(void) {
    auto_ready();
}

/* Only the watchdog timer makes a pending check a progress point: other
 * pending checks (the event tick, callbacks) come in the middle of set-up. */
void px_service_poll(void) {
    if (px_watchdog_take_due()) {
        auto_ready();
        px_watchdog_ping();
    }
}

void px_service_stopping(void) {
    if (!lc.stopping_sent && px_notify_enabled()) {
        lc.stopping_sent = true;
        px_notify_cstr("STOPPING=1");
    }
}
