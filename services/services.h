/* The service runtime: what the interpreter does when systemd runs it as a
 * service (see docs/services.md). Linux/POSIX only; the core knows none of
 * it. The POSIX port calls in at a few points:
 *
 *   px_service_init      at start-up, on the interpreter thread, after the
 *                        signal handlers are installed
 *   px_service_poll      from px_port_poll (every pending-work check)
 *   px_service_waiting   from the event wait, before it blocks
 *   px_service_finished  when the main program ended with status 0
 *   px_service_stopping  when the program starts to end (stop signal, end
 *                        of the main program)
 *
 * Everything is inert when the process was not started by systemd: no
 * $NOTIFY_SOCKET means no messages, no watchdog timer, no prefixes. */
#ifndef PX_SERVICES_H
#define PX_SERVICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- notify.c: the sd_notify datagram */
void px_notify_init(void);
bool px_notify_enabled(void);
/* errno-style reason why $NOTIFY_SOCKET was set but unusable, or 0 */
int px_notify_config_error(void);
/* Send one message ("READY=1", "STATUS=...\n..."): 1 sent, 0 no socket,
 * -errno on failure. Async-signal-safe once the socket is open. */
int px_notify(const char *msg, size_t len);
int px_notify_cstr(const char *msg);

/* ---- lifecycle.c: readiness, status, stopping */
void px_service_init(void);
void px_service_poll(void);
void px_service_waiting(void);
void px_service_finished(void);
void px_service_stopping(void);
/* READY=1 now (the automatic one is then not sent again) */
int px_service_ready(void);
bool px_service_ready_sent(void);
/* Automatic READY=1 at the first wait (on by default). */
void px_service_set_auto_ready(bool on);
bool px_service_auto_ready(void);

/* ---- watchdog.c: WATCHDOG=1 at half of $WATCHDOG_USEC */
void px_watchdog_init(void);
/* The interval systemd asked for in microseconds, 0 if none (no
 * WATCHDOG_USEC, or WATCHDOG_PID names another process). */
uint64_t px_watchdog_usec(void);
/* True (once) when the timer said it is time for an automatic ping. */
bool px_watchdog_take_due(void);
/* WATCHDOG=1 now; as px_notify. */
int px_watchdog_ping(void);
/* Automatic pings on (default when the watchdog is enabled) or off; 0 or
 * an errno value. */
int px_watchdog_set_auto(bool on);
bool px_watchdog_auto(void);

/* ---- journal.c: stdout/stderr connected to journald */
void px_journal_init(void);
bool px_journal_stdout(void);
bool px_journal_stderr(void);
/* Write stderr text through emit, with a "<3>" priority prefix at the start
 * of every line that does not carry its own "<N>". */
void px_journal_stderr_write(const char *s, size_t n, void (*emit)(const char *, size_t));

/* ---- listen.c: socket activation ($LISTEN_FDS) */
void px_listen_init(void);
/* The number of fds passed (they are 3, 4, ...), and the name of each
 * ("unknown" when systemd gave none). */
int px_listen_count(void);
const char *px_listen_name(int i);

/* ---- shutdown.c: ending after SIGTERM/SIGHUP */
#define PX_STOP_GRACE_S 5
void px_shutdown_init(void);
/* From the SIGTERM handler (async-signal-safe): a second SIGTERM now kills
 * at once, and the process is killed with SIGTERM if it has not ended
 * PX_STOP_GRACE_S seconds from now. */
void px_shutdown_begin(void);
/* At the very end, after clean-up: end the process by sig with its
 * default action, so the parent (systemd) sees a death by that signal.
 * Returns only if that failed. */
void px_shutdown_reraise(int sig);

#endif
