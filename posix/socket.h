/* Sockets of the POSIX port (modsocket.c, socket_obj.c, socket_addr.c,
 * socket_io.c): see docs/network.md. Every descriptor is non-blocking at
 * the OS level; the socket's timeout is kept here, and a call that would
 * block waits in the event poller (events.h). */
#ifndef PX_POSIX_SOCKET_H
#define PX_POSIX_SOCKET_H

#include <stdint.h>
#include <sys/socket.h>

#include "runtime.h"

typedef struct {
    px_obj base;
    int fd; /* -1 once closed */
    int family, type, proto;
    int64_t timeout_us; /* -1: blocking; 0: non-blocking; else the limit of each call */
    /* the peer (after connect or accept) or the address bound, for errors */
    struct sockaddr_storage addr;
    socklen_t addrlen;
} px_socket;

extern const px_type px_type_socket;

/* A socket object owning fd (already non-blocking and close-on-exec). */
px_socket *px_socket_new(int fd, int family, int type, int proto);

/* ---- addresses (socket_addr.c) */
/* Python address -> sockaddr of `family`; host names are resolved (for
 * AF_INET/AF_INET6), '' is the any-address. Returns the length. */
socklen_t px_sockaddr_from(int family, px_val addr, struct sockaddr_storage *out);
/* sockaddr -> CPython's Python form: (host, port), (host, port, flowinfo,
 * scope_id), or a path. */
px_val px_sockaddr_value(const struct sockaddr *sa, socklen_t len);
/* "127.0.0.1:80", "[::1]:80", "/run/x.sock" into buf (for messages). */
void px_sockaddr_text(const struct sockaddr *sa, socklen_t len, char *buf, size_t size);
/* OSError(err, message, address text); address may be NULL (len 0). */
PX_NORETURN void px_sock_raise(int err, const struct sockaddr *sa, socklen_t len);
/* The same for a getaddrinfo code (EAI_*), naming the host. */
PX_NORETURN void px_sock_raise_gai(int code, const char *host);

/* ---- waiting (socket_io.c) */
/* A deadline for one call: the ticks when its timeout ends (0: none). */
uint64_t px_sock_deadline(const px_socket *s);
/* After EAGAIN: wait until the descriptor has `events`, in the event
 * poller. Raises OSError(EAGAIN) for a non-blocking socket, TimeoutError
 * when the deadline passes, and whatever pending work raises (a signal's
 * KeyboardInterrupt). */
void px_sock_wait(px_socket *s, short events, uint64_t deadline, int err);
/* The socket, open: ValueError... OSError(EBADF) once closed. */
px_socket *px_sock_open(px_val self);
/* One recv of up to n bytes, waiting as the timeout says; -1 when a
 * non-blocking socket has nothing (only if nb_none), else the count. */
long px_sock_recv(px_socket *s, void *buf, size_t n, int flags, bool nb_none);
/* One send, the same way. */
long px_sock_send(px_socket *s, const void *buf, size_t n, int flags, bool nb_none);

#endif
