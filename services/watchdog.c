/* The service watchdog: systemd sets WATCHDOG_USEC (and WATCHDOG_PID) when
 * the unit has WatchdogSec=; the service must send WATCHDOG=1 more often
 * than that or it is killed (and restarted, with Result=watchdog).
 *
 * The pings are automatic and prove that the interpreter makes progress:
 * a POSIX timer fires every half interval and its handler only sets a flag
 * and px_st.pending; the ping itself is sent by px_service_poll, from the
 * pending-work check the VM runs between bytecodes (backward jumps, calls)
 * and that every wait runs when the signal ends it (the timer's signal is
 * not blocked during waits). An interpreter stuck in a blocking system
 * call (restarted after the signal: SA_RESTART), in a C loop or in a
 * deadlock never reaches that check, stops pinging, and is restarted.
 *
 * A script that wants the watchdog to watch its own logic turns the
 * automatic pings off (systemd.auto_watchdog(False)) and sends WATCHDOG=1
 * itself where its work is known to be done. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtime.h"
#include "services.h"

/* SIGRTMIN is the event poller's tick (posix/events.c) */
#define WATCHDOG_SIGNAL (SIGRTMIN + 1)

static struct {
    uint64_t usec; /* the interval; 0: no watchdog */
    bool created, armed, auto_on;
    timer_t timer;
} wd;

static volatile sig_atomic_t wd_due;

static void on_watchdog_timer(int sig) {
    (void)sig;
    wd_due = 1;
    px_st.pending = 1;
}

/* A decimal number, all of the text; 0 if it is not one. */
static uint64_t parse_u64(const char *s) {
    if (s == NULL || *s < '0' || *s > '9') {
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    return errno != 0 || *end != '\0' ? 0 : (uint64_t)v;
}

void px_watchdog_init(void) {
    wd.usec = 0;
    if (!px_notify_enabled()) {
        return;
    }
    uint64_t usec = parse_u64(getenv("WATCHDOG_USEC"));
    const char *pid = getenv("WATCHDOG_PID");
    if (pid != NULL && parse_u64(pid) != (uint64_t)getpid()) {
        return; /* meant for another process (our parent, a wrapper) */
    }
    wd.usec = usec;
    if (usec > 0) {
        px_watchdog_set_auto(true);
    }
}

uint64_t px_watchdog_usec(void) {
    return wd.usec;
}

static int create_timer(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_watchdog_timer;
    sa.sa_flags = SA_RESTART; /* waits end anyway (ppoll); other calls resume */
    sigemptyset(&sa.sa_mask);
    if (sigaction(WATCHDOG_SIGNAL, &sa, NULL) != 0) {
        return errno;
    }
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = WATCHDOG_SIGNAL;
    if (timer_create(CLOCK_MONOTONIC, &sev, &wd.timer) != 0) {
        return errno;
    }
    wd.created = true;
    return 0;
}

int px_watchdog_set_auto(bool on) {
    wd.auto_on = on;
    if (wd.usec == 0 || on == wd.armed) {
        return 0;
    }
    if (!wd.created) {
        int err = create_timer();
        if (err != 0) {
            return err;
        }
    }
    struct itimerspec its;
    memset(&its, 0, sizeof its);
    if (on) {
        uint64_t half = wd.usec / 2 > 0 ? wd.usec / 2 : 1;
        its.it_interval.tv_sec = (time_t)(half / 1000000u);
        its.it_interval.tv_nsec = (long)(half % 1000000u) * 1000;
        its.it_value = its.it_interval;
    }
    if (timer_settime(wd.timer, 0, &its, NULL) != 0) {
        return errno;
    }
    wd.armed = on;
    wd_due = 0;
    return 0;
}

bool px_watchdog_auto(void) {
    return wd.auto_on && wd.usec > 0;
}

bool px_watchdog_take_due(void) {
    if (!wd_due) {
        return false;
    }
    wd_due = 0;
    return wd.armed;
}

int px_watchdog_ping(void) {
    return px_notify_cstr("WATCHDOG=1");
}
