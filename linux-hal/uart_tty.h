/* Serial ports through the tty layer: open, line settings with termios2
 * (any baud rate, BOTHER), queue counts and break. Every function returns
 * 0 or an errno value; the Python side (machine_uart.c) words the errors. */
#ifndef PX_UART_TTY_H
#define PX_UART_TTY_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    uint32_t baud;
    unsigned bits;  /* 5..8 */
    int parity;     /* -1 none, 0 even, 1 odd */
    unsigned stop;  /* 1 or 2 */
    bool flow;      /* RTS/CTS hardware flow control (CRTSCTS) */
} px_uart_line;

/* Open path non-blocking, without making it the controlling terminal, and
 * switch it to raw mode (no echo, no line editing, no CR/LF translation,
 * no signals from characters, the receiver on). ENOTTY: not a tty. */
int px_uart_open(const char *path, int *fd);
int px_uart_set_line(int fd, const px_uart_line *line);
int px_uart_get_line(int fd, px_uart_line *line);
/* Bytes waiting in the kernel's receive / transmit queue. */
int px_uart_inq(int fd, int *n);
int px_uart_outq(int fd, int *n);
/* Whether the transmitter has sent its last bit: the transmit queue is
 * empty and, on UARTs that tell (8250's line status), so is the shift
 * register. */
int px_uart_tx_idle(int fd, bool *idle);
/* A break of 250 ms or so (the kernel's tcsendbreak(fd, 0)). */
int px_uart_break(int fd);
void px_uart_close(int fd);

#endif
