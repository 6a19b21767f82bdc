/* What the select module (select.c) needs from the port: one wait on the
 * port's descriptors. Everything else (the poll object, stream readiness,
 * ioctl polling, timeouts, select()) is portable; a port that lists the
 * module implements px_select_wait (posix/select_wait.c over its event
 * poller, mcu/common/select_wait.c over the console). */
#ifndef PX_SELECT_H
#define PX_SELECT_H

#include <stdint.h>

#include "runtime.h"

/* The event bits select.poll uses: PX_POLL_* of stream.h, and urgent data
 * (select()'s third list), all with Linux's and MicroPython's values. */
#define PX_POLL_PRI 0x002

/* One descriptor to wait on: fd < 0 is ignored. The layout of POSIX's
 * struct pollfd, so the POSIX port passes the array on as it is. */
typedef struct {
    int fd;
    short events;
    short revents;
} px_pollfd;

/* Wait up to timeout_us (-1: no limit; 0: just look) until one of the n
 * descriptors has one of its events (or an error or hang-up), filling in
 * every revents. Returns how many are ready, 0 on timeout or early
 * wake-up (px_st.pending set: the caller runs pending work and waits
 * again for what is left), or a negative errno value on failure. */
int px_select_wait(int64_t timeout_us, px_pollfd *fds, size_t n);

#endif
