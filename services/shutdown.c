/* Ending after a stop signal. SIGTERM (systemctl stop) and SIGHUP raise
 * SystemExit in the script (posix/signals.c), so finally blocks and with
 * statements run and GPIO lines are released. Then, if that SystemExit
 * ended the program, the process must end the way systemd records as a
 * clean stop: by the signal itself, with its default action (an exit
 * status of 143 counts as a failure unless the unit says otherwise), as
 * well-behaved Unix programs do.
 *
 * Clean-up must not hold a stop up: from the first SIGTERM on, a second
 * one kills the process at once (default action), and a timer
 * sends SIGTERM, with its default action, PX_STOP_GRACE_S seconds later,
 * so a handler stuck in a loop or a blocking call still ends the process,
 * by SIGTERM (a clean stop), well inside systemd's stop timeout. */
#include <signal.h>
#include <string.h>
#include <time.h>

#include "services.h"

static timer_t grace_timer;
static bool grace_created;

void px_shutdown_init(void) {
    /* created now: timer_create is not async-signal-safe, timer_settime is */
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGTERM;
    grace_created = timer_create(CLOCK_MONOTONIC, &sev, &grace_timer) == 0;
}

void px_shutdown_begin(void) {
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTERM, &dfl, NULL);
    if (grace_created) {
        struct itimerspec its;
        memset(&its, 0, sizeof its);
        its.it_value.tv_sec = PX_STOP_GRACE_S;
        timer_settime(grace_timer, 0, &its, NULL);
    }
}

void px_shutdown_reraise(int sig) {
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    raise(sig);
    /* blocked on this thread (the main thread blocks everything): deliver it */
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}
