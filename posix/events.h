/* The POSIX port's event poller: one epoll set holding every event source
 * the interpreter waits on (GPIO line-request fds, timerfds, ...).
 *
 * A source's callback runs between bytecodes (px_port_poll), inside
 * blocking waits (time.sleep, select.poll, console reads), never inside a
 * signal handler; it typically reads the fd and queues Python callbacks
 * with px_sched_schedule. While any source is registered, a periodic timer
 * signal sets px_st.pending so that code which never blocks still sees
 * events within about a millisecond; with no sources there is no timer. */
#ifndef PX_EVENTS_H
#define PX_EVENTS_H

#include <poll.h>
#include <stdint.h>
#include "runtime.h"

typedef void (*px_event_fn)(px_val ctx, int fd, uint32_t revents);

/* Watch fd for `events` (EPOLLIN, ...); ctx (a GC object or PX_NONE) is
 * kept alive while registered. Returns 0 or an errno value. */
int px_events_add(int fd, uint32_t events, px_event_fn fn, px_val ctx);
/* Stop watching fd (before closing it). No-op if not registered. */
void px_events_remove(int fd);
/* Run the callbacks of every ready source, without waiting. */
void px_events_poll(void);
/* Wait up to timeout_ms (-1: no limit) for a source, a signal or the
 * scheduler; runs ready callbacks. Extra fds to watch can be passed (for
 * select.poll and console reads): their revents are filled in. Returns the
 * number of extra fds ready, 0 on timeout or early wake-up (px_st.pending
 * set), -1 with errno on failure. */
int px_events_wait(int timeout_ms, struct pollfd *extra, int nextra);

#endif
