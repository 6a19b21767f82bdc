/* The select module: select.poll objects and select.select. Waiting goes
 * through the port's wait (select.h: on POSIX its event poller, on a
 * board the console), so event sources (GPIO edges, timers) and scheduled
 * callbacks keep running while a program waits, and Ctrl-C ends the wait
 * with KeyboardInterrupt. Integer timeouts take integer arithmetic only,
 * so a build without floats needs none.
 *
 * What can be polled: an int (a file descriptor), an object whose type is
 * a stream (stream.h: its fileno() is asked at every wait, and its ready()
 * reports data it buffers itself), any object with a fileno() method
 * (asked once, at register), or a Python object with MicroPython's stream
 * method ioctl(MP_STREAM_POLL, events) -> ready events (asked at every
 * wait; the wait ends for it when pending work has run, such as the
 * callback that made it ready). poll() reports the object as registered,
 * as MicroPython does; CPython reports the fd. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "select.h"

#define POLLIN PX_POLL_IN
#define POLLPRI PX_POLL_PRI
#define POLLOUT PX_POLL_OUT
#define POLLERR PX_POLL_ERR
#define POLLHUP PX_POLL_HUP
#define POLLNVAL PX_POLL_NVAL

typedef struct {
    px_val obj;                   /* as registered: what poll() reports */
    const px_stream_proto *proto; /* obj's stream protocol, or NULL */
    int fd;                       /* for non-streams: fixed at register */
    unsigned mask;                /* events asked for */
    unsigned revents;             /* found by the last wait */
} entry;

typedef struct {
    px_obj base;
    entry *entries; /* GC block of cap entries */
    size_t len, cap;
    px_pollfd *pfds; /* leaf block of cap pollfds, rebuilt at every wait */
    size_t pfds_cap;
    size_t iter_pos;     /* ipoll: the next entry to look at */
    px_val iter_tuple;   /* ipoll: the (obj, event) tuple handed out again and again */
} poll_obj;

extern const px_type px_type_poll;

/* ---- what an object polls on */

#define FD_IOCTL (-2)        /* entry.fd of an object asked through ioctl() */
#define MP_STREAM_POLL 3     /* MicroPython's ioctl request number */

static int fd_from_int(px_val v) {
    int64_t i = px_int_to_i64(v);
    if (i > INT_MAX || i < INT_MIN) {
        px_raise_overflow("Python int too large to convert to C int");
    }
    if (i < 0) {
        px_raise_value_error("file descriptor cannot be a negative integer (%d)", (int)i);
    }
    return (int)i;
}

/* Set *proto for streams (fd asked at each wait), else *fd. */
static void resolve(px_val obj, const px_stream_proto **proto, int *fd) {
    *proto = NULL;
    *fd = -1;
    if (px_is_int(obj)) {
        *fd = fd_from_int(obj);
        return;
    }
    const px_stream_proto *sp = px_stream_of(obj);
    if (sp != NULL && (sp->fileno != NULL || sp->ready != NULL)) {
        if (sp->ready == NULL ? sp->fileno(obj) < 0 : (sp->ready(obj, 0) & PX_POLL_NVAL) != 0) {
            px_raise_value_error("I/O operation on closed file");
        }
        *proto = sp;
        return;
    }
    px_val method = px_getattr_opt(obj, PX_Q(fileno));
    if (method == PX_NULL) {
        if (px_getattr_opt(obj, PX_Q(ioctl)) != PX_NULL) {
            *fd = FD_IOCTL;
            return;
        }
        px_raise_type_error("argument must be an int, or have a fileno() method.");
    }
    px_val r = px_call0(method);
    if (!px_is_int(r)) {
        px_raise_type_error("fileno() returned a non-integer");
    }
    *fd = fd_from_int(r);
}

static int entry_fd(const entry *e) {
    if (e->proto == NULL) {
        return e->fd == FD_IOCTL ? -1 : e->fd;
    }
    return e->proto->fileno != NULL ? e->proto->fileno(e->obj) : -1;
}

/* ---- the poll object's table */

static poll_obj *poll_new(void) {
    poll_obj *p = px_gc_alloc(sizeof(poll_obj), 0);
    p->base.type = &px_type_poll;
    p->iter_tuple = PX_NULL;
    return p;
}

/* The entry of obj: the same object, or for an int the entry polling
 * that fd (so poll.unregister(0) finds a registered sys.stdin). */
static long find_entry(const poll_obj *p, px_val obj) {
    for (size_t i = 0; i < p->len; i++) {
        if (p->entries[i].obj == obj) {
            return (long)i;
        }
    }
    if (px_is_int(obj)) {
        int fd = fd_from_int(obj);
        for (size_t i = 0; i < p->len; i++) {
            if (entry_fd(&p->entries[i]) == fd) {
                return (long)i;
            }
        }
    }
    return -1;
}

static void add_entry(poll_obj *p, px_val obj, unsigned mask) {
    const px_stream_proto *proto;
    int fd;
    resolve(obj, &proto, &fd);
    if (p->len == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 4;
        p->entries = px_gc_realloc(p->entries, ncap * sizeof(entry), 0);
        p->cap = ncap;
    }
    p->entries[p->len++] = (entry){obj, proto, fd, mask, 0};
}

static unsigned mask_arg(px_val v) {
    int64_t m = px_int_to_i64(v);
    if (m < 0) {
        px_raise_value_error("value must be positive"); /* CPython's words */
    }
    if (m > 0xFFFF) {
        px_raise_overflow("Python int too large for C unsigned short");
    }
    return (unsigned)m;
}

/* ---- waiting */

/* Wait until some entry has events or timeout_us (-1: no limit) has
 * passed; fills in every entry's revents and returns how many have some.
 * Between waits, pending work runs (scheduled callbacks, KeyboardInterrupt);
 * it may change the table, so everything is rebuilt each time round. */
static size_t wait_entries(poll_obj *p, int64_t timeout_us) {
    uint64_t start = px_port_ticks_us();
    for (;;) {
        if (px_st.pending) {
            px_check_pending();
        }
        if (p->pfds_cap < p->len) {
            p->pfds = px_gc_realloc(p->pfds, p->len * sizeof(px_pollfd), PX_GC_LEAF);
            p->pfds_cap = p->len;
        }
        size_t n = p->len, nready = 0;
        for (size_t i = 0; i < n; i++) {
            entry *e = &p->entries[i];
            int fd = entry_fd(e);
            e->revents = 0;
            if (e->proto != NULL && e->proto->ready != NULL) {
                /* data the object holds itself: ready without waiting */
                e->revents = e->proto->ready(e->obj, e->mask) & (e->mask | POLLERR | POLLHUP | POLLNVAL);
            } else if (e->proto == NULL && e->fd == FD_IOCTL) {
                px_val args[2] = {px_small(MP_STREAM_POLL), px_small((px_int)e->mask)};
                px_val r = px_call_method(e->obj, PX_Q(ioctl), 2, args);
                e->revents = (unsigned)px_index(r) & (e->mask | POLLERR | POLLHUP | POLLNVAL);
            } else if (fd < 0) {
                e->revents = POLLNVAL; /* a stream closed since register */
            }
            p->pfds[i].fd = fd; /* poll ignores -1 */
            p->pfds[i].events = (short)e->mask;
            p->pfds[i].revents = 0;
            nready += e->revents != 0;
        }
        int64_t left = -1;
        if (nready > 0) {
            left = 0; /* collect what the fds have too, then report */
        } else if (timeout_us >= 0) {
            uint64_t spent = px_port_ticks_us() - start;
            left = spent >= (uint64_t)timeout_us ? 0 : timeout_us - (int64_t)spent;
        }
        int r = px_select_wait(left, p->pfds, n);
        if (r < 0) {
            px_raise_os_error(-r, "poll");
        }
        if (r > 0) {
            nready = 0;
            for (size_t i = 0; i < n; i++) {
                p->entries[i].revents |= (unsigned short)p->pfds[i].revents;
                nready += p->entries[i].revents != 0;
            }
        }
        if (nready > 0 || left == 0) {
            return nready; /* pending work left now runs at the next bytecode */
        }
    }
}

/* A wait of `n` units of `us_per` microseconds, clamped to ~285 years
 * (no limit, in effect). */
#define MAX_WAIT_US ((int64_t)9e15)
static int64_t scaled_us(int64_t n, int64_t us_per) {
    return n > MAX_WAIT_US / us_per ? MAX_WAIT_US : n * us_per;
}

#if PX_HAS_FLOAT
/* A float timeout of `f` units: NaN is refused, rounded up (CPython). */
static int64_t float_us(double f, double us_per) {
    if (f != f) {
        px_raise_value_error("Invalid value NaN (not a number)");
    }
    double us = ceil(f * us_per);
    return us < (double)MAX_WAIT_US ? (int64_t)us : MAX_WAIT_US;
}
#endif

/* poll timeouts are milliseconds: None or negative is no limit; a float
 * is rounded up (CPython) */
static int64_t ms_timeout(px_val v) {
    if (v == PX_NONE) {
        return -1;
    }
    if (px_is_int(v)) {
        int64_t i = px_int_to_i64(v);
        return i < 0 ? -1 : scaled_us(i, 1000);
    }
#if PX_HAS_FLOAT
    if (px_type_of(v) == &px_type_float) {
        double ms = px_float_of(v);
        return ms < 0 ? -1 : float_us(ms, 1000.0);
    }
#endif
    px_raise_type_error("timeout must be an integer or None");
}

/* ---- poll methods */

static poll_obj *as_poll(px_val v) {
    return px_as_ptr(v);
}

static px_val poll_register(size_t argc, const px_val *argv) {
    poll_obj *p = as_poll(argv[0]);
    unsigned mask = argc > 2 ? mask_arg(argv[2]) : POLLIN | POLLOUT;
    long i = find_entry(p, argv[1]);
    if (i >= 0) {
        p->entries[i].mask = mask;
    } else {
        add_entry(p, argv[1], mask);
    }
    return PX_NONE;
}

static px_val poll_unregister(px_val self, px_val obj) {
    poll_obj *p = as_poll(self);
    long i = find_entry(p, obj);
    if (i < 0) {
        px_raise_key_error(obj);
    }
    p->len--;
    memmove(&p->entries[i], &p->entries[i + 1], (p->len - (size_t)i) * sizeof(entry));
    p->entries[p->len] = (entry){PX_NULL, NULL, -1, 0, 0};
    if ((size_t)i < p->iter_pos) {
        p->iter_pos--; /* unregistering inside an ipoll loop skips nothing */
    }
    return PX_NONE;
}

static px_val poll_modify(px_val self, px_val obj, px_val mask) {
    poll_obj *p = as_poll(self);
    unsigned m = mask_arg(mask);
    long i = find_entry(p, obj);
    if (i < 0) {
        px_raise_os_error(ENOENT, NULL);
    }
    p->entries[i].mask = m;
    return PX_NONE;
}

static px_val poll_poll(size_t argc, const px_val *argv) {
    poll_obj *p = as_poll(argv[0]);
    int64_t timeout = argc > 1 ? ms_timeout(argv[1]) : -1;
    size_t n = wait_entries(p, timeout);
    px_val list = px_list_new(0, NULL);
    for (size_t i = 0; i < p->len && n > 0; i++) {
        entry *e = &p->entries[i];
        if (e->revents != 0) {
            px_val item[2] = {e->obj, px_small((px_int)e->revents)};
            px_list_append(list, px_tuple_new(2, item));
            e->revents = 0;
        }
    }
    return list;
}

/* ipoll(timeout=-1, flags=0): the poll object itself is the iterator,
 * yielding one tuple that it reuses (MicroPython: allocation-free). With
 * flags=1 (one-shot) ready entries get mask 0 until modify(). */
static px_val poll_ipoll(size_t argc, const px_val *argv) {
    poll_obj *p = as_poll(argv[0]);
    int64_t timeout = argc > 1 ? ms_timeout(argv[1]) : -1;
    px_int flags = argc > 2 ? px_index(argv[2]) : 0;
    if (p->iter_tuple == PX_NULL) {
        p->iter_tuple = px_tuple_new(2, NULL);
    }
    wait_entries(p, timeout);
    if (flags & 1) {
        for (size_t i = 0; i < p->len; i++) {
            if (p->entries[i].revents != 0) {
                p->entries[i].mask = 0;
            }
        }
    }
    p->iter_pos = 0;
    return argv[0];
}

static px_val poll_iter(px_val self) {
    return self;
}

static px_val poll_next(px_val self) {
    poll_obj *p = as_poll(self);
    while (p->iter_pos < p->len) {
        entry *e = &p->entries[p->iter_pos++];
        if (e->revents != 0 && p->iter_tuple != PX_NULL) {
            px_tuple *t = px_tuple_ptr(p->iter_tuple);
            t->items[0] = e->obj;
            t->items[1] = px_small((px_int)e->revents);
            e->revents = 0;
            return p->iter_tuple;
        }
    }
    return PX_NULL;
}

static void poll_print(px_out *out, px_val self, px_print_kind kind) {
    px_printf(out, "<poll>");
}

static PX_METHV(poll_register_obj, &px_type_poll, register, 2, 3, poll_register);
static PX_METH2(poll_unregister_obj, &px_type_poll, unregister, poll_unregister);
static PX_METH3(poll_modify_obj, &px_type_poll, modify, poll_modify);
static PX_METHV(poll_poll_obj, &px_type_poll, poll, 1, 2, poll_poll);
static PX_METHV(poll_ipoll_obj, &px_type_poll, ipoll, 1, 3, poll_ipoll);

/* Sorted by name bytes. */
static const px_map_entry poll_table[] = {
    PX_ENTRY_OBJ(ipoll, &poll_ipoll_obj),
    PX_ENTRY_OBJ(modify, &poll_modify_obj),
    PX_ENTRY_OBJ(poll, &poll_poll_obj),
    PX_ENTRY_OBJ(register, &poll_register_obj),
    PX_ENTRY_OBJ(unregister, &poll_unregister_obj),
};
static PX_CONST_MAP(poll_dict, poll_table);

const px_type px_type_poll = {
    .base = {&px_type_type},
    .name = PX_Q(poll),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .dict = &poll_dict,
    .print = poll_print,
    .iter = poll_iter,
    .next = poll_next,
};

/* ---- module functions */

static px_val select_poll(void) {
    return px_from_ptr(poll_new());
}

/* select() timeouts are seconds: None is no limit. */
static int64_t secs_timeout(px_val v) {
    if (v == PX_NONE) {
        return -1;
    }
    if (px_is_int(v)) {
        int64_t i = px_int_to_i64(v);
        if (i < 0) {
            px_raise_value_error("timeout must be non-negative");
        }
        return scaled_us(i, 1000000);
    }
#if PX_HAS_FLOAT
    if (px_type_of(v) == &px_type_float) {
        double s = px_float_of(v);
        if (s < 0) {
            px_raise_value_error("timeout must be non-negative");
        }
        return float_us(s, 1e6);
    }
    px_raise_type_error("timeout must be a float or None");
#else
    px_raise_type_error("timeout must be an int or None");
#endif
}

/* The items of a select() argument (any iterable). */
static px_val *seq_arg(px_val v, size_t *n) {
    px_val *items = px_seq_items(v, n);
    if (items != NULL) {
        return items;
    }
    volatile px_val list = PX_NULL;
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        list = px_list_from_iter(v);
        px_try_pop(&j);
    } else {
        if (px_exc_matches(j.exc, px_from_ptr(&px_type_TypeError))) {
            px_raise_type_error("arguments 1-3 must be sequences");
        }
        px_raise(j.exc);
    }
    return px_seq_items(list, n);
}

/* select(rlist, wlist, xlist[, timeout]): an entry per item, asking for
 * POLLIN, POLLOUT or POLLPRI (so the mask tells which list it came from);
 * readable includes hang-up and error, writable error, as select(2) says. */
static px_val select_select(size_t argc, const px_val *argv) {
    static const unsigned ask[3] = {POLLIN, POLLOUT, POLLPRI};
    static const unsigned counts[3] = {POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI};
    int64_t timeout = argc > 3 ? secs_timeout(argv[3]) : -1;
    poll_obj *p = poll_new();
    for (int k = 0; k < 3; k++) {
        size_t n;
        px_val *items = seq_arg(argv[k], &n);
        for (size_t i = 0; i < n; i++) {
            add_entry(p, items[i], ask[k]);
        }
    }
    wait_entries(p, timeout);
    px_val out[3];
    for (int k = 0; k < 3; k++) {
        out[k] = px_list_new(0, NULL);
    }
    for (size_t i = 0; i < p->len; i++) {
        const entry *e = &p->entries[i];
        if (e->revents & POLLNVAL) {
            px_raise_os_error(EBADF, NULL);
        }
        for (int k = 0; k < 3; k++) {
            if (e->mask == ask[k] && (e->revents & counts[k])) {
                px_list_append(out[k], e->obj);
            }
        }
    }
    return px_tuple_new(3, out);
}

static PX_FUN0(select_poll_obj, poll, select_poll);
static PX_FUNV(select_select_obj, select, 3, 4, select_select);

/* PX_QID_##name pastes the name before <poll.h> expands it to a number. */
#define CONST(name) {PX_QSTR_CONST(PX_QID_##name), PX_SMALL_CONST(name)}

/* Sorted by name bytes. */
static const px_map_entry select_table[] = {
    CONST(POLLERR),
    CONST(POLLHUP),
    CONST(POLLIN),
    CONST(POLLNVAL),
    CONST(POLLOUT),
    CONST(POLLPRI),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(select))),
    PX_ENTRY_OBJ(poll, &select_poll_obj),
    PX_ENTRY_OBJ(select, &select_select_obj),
};
static PX_CONST_MAP(select_globals, select_table);
PX_MODULE_DEF(select, select_globals, PX_MODULE_EXTENSIBLE, NULL);
