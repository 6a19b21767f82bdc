/* The socket module: socket.socket (socket_obj.c), getaddrinfo through the
 * C library, inet_pton/inet_ntop, and the constants of Linux's headers.
 * See docs/network.md. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>

#include "socket.h"

/* A host or port argument for getaddrinfo: NULL for None. */
static const char *gai_text(px_val v, char *numbuf, size_t size) {
    if (v == PX_NONE) {
        return NULL;
    }
    if (px_is_int(v)) {
        snprintf(numbuf, size, "%lld", (long long)px_int_to_i64(v));
        return numbuf;
    }
    size_t n;
    const char *s;
    if (px_is_str(v)) {
        s = px_str_data(v, &n);
    } else if (px_is_bytes(v)) {
        s = (const char *)px_bytes_data(v, &n);
    } else {
        px_raise_type_error("getaddrinfo() argument must be str, bytes, int or None, not %s", px_type_name(v));
    }
    if (memchr(s, 0, n) != NULL) {
        px_raise_value_error("embedded null character");
    }
    char *c = px_gc_alloc(n + 1, PX_GC_LEAF);
    memcpy(c, s, n);
    return c;
}

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0): a list of
 * (family, type, proto, canonname, address), the address as connect()
 * takes it (MicroPython documents af for family: the same position). */
static px_val sock_getaddrinfo(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(host), PX_ARG_REQUIRED, PX_NONE}, {PX_Q(port), PX_ARG_REQUIRED, PX_NONE},
        {PX_Q(family), 0, PX_SMALL_CONST(0)},   {PX_Q(type), 0, PX_SMALL_CONST(0)},
        {PX_Q(proto), 0, PX_SMALL_CONST(0)},    {PX_Q(flags), 0, PX_SMALL_CONST(0)},
    };
    px_val a[6];
    px_parse_args(PX_Q(getaddrinfo), argc, argv, kwnames, 6, spec, a);
    char hostnum[24], portnum[24];
    const char *host = gai_text(a[0], hostnum, sizeof hostnum);
    const char *port = gai_text(a[1], portnum, sizeof portnum);
    if (host != NULL && host[0] == 0) {
        host = NULL; /* '' is the any-address, as for bind */
    }
    struct addrinfo hints = {
        .ai_family = (int)px_int_to_i64(a[2]),
        .ai_socktype = (int)px_int_to_i64(a[3]),
        .ai_protocol = (int)px_int_to_i64(a[4]),
        .ai_flags = (int)px_int_to_i64(a[5]),
    };
    if (host == NULL && port == NULL) {
        px_sock_raise_gai(EAI_NONAME, NULL);
    }
    struct addrinfo *res = NULL;
    int r = getaddrinfo(host, port, &hints, &res);
    if (r != 0) {
        px_sock_raise_gai(r, host != NULL ? host : "");
    }
    px_val list = px_list_new(0, NULL);
    for (struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
        px_val t[5] = {px_small(ai->ai_family), px_small(ai->ai_socktype), px_small(ai->ai_protocol),
                       px_str_cstr(ai->ai_canonname ? ai->ai_canonname : ""),
                       px_sockaddr_value(ai->ai_addr, ai->ai_addrlen)};
        px_list_append(list, px_tuple_new(5, t));
    }
    freeaddrinfo(res);
    return list;
}

static int family_arg(px_val v) {
    int64_t af = px_int_to_i64(v);
    if (af != AF_INET && af != AF_INET6) {
        px_raise_os_error(EAFNOSUPPORT, "address family %lld", (long long)af);
    }
    return (int)af;
}

/* inet_pton(af, text) -> the packed address (4 or 16 bytes) */
static px_val sock_inet_pton(px_val af, px_val text) {
    int family = family_arg(af);
    size_t n;
    const char *s = px_str_data(text, &n);
    char c[INET6_ADDRSTRLEN + 1];
    unsigned char out[16];
    if (n >= sizeof c || memchr(s, 0, n) != NULL) {
        px_raise_os_error(EINVAL, "illegal IP address string passed to inet_pton");
    }
    memcpy(c, s, n);
    c[n] = 0;
    if (inet_pton(family, c, out) != 1) {
        px_raise_os_error(EINVAL, "illegal IP address string passed to inet_pton");
    }
    return px_bytes(out, family == AF_INET ? 4 : 16);
}

/* inet_ntop(af, packed) -> text */
static px_val sock_inet_ntop(px_val af, px_val packed) {
    int family = family_arg(af);
    px_buffer buf;
    px_get_buffer(packed, &buf, PX_BUF_READ);
    if (buf.len != (family == AF_INET ? 4u : 16u)) {
        px_raise_value_error("invalid length of packed IP address string");
    }
    char text[INET6_ADDRSTRLEN];
    inet_ntop(family, buf.data, text, sizeof text);
    return px_str_cstr(text);
}

static PX_FUNKW(sock_getaddrinfo_obj, getaddrinfo, 2, 6, sock_getaddrinfo);
static PX_FUN2(sock_inet_pton_obj, inet_pton, sock_inet_pton);
static PX_FUN2(sock_inet_ntop_obj, inet_ntop, sock_inet_ntop);

/* PX_QID_##name pastes the name before the C headers expand it. */
#define CONST(name) {PX_QSTR_CONST(PX_QID_##name), PX_SMALL_CONST(name)}

/* Sorted by name bytes. */
static const px_map_entry socket_table[] = {
    CONST(AF_INET),
    CONST(AF_INET6),
    CONST(AF_UNIX),
    CONST(AF_UNSPEC),
    CONST(AI_ADDRCONFIG),
    CONST(AI_CANONNAME),
    CONST(AI_NUMERICHOST),
    CONST(AI_NUMERICSERV),
    CONST(AI_PASSIVE),
    CONST(INADDR_ANY),
    CONST(IPPROTO_ICMP),
    CONST(IPPROTO_ICMPV6),
    CONST(IPPROTO_IP),
    CONST(IPPROTO_IPV6),
    CONST(IPPROTO_RAW),
    CONST(IPPROTO_TCP),
    CONST(IPPROTO_UDP),
    CONST(IPV6_V6ONLY),
    CONST(IP_ADD_MEMBERSHIP),
    CONST(IP_DROP_MEMBERSHIP),
    CONST(IP_MULTICAST_LOOP),
    CONST(IP_MULTICAST_TTL),
    CONST(IP_TTL),
    CONST(MSG_DONTWAIT),
    CONST(MSG_PEEK),
    CONST(MSG_WAITALL),
    CONST(SHUT_RD),
    CONST(SHUT_RDWR),
    CONST(SHUT_WR),
    CONST(SOCK_DGRAM),
    CONST(SOCK_RAW),
    CONST(SOCK_STREAM),
    CONST(SOL_SOCKET),
    CONST(SOMAXCONN),
    CONST(SO_BROADCAST),
    CONST(SO_ERROR),
    CONST(SO_KEEPALIVE),
    CONST(SO_LINGER),
    CONST(SO_RCVBUF),
    CONST(SO_REUSEADDR),
    CONST(SO_REUSEPORT),
    CONST(SO_SNDBUF),
    CONST(SO_TYPE),
    CONST(TCP_NODELAY),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(socket))),
    PX_ENTRY_OBJ(getaddrinfo, &sock_getaddrinfo_obj),
    PX_ENTRY_OBJ(inet_ntop, &sock_inet_ntop_obj),
    PX_ENTRY_OBJ(inet_pton, &sock_inet_pton_obj),
    PX_ENTRY_OBJ(socket, &px_type_socket),
    PX_ENTRY_OBJ(timeout, &px_type_TimeoutError),
};
static PX_CONST_MAP(socket_globals, socket_table);
PX_MODULE_DEF(socket, socket_globals, PX_MODULE_EXTENSIBLE, NULL);
