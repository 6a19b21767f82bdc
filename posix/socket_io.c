/* Socket I/O that may block: every call is tried on the non-blocking
 * descriptor, and on EAGAIN waits in the event poller as the socket's
 * timeout says (docs/network.md). So a blocked recv or accept lets IRQ
 * callbacks run and ends with a signal's exception. */
#include <errno.h>
#include <poll.h>

#include "events.h"
#include "socket.h"

px_socket *px_sock_open(px_val self) {
    px_socket *s = px_as_ptr(self);
    if (s->fd < 0) {
        px_raise_os_error(EBADF, "the socket is closed");
    }
    return s;
}

uint64_t px_sock_deadline(const px_socket *s) {
    return s->timeout_us > 0 ? px_port_ticks_us() + (uint64_t)s->timeout_us : 0;
}

void px_sock_wait(px_socket *s, short events, uint64_t deadline, int err) {
    if (s->timeout_us == 0) {
        px_sock_raise(err, NULL, 0); /* non-blocking: EAGAIN / EINPROGRESS */
    }
    for (;;) {
        if (px_st.pending) {
            px_check_pending();
        }
        if (s->fd < 0) {
            px_raise_os_error(EBADF, "the socket was closed while waiting");
        }
        int64_t left = -1;
        if (deadline != 0) {
            uint64_t now = px_port_ticks_us();
            if (now >= deadline) {
                px_sock_raise(ETIMEDOUT, (struct sockaddr *)&s->addr, s->addrlen);
            }
            left = (int64_t)(deadline - now);
        }
        struct pollfd p = {.fd = s->fd, .events = events};
        int r = px_events_wait_us(left, &p, 1);
        if (r > 0) {
            return; /* ready, or an error the retried call reports */
        }
        if (r < 0 && errno != EINTR) {
            px_raise_os_error(errno, "poll");
        }
    }
}

/* errno after a failed call: retry after EINTR (running what a signal
 * asked for) or after waiting on EAGAIN; raise anything else. Returns
 * false when a non-blocking socket would block and the caller wants None. */
static bool retry(px_socket *s, short events, uint64_t deadline, bool nb_none) {
    int err = errno;
    if (err == EINTR) {
        if (px_st.pending) {
            px_check_pending();
        }
        return true;
    }
    if (err == EAGAIN || err == EWOULDBLOCK) {
        if (s->timeout_us == 0 && nb_none) {
            return false;
        }
        px_sock_wait(s, events, deadline, err);
        return true;
    }
    px_sock_raise(err, (struct sockaddr *)&s->addr, s->addrlen);
}

long px_sock_recv(px_socket *s, void *buf, size_t n, int flags, bool nb_none) {
    uint64_t deadline = px_sock_deadline(s);
    for (;;) {
        ssize_t r = recv(s->fd, buf, n, flags);
        if (r >= 0) {
            return (long)r;
        }
        if (!retry(s, POLLIN, deadline, nb_none)) {
            return -1;
        }
    }
}

long px_sock_send(px_socket *s, const void *buf, size_t n, int flags, bool nb_none) {
    uint64_t deadline = px_sock_deadline(s);
    for (;;) {
        ssize_t r = send(s->fd, buf, n, flags | MSG_NOSIGNAL);
        if (r >= 0) {
            return (long)r;
        }
        if (!retry(s, POLLOUT, deadline, nb_none)) {
            return -1;
        }
    }
}
