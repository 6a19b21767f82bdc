/* Socket addresses between Python values and struct sockaddr, and the
 * OSErrors that name them. Host names are resolved by the C library's
 * getaddrinfo (/etc/hosts, then DNS, as nsswitch.conf says). */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>

#include "socket.h"

/* A str (or bytes) argument as a NUL-terminated C string. */
static const char *host_arg(px_val v) {
    size_t n;
    const char *s;
    if (px_is_str(v)) {
        s = px_str_data(v, &n);
    } else if (px_is_bytes(v)) {
        s = (const char *)px_bytes_data(v, &n);
    } else {
        px_raise_type_error("host must be str, not %s", px_type_name(v));
    }
    if (memchr(s, 0, n) != NULL) {
        px_raise_value_error("embedded null character in host name");
    }
    char *c = px_gc_alloc(n + 1, PX_GC_LEAF);
    memcpy(c, s, n);
    return c;
}

static uint16_t port_arg(px_val v) {
    if (!px_is_int(v)) {
        px_raise_type_error("'%s' object cannot be interpreted as an integer", px_type_name(v));
    }
    int64_t p = px_int_to_i64(v);
    if (p < 0 || p > 65535) {
        px_raise_overflow("port must be 0-65535.");
    }
    return (uint16_t)p;
}

/* host -> the address part of *out (sin_addr / sin6_addr), by number or
 * by name. */
static void resolve(int family, const char *host, struct sockaddr_storage *out) {
    void *dst = family == AF_INET ? (void *)&((struct sockaddr_in *)out)->sin_addr
                                  : (void *)&((struct sockaddr_in6 *)out)->sin6_addr;
    if (host[0] == 0) {
        return; /* the any-address: zeroes */
    }
    if (family == AF_INET && strcmp(host, "<broadcast>") == 0) {
        ((struct sockaddr_in *)out)->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        return;
    }
    if (inet_pton(family, host, dst) == 1) {
        return;
    }
    struct addrinfo hints = {.ai_family = family}, *res = NULL;
    int r = getaddrinfo(host, NULL, &hints, &res);
    if (r != 0) {
        px_sock_raise_gai(r, host);
    }
    if (family == AF_INET) {
        memcpy(dst, &((struct sockaddr_in *)res->ai_addr)->sin_addr, sizeof(struct in_addr));
    } else {
        memcpy(dst, &((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, sizeof(struct in6_addr));
    }
    freeaddrinfo(res);
}

socklen_t px_sockaddr_from(int family, px_val addr, struct sockaddr_storage *out) {
    memset(out, 0, sizeof *out);
    if (family == AF_UNIX) {
        struct sockaddr_un *un = (struct sockaddr_un *)out;
        size_t n;
        const char *p;
        if (px_is_str(addr)) {
            p = px_str_data(addr, &n);
        } else if (px_is_bytes(addr)) {
            p = (const char *)px_bytes_data(addr, &n);
        } else {
            px_raise_type_error("AF_UNIX address must be str or bytes, not %s", px_type_name(addr));
        }
        if (n >= sizeof un->sun_path) {
            px_raise_os_error(ENAMETOOLONG, "AF_UNIX path too long");
        }
        un->sun_family = AF_UNIX;
        memcpy(un->sun_path, p, n);
        /* an abstract name (leading NUL) has exactly its own length */
        return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (n > 0 && p[0] != 0));
    }
    if (family != AF_INET && family != AF_INET6) {
        px_raise_os_error(EAFNOSUPPORT, "address family %d", family);
    }
    size_t n;
    px_val *items = px_is_type(addr, &px_type_tuple) ? px_seq_items(addr, &n) : NULL;
    if (items == NULL) {
        px_raise_type_error("%s address must be tuple, not %s", family == AF_INET ? "AF_INET" : "AF_INET6",
                            px_type_name(addr));
    }
    if (family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
        px_raise_type_error(family == AF_INET ? "AF_INET address must be a pair (host, port)"
                                              : "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
    }
    const char *host = host_arg(items[0]);
    uint16_t port = port_arg(items[1]);
    resolve(family, host, out);
    if (family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)out;
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        return sizeof *in;
    }
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)out;
    in6->sin6_family = AF_INET6;
    in6->sin6_port = htons(port);
    if (n > 2) {
        int64_t flow = px_int_to_i64(items[2]);
        if (flow < 0 || flow > 0xFFFFF) {
            px_raise_overflow("flowinfo must be 0-1048575.");
        }
        in6->sin6_flowinfo = htonl((uint32_t)flow);
    }
    if (n > 3) {
        in6->sin6_scope_id = (uint32_t)px_int_to_i64(items[3]);
    }
    return sizeof *in6;
}

px_val px_sockaddr_value(const struct sockaddr *sa, socklen_t len) {
    char host[INET6_ADDRSTRLEN];
    switch (len > 0 ? sa->sa_family : AF_UNSPEC) {
    case AF_INET: {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        px_val t[2] = {px_str_cstr(host), px_small(ntohs(in->sin_port))};
        return px_tuple_new(2, t);
    }
    case AF_INET6: {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
        px_val t[4] = {px_str_cstr(host), px_small(ntohs(in6->sin6_port)),
                       px_int_from_u64(ntohl(in6->sin6_flowinfo)), px_int_from_u64(in6->sin6_scope_id)};
        return px_tuple_new(4, t);
    }
    case AF_UNIX: {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
        size_t n = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        if (n > 0 && un->sun_path[0] == 0) {
            return px_bytes(un->sun_path, n); /* abstract: all its bytes */
        }
        n = strnlen(un->sun_path, n);
        return px_utf8_valid(un->sun_path, n) ? px_str(un->sun_path, n) : px_bytes(un->sun_path, n);
    }
    case AF_UNSPEC:
        return px_str_cstr(""); /* an unnamed socket (CPython gives '' for AF_UNIX) */
    default:
        return px_tuple_new(2, (px_val[]){px_small(sa->sa_family), px_bytes(sa->sa_data, sizeof sa->sa_data)});
    }
}

void px_sockaddr_text(const struct sockaddr *sa, socklen_t len, char *buf, size_t size) {
    char host[INET6_ADDRSTRLEN];
    buf[0] = 0;
    if (len == 0) {
        return;
    }
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
        snprintf(buf, size, "%s:%u", host, ntohs(in->sin_port));
    } else if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
        snprintf(buf, size, "[%s]:%u", host, ntohs(in6->sin6_port));
    } else if (sa->sa_family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
        size_t n = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        if (n > 0 && un->sun_path[0] == 0) {
            snprintf(buf, size, "@%.*s", (int)(n - 1), un->sun_path + 1); /* abstract, as ss(8) shows it */
        } else {
            snprintf(buf, size, "%.*s", (int)strnlen(un->sun_path, n), un->sun_path);
        }
    }
}

PX_NORETURN void px_sock_raise(int err, const struct sockaddr *sa, socklen_t len) {
    char text[sizeof(struct sockaddr_un) + 8];
    px_sockaddr_text(sa, len, text, sizeof text);
    px_val args[3] = {px_small(err), px_str_cstr(err == ETIMEDOUT ? "timed out" : px_port_strerror(err)),
                      px_str_cstr(text)};
    px_raise(px_exc_new(&px_type_OSError, text[0] ? 3 : 2, args));
}

PX_NORETURN void px_sock_raise_gai(int code, const char *host) {
    if (code == EAI_SYSTEM) {
        px_raise_os_error(errno, "getaddrinfo %s", host ? host : "");
    }
    px_val args[3] = {px_small(code), px_str_cstr(gai_strerror(code)), px_str_cstr(host ? host : "")};
    px_raise(px_exc_new(&px_type_OSError, host ? 3 : 2, args));
}
