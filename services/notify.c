/* The sd_notify protocol, spoken directly (no libsystemd): one datagram per
 * message to the AF_UNIX socket named by $NOTIFY_SOCKET. A name starting
 * with '@' is in the abstract namespace (the '@' stands for the leading NUL
 * byte); one starting with '/' is a path. Anything else (systemd also
 * knows vsock addresses) is refused as unsupported rather than guessed.
 *
 * The socket is opened once, on first use, and kept (close-on-exec). The
 * address is read from the environment once, at px_notify_init; the
 * variable stays set, as systemd's own clients leave it (a child process
 * that is not the main PID is ignored by NotifyAccess=main). */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "services.h"

static struct {
    struct sockaddr_un addr;
    socklen_t addr_len; /* 0: no notify socket */
    int fd;             /* -1 until the first message */
    int error;          /* why NOTIFY_SOCKET was not usable, or 0 */
} ns = {.fd = -1};

void px_notify_init(void) {
    const char *name = getenv("NOTIFY_SOCKET");
    ns.addr_len = 0;
    ns.error = 0;
    if (name == NULL || name[0] == '\0') {
        return;
    }
    size_t n = strlen(name);
    if ((name[0] != '/' && name[0] != '@') || n < 2) {
        ns.error = EAFNOSUPPORT;
        return;
    }
    if (n > sizeof ns.addr.sun_path) {
        ns.error = ENAMETOOLONG;
        return;
    }
    memset(&ns.addr, 0, sizeof ns.addr);
    ns.addr.sun_family = AF_UNIX;
    memcpy(ns.addr.sun_path, name, n);
    if (name[0] == '@') {
        ns.addr.sun_path[0] = '\0';
    }
    /* an abstract name is exactly n bytes long (no terminating NUL); a
     * path is NUL-terminated when there is room, as the kernel accepts */
    ns.addr_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
}

bool px_notify_enabled(void) {
    return ns.addr_len != 0;
}

int px_notify_config_error(void) {
    return ns.error;
}

int px_notify(const char *msg, size_t len) {
    if (ns.addr_len == 0) {
        return 0;
    }
    if (ns.fd < 0) {
        ns.fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (ns.fd < 0) {
            return -errno;
        }
    }
    ssize_t r;
    do {
        r = sendto(ns.fd, msg, len, MSG_NOSIGNAL, (const struct sockaddr *)&ns.addr, ns.addr_len);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        return -errno;
    }
    return 1;
}

int px_notify_cstr(const char *msg) {
    return px_notify(msg, strlen(msg));
}
