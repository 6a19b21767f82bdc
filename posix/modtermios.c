/* The termios module of MicroPython's unix port: terminal attributes as
 * lists, and raw mode.
 *
 *   tcgetattr(fd) -> [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]
 *   tcsetattr(fd, when, attributes)
 *   setraw(fd)
 *
 * fd is a descriptor or an object with fileno(). cc is a list of NCCS
 * items: cc[VMIN] and cc[VTIME] are ints, the others bytes of length 1,
 * as MicroPython gives them (tcsetattr takes an int or a 1-byte bytes for
 * any). Errors are OSError(errno) naming the descriptor. The constants are
 * CPython's names with Linux's values. */
#include <errno.h>
#include <string.h>
#include <termios.h>

#include "runtime.h"

static int fd_arg(px_val v) {
    if (!px_is_int(v)) {
        px_val m = px_getattr_opt(v, PX_Q(fileno));
        if (m == PX_NULL) {
            px_raise_type_error("argument must be an int, or have a fileno() method.");
        }
        v = px_call0(m);
    }
    px_int fd = px_index(v);
    if (fd < 0 || fd > 0x7FFFFFFF) {
        px_raise_value_error("file descriptor cannot be a negative integer (%ld)", (long)fd);
    }
    return (int)fd;
}

PX_NORETURN static void raise_fd(int err, int fd) {
    px_raise_os_error(err, "file descriptor %d", fd);
}

static void get_attr(int fd, struct termios *t) {
    if (tcgetattr(fd, t) != 0) {
        raise_fd(errno, fd);
    }
}

static void set_attr(int fd, int when, const struct termios *t) {
    while (tcsetattr(fd, when, t) != 0) {
        if (errno != EINTR) {
            raise_fd(errno, fd);
        }
        if (px_st.pending) {
            px_check_pending(); /* TCSADRAIN waits for output: Ctrl-C ends it */
        }
    }
}

static px_val termios_tcgetattr(px_val fdv) {
    int fd = fd_arg(fdv);
    struct termios t;
    get_attr(fd, &t);
    px_val cc = px_list_new(NCCS, NULL);
    px_list *l = px_list_ptr(cc);
    for (int i = 0; i < NCCS; i++) {
        l->items[i] = i == VMIN || i == VTIME ? px_small(t.c_cc[i]) : px_bytes(&t.c_cc[i], 1);
    }
    px_val items[7] = {
        px_int_from_u64(t.c_iflag),         px_int_from_u64(t.c_oflag),         px_int_from_u64(t.c_cflag),
        px_int_from_u64(t.c_lflag),         px_int_from_u64(cfgetispeed(&t)),   px_int_from_u64(cfgetospeed(&t)),
        cc,
    };
    return px_list_new(7, items);
}

static unsigned long flag_arg(px_val v) {
    int64_t x = px_int_to_i64(v);
    if (x < 0 || x > 0xFFFFFFFFll) {
        px_raise_overflow("terminal flag out of range");
    }
    return (unsigned long)x;
}

static px_val termios_tcsetattr(px_val fdv, px_val whenv, px_val attrs) {
    int fd = fd_arg(fdv);
    int when = (int)px_index(whenv);
    size_t n;
    px_val *a = px_is_list(attrs) ? px_seq_items(attrs, &n) : NULL;
    if (a == NULL || n != 7) {
        px_raise_type_error("tcsetattr, arg 3: must be 7 element list");
    }
    struct termios t;
    get_attr(fd, &t); /* fields the list does not carry keep their values */
    t.c_iflag = (tcflag_t)flag_arg(a[0]);
    t.c_oflag = (tcflag_t)flag_arg(a[1]);
    t.c_cflag = (tcflag_t)flag_arg(a[2]);
    t.c_lflag = (tcflag_t)flag_arg(a[3]);
    if (cfsetispeed(&t, (speed_t)flag_arg(a[4])) != 0 || cfsetospeed(&t, (speed_t)flag_arg(a[5])) != 0) {
        px_raise_value_error("invalid terminal speed");
    }
    size_t ncc;
    px_val *cc = px_is_list(a[6]) ? px_seq_items(a[6], &ncc) : NULL;
    if (cc == NULL || ncc != NCCS) {
        px_raise_type_error("tcsetattr: attributes[6] must be %d element list", NCCS);
    }
    for (int i = 0; i < NCCS; i++) {
        if (px_is_bytes(cc[i])) {
            size_t k;
            const uint8_t *b = px_bytes_data(cc[i], &k);
            if (k != 1) {
                px_raise_type_error("tcsetattr: elements of attributes must be characters or integers");
            }
            t.c_cc[i] = b[0];
        } else if (px_is_int(cc[i])) {
            t.c_cc[i] = (cc_t)px_index(cc[i]);
        } else {
            px_raise_type_error("tcsetattr: elements of attributes must be characters or integers");
        }
    }
    set_attr(fd, when, &t);
    return PX_NONE;
}

/* Raw mode: bytes as they come, no echo, no signals from keys, no output
 * processing, 8 bits; read returns after each byte. */
static px_val termios_setraw(px_val fdv) {
    int fd = fd_arg(fdv);
    struct termios t;
    get_attr(fd, &t);
    t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    t.c_oflag &= ~(tcflag_t)OPOST;
    t.c_cflag = (t.c_cflag & ~(tcflag_t)(CSIZE | PARENB)) | CS8;
    t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    set_attr(fd, TCSAFLUSH, &t);
    return PX_NONE;
}

static PX_FUN1(termios_tcgetattr_obj, tcgetattr, termios_tcgetattr);
static PX_FUN3(termios_tcsetattr_obj, tcsetattr, termios_tcsetattr);
static PX_FUN1(termios_setraw_obj, setraw, termios_setraw);

/* PX_QID_##name pastes the name before <termios.h> expands it to a number. */
#define CONST(name) {PX_QSTR_CONST(PX_QID_##name), PX_SMALL_CONST(name)}

/* Sorted by name bytes. */
static const px_map_entry termios_table[] = {
    CONST(B0),
    CONST(B1000000),
    CONST(B110),
    CONST(B115200),
    CONST(B1152000),
    CONST(B1200),
    CONST(B134),
    CONST(B150),
    CONST(B1500000),
    CONST(B1800),
    CONST(B19200),
    CONST(B200),
    CONST(B2000000),
    CONST(B230400),
    CONST(B2400),
    CONST(B2500000),
    CONST(B300),
    CONST(B3000000),
    CONST(B3500000),
    CONST(B38400),
    CONST(B4000000),
    CONST(B460800),
    CONST(B4800),
    CONST(B50),
    CONST(B500000),
    CONST(B57600),
    CONST(B576000),
    CONST(B600),
    CONST(B75),
    CONST(B921600),
    CONST(B9600),
    CONST(BRKINT),
    CONST(CLOCAL),
    CONST(CREAD),
    CONST(CS5),
    CONST(CS6),
    CONST(CS7),
    CONST(CS8),
    CONST(CSIZE),
    CONST(CSTOPB),
    CONST(ECHO),
    CONST(ECHOE),
    CONST(ECHOK),
    CONST(ECHONL),
    CONST(HUPCL),
    CONST(ICANON),
    CONST(ICRNL),
    CONST(IEXTEN),
    CONST(IGNBRK),
    CONST(IGNCR),
    CONST(IGNPAR),
    CONST(INLCR),
    CONST(INPCK),
    CONST(ISIG),
    CONST(ISTRIP),
    CONST(IXANY),
    CONST(IXOFF),
    CONST(IXON),
    CONST(NCCS),
    CONST(NOFLSH),
    CONST(OCRNL),
    CONST(ONLCR),
    CONST(ONLRET),
    CONST(OPOST),
    CONST(PARENB),
    CONST(PARMRK),
    CONST(PARODD),
    CONST(TCSADRAIN),
    CONST(TCSAFLUSH),
    CONST(TCSANOW),
    CONST(TOSTOP),
    CONST(VEOF),
    CONST(VEOL),
    CONST(VERASE),
    CONST(VINTR),
    CONST(VKILL),
    CONST(VMIN),
    CONST(VQUIT),
    CONST(VSTART),
    CONST(VSTOP),
    CONST(VSUSP),
    CONST(VTIME),
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(termios))),
    PX_ENTRY_OBJ(setraw, &termios_setraw_obj),
    PX_ENTRY_OBJ(tcgetattr, &termios_tcgetattr_obj),
    PX_ENTRY_OBJ(tcsetattr, &termios_tcsetattr_obj),
};
static PX_CONST_MAP(termios_globals, termios_table);
PX_MODULE_DEF(termios, termios_globals, 0, NULL);
