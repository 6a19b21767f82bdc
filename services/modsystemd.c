/* The systemd module: what a script run as a service (micropython@NAME)
 * tells systemd itself, on top of what the interpreter does on its own
 * (services/lifecycle.c, watchdog.c). Outside a service (no NOTIFY_SOCKET)
 * every message function returns False and does nothing, so the same
 * script runs from a shell. See docs/services.md.
 *
 *   notify(text)        any sd_notify assignments, "A=1\nB=2"
 *   ready()             READY=1 (the automatic one is then not sent)
 *   status(text)        STATUS=text: what `systemctl status` shows
 *   watchdog()          WATCHDOG=1
 *   auto_ready([on])    the automatic READY=1 at the first wait
 *   auto_watchdog([on]) the automatic WATCHDOG=1 pings
 *   watchdog_usec()     the watchdog interval systemd set, or 0
 *   listen_fds()        the fds passed by socket activation: [3, 4, ...]
 *   listen_fd_names()   their names (FileDescriptorName=), same order */
#include <string.h>

#include "runtime.h"
#include "services.h"

/* The text of a str argument, checked for what a datagram of assignments
 * cannot carry. */
static const char *message_text(px_val v, size_t *n, bool one_line) {
    if (!px_is_str(v)) {
        px_raise_type_error("expected str, not '%s'", px_type_name(v));
    }
    const char *s = px_str_data(v, n);
    if (memchr(s, '\0', *n) != NULL) {
        px_raise_value_error("embedded null character");
    }
    if (one_line && memchr(s, '\n', *n) != NULL) {
        px_raise_value_error("status text must be one line");
    }
    return s;
}

/* px_notify's outcome as the function's result: sent or not a service. */
static px_val sent(int r, const char *what) {
    if (r < 0) {
        px_raise_os_error(-r, "sending %s to $NOTIFY_SOCKET", what);
    }
    return px_bool(r > 0);
}

static px_val sd_notify_fn(px_val text) {
    size_t n;
    const char *s = message_text(text, &n, false);
    return sent(px_notify(s, n), "a notification");
}

static px_val sd_ready(void) {
    return sent(px_service_ready(), "READY=1");
}

static px_val sd_status(px_val text) {
    size_t n;
    const char *s = message_text(text, &n, true);
    px_strbuf b;
    px_strbuf_init(&b, n + 8);
    px_strbuf_add_cstr(&b, "STATUS=");
    px_strbuf_add(&b, s, n);
    int r = px_notify(b.data, b.len);
    return sent(r, "STATUS=");
}

static px_val sd_watchdog(void) {
    return sent(px_watchdog_ping(), "WATCHDOG=1");
}

static px_val sd_auto_ready(size_t argc, const px_val *argv) {
    if (argc == 0) {
        return px_bool(px_service_auto_ready());
    }
    px_service_set_auto_ready(px_truthy(argv[0]));
    return PX_NONE;
}

static px_val sd_auto_watchdog(size_t argc, const px_val *argv) {
    if (argc == 0) {
        return px_bool(px_watchdog_auto());
    }
    int err = px_watchdog_set_auto(px_truthy(argv[0]));
    if (err != 0) {
        px_raise_os_error(err, "the watchdog timer");
    }
    return PX_NONE;
}

static px_val sd_watchdog_usec(void) {
    return px_int_from_u64(px_watchdog_usec());
}

static px_val sd_listen_fds(void) {
    int n = px_listen_count();
    px_val list = px_list_new(0, NULL);
    for (int i = 0; i < n; i++) {
        px_list_append(list, px_small(3 + i));
    }
    return list;
}

static px_val sd_listen_fd_names(void) {
    int n = px_listen_count();
    px_val list = px_list_new(0, NULL);
    for (int i = 0; i < n; i++) {
        px_list_append(list, px_str_cstr(px_listen_name(i)));
    }
    return list;
}

static PX_FUN1(sd_notify_obj, notify, sd_notify_fn);
static PX_FUN0(sd_ready_obj, ready, sd_ready);
static PX_FUN1(sd_status_obj, status, sd_status);
static PX_FUN0(sd_watchdog_obj, watchdog, sd_watchdog);
static PX_FUNV(sd_auto_ready_obj, auto_ready, 0, 1, sd_auto_ready);
static PX_FUNV(sd_auto_watchdog_obj, auto_watchdog, 0, 1, sd_auto_watchdog);
static PX_FUN0(sd_watchdog_usec_obj, watchdog_usec, sd_watchdog_usec);
static PX_FUN0(sd_listen_fds_obj, listen_fds, sd_listen_fds);
static PX_FUN0(sd_listen_fd_names_obj, listen_fd_names, sd_listen_fd_names);

/* Sorted by name bytes. */
static const px_map_entry systemd_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(systemd))),
    PX_ENTRY_OBJ(auto_ready, &sd_auto_ready_obj),
    PX_ENTRY_OBJ(auto_watchdog, &sd_auto_watchdog_obj),
    PX_ENTRY_OBJ(listen_fd_names, &sd_listen_fd_names_obj),
    PX_ENTRY_OBJ(listen_fds, &sd_listen_fds_obj),
    PX_ENTRY_OBJ(notify, &sd_notify_obj),
    PX_ENTRY_OBJ(ready, &sd_ready_obj),
    PX_ENTRY_OBJ(status, &sd_status_obj),
    PX_ENTRY_OBJ(watchdog, &sd_watchdog_obj),
    PX_ENTRY_OBJ(watchdog_usec, &sd_watchdog_usec_obj),
};
static PX_CONST_MAP(systemd_globals, systemd_table);
PX_MODULE_DEF(systemd, systemd_globals, 0, NULL);
