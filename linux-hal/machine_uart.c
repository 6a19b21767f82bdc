/* machine.UART on a tty: a serial port's device node (/dev/ttyS1,
 * /dev/ttyAMA0, /dev/ttyUSB0, one side of a pty), in raw mode, line
 * settings through termios2. The object keeps no buffer of its own: the
 * kernel's receive queue is the buffer, so any() and select.poll see
 * exactly what read() would get.
 *
 * Waiting: read() waits up to `timeout` ms for the first byte and then up
 * to the gap between characters for each next one; the waits go through
 * the event poller, so timers, pin handlers and Ctrl-C run meanwhile. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "events.h"
#include "hal_error.h"
#include "machine.h"
#include "uart_irq.h"
#include "uart_tty.h"

#define FLOW_RTS 1
#define FLOW_CTS 2
#define INVERT_TX 1
#define INVERT_RX 2
#define UDEV_RULE "KERNEL==\"ttyS[0-9]*\", GROUP=\"dialout\", MODE=\"0660\""

typedef struct px_machine_uart {
    px_obj base; /* &px_type_uart */
    int fd;      /* -1 after deinit() */
    char path[64];
    px_int timeout_ms, timeout_char_ms;
    px_uart_irq *irq; /* UART.irq()'s object, or NULL */
} px_machine_uart;

static px_machine_uart *uart_of(px_val v) {
    return (px_machine_uart *)px_as_ptr(px_native(v, &px_type_uart));
}

static px_machine_uart *open_uart(px_val v) {
    px_machine_uart *o = uart_of(v);
    if (o->fd < 0) {
        px_raise_value_error("UART %s was closed by deinit(); call init() to open it again", o->path);
    }
    return o;
}

/* ---- errors */

/* The tty class's serial devices, for "no such device" messages. */
static void list_ports(char *out, size_t size) {
    size_t len;
    int err;
    char *text = px_port_read_file("/proc/tty/drivers", &len, &err);
    out[0] = 0;
    if (text == NULL) {
        return;
    }
    /* lines: driver name, node prefix, major, minor range, type */
    size_t used = 0;
    for (char *line = text; line != NULL && *line;) {
        char *next = strchr(line, '\n');
        if (next != NULL) {
            *next++ = 0;
        }
        char drv[32], node[48];
        if (sscanf(line, "%31s %47s", drv, node) == 2 && strstr(line, "serial") != NULL && used + 48 < size) {
            used += (size_t)snprintf(out + used, size - used, "%s%s*", used ? ", " : "", node);
        }
        line = next;
    }
}

PX_NORETURN static void raise_open(int err, const char *path) {
    char ports[200];
    switch (err) {
    case EACCES:
    case EPERM:
        px_hal_raise_access(err, path, "dialout", UDEV_RULE);
    case ENOENT:
    case ENODEV:
    case ENXIO:
        list_ports(ports, sizeof ports);
        px_hal_raise_msg(err, "no serial port %s (serial devices on this system: %s)", path,
                         ports[0] ? ports : "none");
    case EIO:
        px_hal_raise_msg(err,
                         "%s: no UART answers there: the kernel keeps the name, but found no hardware at "
                         "that port (setserial -g %s shows 'UART: unknown')",
                         path, path);
    case EBUSY:
        px_hal_raise_msg(err, "%s is in exclusive use by another program (TIOCEXCL)", path);
    case ENOTTY:
    case EINVAL:
        px_hal_raise_msg(err, "%s is not a serial port (not a tty)", path);
    default:
        px_hal_raise_msg(err, "%s: %s", path, px_port_strerror(err));
    }
}

PX_NORETURN static void raise_io(int err, const px_machine_uart *o, const char *doing) {
    if (err == EIO) {
        px_hal_raise_msg(err, "%s: %s: input/output error (the device was unplugged or the other side of the "
                              "pty closed)", o->path, doing);
    }
    px_hal_raise_msg(err, "%s: %s: %s", o->path, doing, px_port_strerror(err));
}

/* ---- settings */

enum { A_BAUDRATE, A_BITS, A_PARITY, A_STOP, A_TX, A_RX, A_RTS, A_CTS, A_TXBUF, A_RXBUF, A_TIMEOUT,
       A_TIMEOUT_CHAR, A_INVERT, A_FLOW, A__COUNT };

static const px_argspec init_spec[A__COUNT] = {
    {PX_Q(baudrate), 0, PX_UNSET},
    {PX_Q(bits), 0, PX_UNSET},
    {PX_Q(parity), 0, PX_UNSET},
    {PX_Q(stop), 0, PX_UNSET},
    {PX_Q(tx), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(rx), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(rts), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(cts), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(txbuf), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(rxbuf), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(timeout), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(timeout_char), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(invert), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(flow), PX_ARG_KWONLY, PX_UNSET},
};

static px_int ms_arg(px_val v, const char *what) {
    px_int ms = px_index(v);
    if (ms < 0) {
        px_raise_value_error("%s must be 0 or more milliseconds, not %lld", what, (long long)ms);
    }
    return ms;
}

/* Check every argument before anything is changed. Returns whether the
 * line settings are to be written (any of them was given). */
static bool parse_settings(const px_val *a, px_uart_line *l) {
    static const px_qid pins[] = {PX_Q(tx), PX_Q(rx), PX_Q(rts), PX_Q(cts)};
    for (int i = A_TX; i <= A_CTS; i++) {
        if (a[i] != PX_NONE) {
            px_raise_value_error("%s=: the pins of a Linux serial port are the device tree's (a pinctrl "
                                 "overlay chooses them); give None", px_qstr_str(pins[i - A_TX]));
        }
    }
    for (int i = A_TXBUF; i <= A_RXBUF; i++) {
        if (a[i] != PX_UNSET && px_index(a[i]) < 0) {
            px_raise_value_error("%s must not be negative", i == A_TXBUF ? "txbuf" : "rxbuf");
        }
    }
    if (a[A_TIMEOUT] != PX_UNSET) {
        ms_arg(a[A_TIMEOUT], "timeout");
    }
    if (a[A_TIMEOUT_CHAR] != PX_UNSET) {
        ms_arg(a[A_TIMEOUT_CHAR], "timeout_char");
    }
    if (a[A_INVERT] != PX_UNSET && px_index(a[A_INVERT]) != 0) {
        px_raise_value_error("invert: Linux's serial drivers cannot invert the lines; give 0");
    }
    bool any = false;
    for (int i = A_BAUDRATE; i <= A_STOP; i++) {
        any |= a[i] != PX_UNSET;
    }
    any |= a[A_FLOW] != PX_UNSET;
    *l = (px_uart_line){9600, 8, -1, 1, false};
    if (a[A_BAUDRATE] != PX_UNSET) {
        int64_t b = px_int_to_i64(a[A_BAUDRATE]);
        if (b <= 0 || b > 0xffffffff) {
            px_raise_value_error("baudrate must be a positive number of bits per second, not %lld", (long long)b);
        }
        l->baud = (uint32_t)b;
    }
    if (a[A_BITS] != PX_UNSET) {
        px_int bits = px_index(a[A_BITS]);
        if (bits < 5 || bits > 8) {
            px_raise_value_error("bits must be 5, 6, 7 or 8 (Linux ttys carry 5 to 8 data bits), not %lld",
                                 (long long)bits);
        }
        l->bits = (unsigned)bits;
    }
    if (a[A_PARITY] != PX_UNSET && a[A_PARITY] != PX_NONE) {
        px_int p = px_index(a[A_PARITY]);
        if (p != 0 && p != 1) {
            px_raise_value_error("parity must be None, 0 (even) or 1 (odd), not %lld", (long long)p);
        }
        l->parity = (int)p;
    }
    if (a[A_STOP] != PX_UNSET) {
        px_int s = px_index(a[A_STOP]);
        if (s != 1 && s != 2) {
            px_raise_value_error("stop must be 1 or 2, not %lld", (long long)s);
        }
        l->stop = (unsigned)s;
    }
    if (a[A_FLOW] != PX_UNSET) {
        px_int f = px_index(a[A_FLOW]);
        if (f != 0 && f != (FLOW_RTS | FLOW_CTS)) {
            px_raise_value_error("flow must be 0 or UART.RTS | UART.CTS: Linux switches RTS and CTS flow "
                                 "control together (CRTSCTS)");
        }
        l->flow = f != 0;
    }
    return any;
}

static void apply_settings(px_machine_uart *o, const px_val *a) {
    px_uart_line l;
    bool set_line = parse_settings(a, &l);
    if (a[A_TIMEOUT] != PX_UNSET) {
        o->timeout_ms = ms_arg(a[A_TIMEOUT], "timeout");
    }
    if (a[A_TIMEOUT_CHAR] != PX_UNSET) {
        o->timeout_char_ms = ms_arg(a[A_TIMEOUT_CHAR], "timeout_char");
    }
    if (set_line) {
        int err = px_uart_set_line(o->fd, &l);
        if (err == EINVAL) {
            px_hal_raise_msg(err, "%s: the driver refused baudrate=%lu, bits=%u, parity=%d, stop=%u", o->path,
                             (unsigned long)l.baud, l.bits, l.parity, l.stop);
        }
        if (err != 0) {
            raise_io(err, o, "setting the line (termios)");
        }
    }
}

static void open_dev(px_machine_uart *o) {
    int err = px_uart_open(o->path, &o->fd);
    if (err != 0) {
        o->fd = -1;
        raise_open(err, o->path);
    }
}

static void set_path(px_machine_uart *o, px_val id) {
    if (px_is_str(id)) {
        size_t len;
        const char *s = px_str_data(id, &len);
        if (len == 0 || len > 40 || memchr(s, 0, len) != NULL) {
            px_raise_value_error("UART id must name a serial device such as 'ttyUSB0' or '/dev/ttyAMA0'");
        }
        snprintf(o->path, sizeof o->path, "%s%.*s", s[0] == '/' ? "" : "/dev/", (int)len, s);
        return;
    }
    if (!px_is_int(id)) {
        px_raise_type_error("UART id must be a port number (ttySN) or a device name, not '%s'", px_type_name(id));
    }
    px_int n = px_index(id);
    if (n < 0 || n > 9999) {
        px_raise_value_error("UART id %lld out of range", (long long)n);
    }
    snprintf(o->path, sizeof o->path, "/dev/ttyS%lld", (long long)n);
}

static px_val uart_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc < 1) {
        px_raise_type_error("UART() needs the id of the port: N for /dev/ttySN, or a device name");
    }
    px_val a[A__COUNT];
    px_parse_args(PX_Q(UART), argc - 1, argv + 1, kwnames, A__COUNT, init_spec, a);
    px_uart_line l;
    parse_settings(a, &l); /* bad arguments before the device opens */
    px_machine_uart *o = px_gc_alloc(sizeof *o, PX_GC_FINALIZE);
    o->base.type = &px_type_uart;
    o->fd = -1;
    set_path(o, argv[0]);
    open_dev(o);
    apply_settings(o, a);
    return px_from_ptr(o);
}

static void uart_finalize(px_obj *self) {
    px_machine_uart *o = (px_machine_uart *)self;
    px_uart_irq_detach(o->irq);
    if (o->fd >= 0) {
        px_events_remove(o->fd);
        px_uart_close(o->fd);
        o->fd = -1;
    }
}

static void uart_print(px_out *out, px_val self, px_print_kind kind) {
    px_machine_uart *o = uart_of(self);
    px_printf(out, "UART('%s'", o->path);
    px_uart_line l;
    if (o->fd < 0 || px_uart_get_line(o->fd, &l) != 0) {
        px_write_cstr(out, o->fd < 0 ? ", closed)" : ", unavailable)");
        return;
    }
    px_printf(out, ", baudrate=%lu, bits=%u, parity=%s, stop=%u, flow=%d, timeout=%lld, timeout_char=%lld)",
              (unsigned long)l.baud, l.bits, l.parity < 0 ? "None" : l.parity ? "1" : "0", l.stop,
              l.flow ? FLOW_RTS | FLOW_CTS : 0, (long long)o->timeout_ms, (long long)o->timeout_char_ms);
}

/* ---- reading */

/* The longest wait for the next character once data flows: timeout_char,
 * but at least 4 characters' time plus 10 ms, since a tty hands received
 * bytes over in bursts from a kernel worker. 0 when both timeouts are 0
 * (reads take what is there). */
static int64_t char_wait_us(const px_machine_uart *o) {
    if (o->timeout_ms == 0 && o->timeout_char_ms == 0) {
        return 0;
    }
    px_uart_line l;
    int64_t floor_us = 10000;
    if (px_uart_get_line(o->fd, &l) == 0 && l.baud > 0) {
        floor_us += (int64_t)4 * (1 + l.bits + (l.parity >= 0) + l.stop) * 1000000 / l.baud;
    }
    int64_t us = (int64_t)o->timeout_char_ms * 1000;
    return us > floor_us ? us : floor_us;
}

/* IRQ_RXIDLE's quiet time: the gap between characters (at least 4
 * character times plus 10 ms, as char_wait_us, whatever the timeouts). */
static int64_t idle_gap_us(px_machine_uart *o) {
    px_int t = o->timeout_ms, tc = o->timeout_char_ms;
    o->timeout_ms = 1; /* (char_wait_us is 0 with both timeouts 0) */
    int64_t us = char_wait_us(o);
    o->timeout_ms = t;
    o->timeout_char_ms = tc;
    return us;
}

/* init() may change the speed, and reopens a closed device. */
static void idle_gap_changed(px_machine_uart *o) {
    if (o->irq != NULL) {
        px_uart_irq_attach(o->irq, o->fd, idle_gap_us(o));
    }
}

/* Wait up to us for fd to have `events`, running pending work. */
static void wait_fd(int fd, short events, int64_t us) {
    struct pollfd p = {fd, events, 0};
    if (px_events_wait_us(us, &p, 1) < 0 && errno != EINTR) {
        px_raise_os_error(errno, "poll");
    }
    if (px_st.pending) {
        px_check_pending();
    }
}

/* Read up to n bytes (stopping after a newline if `line`): wait first_us
 * for the first one, then char_wait_us between them. Returns the count. */
static size_t read_bytes(px_machine_uart *o, uint8_t *buf, size_t n, bool line, int64_t first_us) {
    size_t got = 0;
    uint64_t deadline = px_port_ticks_us() + (uint64_t)first_us;
    int64_t gap = -1;
    while (got < n) {
        ssize_t r = read(o->fd, buf + got, line ? 1 : n - got);
        if (r > 0) {
            got += (size_t)r;
            if (line && buf[got - 1] == '\n') {
                break;
            }
            if (gap < 0) {
                gap = char_wait_us(o);
            }
            deadline = px_port_ticks_us() + (uint64_t)gap;
            continue;
        }
        if (r == 0) {
            break; /* hang-up */
        }
        if (errno == EINTR) {
            if (px_st.pending) {
                px_check_pending();
            }
            continue;
        }
        if (errno != EAGAIN) {
            raise_io(errno, o, "read");
        }
        uint64_t now = px_port_ticks_us();
        if (now >= deadline) {
            break;
        }
        wait_fd(o->fd, POLLIN, (int64_t)(deadline - now));
    }
    return got;
}

static px_val uart_read(size_t argc, const px_val *argv) {
    px_machine_uart *o = open_uart(argv[0]);
    int64_t first = (int64_t)o->timeout_ms * 1000;
    if (argc > 1 && argv[1] != PX_NONE) {
        px_int n = px_index(argv[1]);
        if (n < 0) {
            px_raise_value_error("nbytes must not be negative");
        }
        uint8_t *buf = px_gc_alloc((size_t)n + 1, PX_GC_LEAF);
        size_t got = read_bytes(o, buf, (size_t)n, false, first);
        px_val r = got == 0 && n > 0 ? PX_NONE : px_bytes(buf, got);
        px_gc_free(buf);
        return r;
    }
    /* everything until the line stays quiet for the timeout */
    size_t cap = 256, len = 0;
    uint8_t *buf = px_gc_alloc(cap, PX_GC_LEAF);
    for (;;) {
        size_t got = read_bytes(o, buf + len, cap - len, false, len == 0 ? first : char_wait_us(o));
        len += got;
        if (len < cap) {
            break;
        }
        buf = px_gc_realloc(buf, cap * 2, PX_GC_LEAF);
        cap *= 2;
    }
    px_val r = len == 0 ? PX_NONE : px_bytes(buf, len);
    px_gc_free(buf);
    return r;
}

static px_val uart_readinto(size_t argc, const px_val *argv) {
    px_machine_uart *o = open_uart(argv[0]);
    px_buffer b;
    px_get_buffer(argv[1], &b, PX_BUF_WRITE);
    size_t n = b.len;
    if (argc > 2) {
        px_int want = px_index(argv[2]);
        if (want < 0) {
            px_raise_value_error("nbytes must not be negative");
        }
        n = (size_t)want < n ? (size_t)want : n;
    }
    size_t got = read_bytes(o, b.data, n, false, (int64_t)o->timeout_ms * 1000);
    return got == 0 && n > 0 ? PX_NONE : px_small((px_int)got);
}

static px_val uart_readline(px_val self) {
    px_machine_uart *o = open_uart(self);
    size_t cap = 64, len = 0;
    uint8_t *buf = px_gc_alloc(cap, PX_GC_LEAF);
    for (;;) {
        size_t got = read_bytes(o, buf + len, cap - len, true, len == 0 ? (int64_t)o->timeout_ms * 1000
                                                                         : char_wait_us(o));
        len += got;
        if (len < cap || buf[len - 1] == '\n') {
            break;
        }
        buf = px_gc_realloc(buf, cap * 2, PX_GC_LEAF);
        cap *= 2;
    }
    px_val r = len == 0 ? PX_NONE : px_bytes(buf, len);
    px_gc_free(buf);
    return r;
}

static px_val uart_any(px_val self) {
    px_machine_uart *o = open_uart(self);
    int n;
    int err = px_uart_inq(o->fd, &n);
    if (err != 0) {
        raise_io(err, o, "any() (TIOCINQ)");
    }
    return px_small(n);
}

/* ---- writing */

/* Write everything, waiting while the kernel's queue is full. With a
 * timeout, give up when no byte went out for that long: the count written
 * so far, or None. */
static px_val uart_write(px_val self, px_val data) {
    px_machine_uart *o = open_uart(self);
    px_buffer b;
    px_get_buffer(data, &b, PX_BUF_READ);
    size_t done = 0;
    uint64_t deadline = px_port_ticks_us() + (uint64_t)o->timeout_ms * 1000;
    while (done < b.len) {
        ssize_t r = write(o->fd, (const uint8_t *)b.data + done, b.len - done);
        if (r > 0) {
            done += (size_t)r;
            deadline = px_port_ticks_us() + (uint64_t)o->timeout_ms * 1000;
            continue;
        }
        if (r < 0 && errno == EINTR) {
            if (px_st.pending) {
                px_check_pending();
            }
            continue;
        }
        if (r < 0 && errno != EAGAIN) {
            raise_io(errno, o, "write");
        }
        int64_t wait = -1;
        if (o->timeout_ms > 0) {
            uint64_t now = px_port_ticks_us();
            if (now >= deadline) {
                break;
            }
            wait = (int64_t)(deadline - now);
        }
        wait_fd(o->fd, POLLOUT, wait);
    }
    return done == 0 && b.len > 0 ? PX_NONE : px_small((px_int)done);
}

static bool tx_idle(px_machine_uart *o) {
    bool idle;
    int err = px_uart_tx_idle(o->fd, &idle);
    if (err != 0) {
        raise_io(err, o, "reading the transmit queue (TIOCOUTQ)");
    }
    return idle;
}

static px_val uart_txdone(px_val self) {
    return px_bool(tx_idle(open_uart(self)));
}

/* flush(): wait until the last bit is out, checking every millisecond
 * (events run meanwhile). The limit is what the queue needs at the baud
 * rate, twice, plus a second; flow control can hold it up longer. */
static px_val uart_flush(px_val self) {
    px_machine_uart *o = open_uart(self);
    int queued = 0;
    px_uart_line l;
    px_uart_outq(o->fd, &queued);
    uint64_t limit_us = 1000000;
    if (px_uart_get_line(o->fd, &l) == 0 && l.baud > 0) {
        limit_us += (uint64_t)2 * ((uint64_t)queued + 16) * 12 * 1000000 / l.baud;
    }
    uint64_t start = px_port_ticks_us();
    while (!tx_idle(o)) {
        if (px_port_ticks_us() - start > limit_us) {
            px_hal_raise_msg(ETIMEDOUT, "%s: flush(): data still queued after %llu ms%s", o->path,
                             (unsigned long long)(limit_us / 1000),
                             l.flow ? " (the other side holds CTS: flow control)" : "");
        }
        wait_fd(-1, 0, 1000);
    }
    return PX_NONE;
}

static px_val uart_sendbreak(px_val self) {
    px_machine_uart *o = open_uart(self);
    int err;
    while ((err = px_uart_break(o->fd)) == EINTR) {
        if (px_st.pending) {
            px_check_pending();
        }
    }
    if (err != 0) {
        raise_io(err, o, "sendbreak (TCSBRK)");
    }
    return PX_NONE;
}

/* ---- init, deinit */

static px_val uart_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_machine_uart *o = uart_of(argv[0]);
    px_val a[A__COUNT];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT, init_spec, a);
    px_uart_line l;
    parse_settings(a, &l);
    if (a[A_BAUDRATE] == PX_UNSET) {
        a[A_BAUDRATE] = px_small(9600); /* init() is a full initialisation */
    }
    if (o->fd < 0) {
        open_dev(o);
    }
    apply_settings(o, a);
    idle_gap_changed(o);
    return PX_NONE;
}

/* ---- UART.irq(handler=None, trigger=0, hard=False) */

static const px_argspec irq_spec[3] = {
    {PX_Q(handler), 0, PX_NONE},
    {PX_Q(trigger), 0, PX_SMALL_CONST(0)},
    {PX_Q(hard), 0, PX_FALSE},
};

static px_val uart_irq(size_t argc, const px_val *argv, px_val kwnames) {
    px_machine_uart *o = open_uart(argv[0]);
    if (argc == 1 && kwnames == PX_NULL && o->irq != NULL) {
        return px_from_ptr(o->irq); /* irq(): the current one */
    }
    px_val a[3];
    px_parse_args(PX_Q(irq), argc - 1, argv + 1, kwnames, 3, irq_spec, a);
    px_int trigger = px_index(a[1]);
    if (trigger < 0) {
        px_raise_value_error("invalid trigger %lld", (long long)trigger);
    }
    (void)px_truthy(a[2]); /* hard: accepted; user space has no hard interrupts */
    o->irq = px_uart_irq_set(o->irq, argv[0], a[0], (unsigned)trigger);
    px_uart_irq_attach(o->irq, o->fd, idle_gap_us(o));
    return px_from_ptr(o->irq);
}

static px_val uart_deinit(px_val self) {
    uart_finalize(px_as_ptr(px_native(self, &px_type_uart)));
    return PX_NONE;
}

/* ---- the stream protocol: select.poll, print(file=) */

static long stream_read(px_val self, void *buf, size_t n, int *err) {
    px_machine_uart *o = uart_of(self);
    ssize_t r = o->fd < 0 ? (errno = EBADF, -1) : read(o->fd, buf, n);
    if (r < 0) {
        *err = errno;
    }
    return (long)r;
}

static long stream_write(px_val self, const void *buf, size_t n, int *err) {
    px_machine_uart *o = uart_of(self);
    ssize_t r = o->fd < 0 ? (errno = EBADF, -1) : write(o->fd, buf, n);
    if (r < 0) {
        *err = errno;
    }
    return (long)r;
}

static int stream_fileno(px_val self) {
    return uart_of(self)->fd;
}

static const px_stream_proto uart_stream = {
    .read = stream_read,
    .write = stream_write,
    .fileno = stream_fileno,
};

static PX_METHKW(uart_init_obj, &px_type_uart, init, 1, 5, uart_init);
static PX_METH1(uart_deinit_obj, &px_type_uart, deinit, uart_deinit);
static PX_METH1(uart_any_obj, &px_type_uart, any, uart_any);
static PX_METHV(uart_read_obj, &px_type_uart, read, 1, 2, uart_read);
static PX_METHV(uart_readinto_obj, &px_type_uart, readinto, 2, 3, uart_readinto);
static PX_METH1(uart_readline_obj, &px_type_uart, readline, uart_readline);
static PX_METH2(uart_write_obj, &px_type_uart, write, uart_write);
static PX_METH1(uart_flush_obj, &px_type_uart, flush, uart_flush);
static PX_METH1(uart_txdone_obj, &px_type_uart, txdone, uart_txdone);
static PX_METH1(uart_sendbreak_obj, &px_type_uart, sendbreak, uart_sendbreak);
static PX_METHKW(uart_irq_obj, &px_type_uart, irq, 1, 4, uart_irq);

/* Sorted by name bytes (uppercase first). */
static const px_map_entry uart_table[] = {
    PX_ENTRY(CTS, PX_SMALL_CONST(FLOW_CTS)),
    PX_ENTRY(INV_RX, PX_SMALL_CONST(INVERT_RX)),
    PX_ENTRY(INV_TX, PX_SMALL_CONST(INVERT_TX)),
    PX_ENTRY(IRQ_BREAK, PX_SMALL_CONST(PX_UART_IRQ_BREAK)),
    PX_ENTRY(IRQ_RX, PX_SMALL_CONST(PX_UART_IRQ_RX)),
    PX_ENTRY(IRQ_RXIDLE, PX_SMALL_CONST(PX_UART_IRQ_RXIDLE)),
    PX_ENTRY(IRQ_TXIDLE, PX_SMALL_CONST(PX_UART_IRQ_TXIDLE)),
    PX_ENTRY(RTS, PX_SMALL_CONST(FLOW_RTS)),
    PX_ENTRY_OBJ(any, &uart_any_obj),
    PX_ENTRY_OBJ(deinit, &uart_deinit_obj),
    PX_ENTRY_OBJ(flush, &uart_flush_obj),
    PX_ENTRY_OBJ(init, &uart_init_obj),
    PX_ENTRY_OBJ(irq, &uart_irq_obj),
    PX_ENTRY_OBJ(read, &uart_read_obj),
    PX_ENTRY_OBJ(readinto, &uart_readinto_obj),
    PX_ENTRY_OBJ(readline, &uart_readline_obj),
    PX_ENTRY_OBJ(sendbreak, &uart_sendbreak_obj),
    PX_ENTRY_OBJ(txdone, &uart_txdone_obj),
    PX_ENTRY_OBJ(write, &uart_write_obj),
};
static PX_CONST_MAP(uart_dict, uart_table);

const px_type px_type_uart = {
    .base = {&px_type_type},
    .name = PX_Q(UART),
    .base_type = &px_type_object,
    .dict = &uart_dict,
    .make = uart_make,
    .print = uart_print,
    .finalize = uart_finalize,
    .proto = &uart_stream,
};
