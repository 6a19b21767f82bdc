/* The POSIX port's event poller: one epoll set holding every event source
 * the interpreter waits on (GPIO line-request fds, timerfds, ...).
 *
 * A source's callback runs between bytecodes (px_port_poll), inside
 * blocking waits (time.sleep, select.poll, console reads), never inside a
 * signal handler; it typically reads the fd and queues Python callbacks
 * with px_sched_schedule. While any source is registered, a periodic timer
 * signal sets px_st.pending so that code which never blocks still sees
 * events within about a millisecond; with no sources there is no timer.
 * (Linux: epoll and timer_create; see docs/architecture.md.) */
#ifndef PX_EVENTS_H
#define PX_EVENTS_H

#include <poll.h>
#include <stdint.h>
#include "runtime.h"

/* Called with the registered ctx, the fd and the epoll events that are
 * ready. It may raise (the exception reaches whatever Python code is
 * running or waiting), and may add or remove sources, itself included. */
typedef void (*px_event_fn)(px_val ctx, int fd, uint32_t revents);

/* Watch fd for `events` (EPOLLIN, ...); ctx (a GC object or PX_NONE) is
 * kept alive while registered. Level-triggered: the callback must consume
 * what made the fd ready, or it is called again at once (and waits spin).
 * Adding an fd that is already registered replaces its events, callback
 * and ctx; events 0 pauses a source that cannot take more for now (and
 * keeps its registration). Returns 0 or an errno value. */
int px_events_add(int fd, uint32_t events, px_event_fn fn, px_val ctx);
/* Stop watching fd (before closing it). No-op if not registered. Safe in
 * a finalizer and in a callback. */
void px_events_remove(int fd);
/* Run the callbacks of every ready source, without waiting. */
void px_events_poll(void);
/* Wait up to timeout_ms (-1: no limit) for a source, a signal or the
 * scheduler; runs ready callbacks. Extra fds to watch can be passed (for
 * select.poll and console reads): their revents are filled in. Returns the
 * number of extra fds ready, 0 on timeout or early wake-up (px_st.pending
 * set, or a source's callback ran), -1 with errno on failure. It returns
 * at once, with 0, if px_st.pending is already set and the wait could
 * block: callers run px_check_pending and wait again for the time that is
 * left. A zero timeout always looks at the fds (it never blocks, so no
 * signal can be slept through), and fills in their revents. */
int px_events_wait(int timeout_ms, struct pollfd *extra, int nextra);
/* The same with a timeout in microseconds (-1: no limit). Every wait that
 * can block flushes stdout first. */
int px_events_wait_us(int64_t timeout_us, struct pollfd *extra, int nextra);
/* Block until fd has `events` (or an error or hang-up), running pending
 * work meanwhile: a signal's KeyboardInterrupt or SystemExit is raised
 * from here. For blocking reads and writes of pipes, terminals, sockets. */
void px_events_wait_fd(int fd, short events);
/* Threads (thread.c): px_events_wake ends the wait another thread is in
 * (as an early wake-up: the waiter looks again at what it waits for). */
void px_events_wake_init(void);
void px_events_wake(void);

#endif
