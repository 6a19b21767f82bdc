/* The select module's wait (modules/select.h) on POSIX: poll(2) on the
 * descriptors inside the port's event poller, so event sources and
 * signals are served while select.poll waits. */
#include <errno.h>
#include <poll.h>
#include <stddef.h>

#include "events.h"
#include "select.h"

_Static_assert(sizeof(px_pollfd) == sizeof(struct pollfd) && offsetof(px_pollfd, fd) == offsetof(struct pollfd, fd) &&
                   offsetof(px_pollfd, events) == offsetof(struct pollfd, events) &&
                   offsetof(px_pollfd, revents) == offsetof(struct pollfd, revents),
               "px_pollfd is struct pollfd");
_Static_assert(PX_POLL_IN == POLLIN && PX_POLL_PRI == POLLPRI && PX_POLL_OUT == POLLOUT && PX_POLL_ERR == POLLERR &&
                   PX_POLL_HUP == POLLHUP && PX_POLL_NVAL == POLLNVAL,
               "the poll bits of stream.h and select.h are the system's");

int px_select_wait(int64_t timeout_us, px_pollfd *fds, size_t n) {
    int r = px_events_wait_us(timeout_us, (struct pollfd *)fds, (int)n);
    return r < 0 ? -errno : r;
}
