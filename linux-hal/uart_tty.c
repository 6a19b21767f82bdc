/* Serial ports through the tty layer (see uart_tty.h). termios2 from the
 * kernel's own header, not the C library's termios, so that any baud rate
 * can be asked for (BOTHER) and read back as a number. */
#include <asm/ioctls.h> /* TCGETS2, TCSETS2 (musl's sys/ioctl.h does not have them) */
#include <asm/termbits.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "uart_tty.h"

static int get(int fd, struct termios2 *t) {
    return ioctl(fd, TCGETS2, t) == 0 ? 0 : errno;
}

/* TCSETS2 applies at once; what the driver accepted is read back. */
static int set(int fd, const struct termios2 *t) {
    return ioctl(fd, TCSETS2, t) == 0 ? 0 : errno;
}

int px_uart_open(const char *path, int *fd) {
    int f = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (f < 0) {
        return errno;
    }
    struct termios2 t;
    int err = get(f, &t);
    if (err == 0) {
        t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON | IXOFF | IXANY);
        t.c_oflag &= ~(tcflag_t)OPOST;
        t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
        t.c_cflag |= CREAD | CLOCAL;
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        err = set(f, &t);
    }
    if (err != 0) {
        close(f);
        return err;
    }
    *fd = f;
    return 0;
}

/* The standard rates have their own codes, which programs using the
 * older termios calls (stty, pyserial) can read; others are BOTHER. */
static tcflag_t speed_code(uint32_t baud) {
    static const struct {
        uint32_t baud;
        tcflag_t code;
    } codes[] = {
        {50, B50},         {75, B75},         {110, B110},       {134, B134},       {150, B150},
        {200, B200},       {300, B300},       {600, B600},       {1200, B1200},     {1800, B1800},
        {2400, B2400},     {4800, B4800},     {9600, B9600},     {19200, B19200},   {38400, B38400},
        {57600, B57600},   {115200, B115200}, {230400, B230400}, {460800, B460800}, {500000, B500000},
        {576000, B576000}, {921600, B921600}, {1000000, B1000000}, {1152000, B1152000},
        {1500000, B1500000}, {2000000, B2000000}, {2500000, B2500000}, {3000000, B3000000},
        {3500000, B3500000}, {4000000, B4000000},
    };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        if (codes[i].baud == baud) {
            return codes[i].code;
        }
    }
    return BOTHER;
}

int px_uart_set_line(int fd, const px_uart_line *l) {
    static const tcflag_t sizes[] = {CS5, CS6, CS7, CS8};
    struct termios2 t;
    int err = get(fd, &t);
    if (err != 0) {
        return err;
    }
    t.c_cflag &= ~(tcflag_t)(CBAUD | (CBAUD << IBSHIFT) | CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
    tcflag_t code = speed_code(l->baud);
    t.c_cflag |= code | (code << IBSHIFT) | sizes[l->bits - 5];
    t.c_ispeed = t.c_ospeed = l->baud;
    if (l->parity >= 0) {
        t.c_cflag |= PARENB | (l->parity ? PARODD : 0);
        t.c_iflag |= INPCK;
    } else {
        t.c_iflag &= ~(tcflag_t)INPCK;
    }
    if (l->stop == 2) {
        t.c_cflag |= CSTOPB;
    }
    if (l->flow) {
        t.c_cflag |= CRTSCTS;
    }
    return set(fd, &t);
}

int px_uart_get_line(int fd, px_uart_line *l) {
    struct termios2 t;
    int err = get(fd, &t);
    if (err != 0) {
        return err;
    }
    l->baud = t.c_ospeed;
    l->bits = (t.c_cflag & CSIZE) == CS5 ? 5 : (t.c_cflag & CSIZE) == CS6 ? 6 : (t.c_cflag & CSIZE) == CS7 ? 7 : 8;
    l->parity = (t.c_cflag & PARENB) ? ((t.c_cflag & PARODD) ? 1 : 0) : -1;
    l->stop = (t.c_cflag & CSTOPB) ? 2 : 1;
    l->flow = (t.c_cflag & CRTSCTS) != 0;
    return 0;
}

int px_uart_inq(int fd, int *n) {
    return ioctl(fd, TIOCINQ, n) == 0 ? 0 : errno;
}

int px_uart_outq(int fd, int *n) {
    return ioctl(fd, TIOCOUTQ, n) == 0 ? 0 : errno;
}

int px_uart_tx_idle(int fd, bool *idle) {
    int n;
    int err = px_uart_outq(fd, &n);
    if (err != 0) {
        return err;
    }
    unsigned lsr = 0;
    if (n == 0 && ioctl(fd, TIOCSERGETLSR, &lsr) == 0) {
        *idle = (lsr & TIOCSER_TEMT) != 0;
    } else {
        *idle = n == 0; /* ptys and USB adapters do not report it */
    }
    return 0;
}

int px_uart_break(int fd) {
    return ioctl(fd, TCSBRK, 0) == 0 ? 0 : errno;
}

void px_uart_close(int fd) {
    close(fd);
}
