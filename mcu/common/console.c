/* The console on the board's UART: received bytes wait in a ring that a
 * soft reset keeps (what the host typed is not lost; when the ring is
 * full the board leaves bytes in the UART, so the host waits), the interrupt
 * character raises KeyboardInterrupt in running code, and output is
 * "cooked" as on every MicroPython board ("\n" goes out as "\r\n"). */
#include <stdint.h>
#include <string.h>

#include "runtime.h"
#include "cortex_m.h"
#include "mcu.h"
#include "mcu_port.h"

#define RX_SIZE 512u /* a power of two */

/* Written by the receive interrupt (head) and the interpreter (tail). */
static MCU_PERSIST struct {
    volatile uint8_t buf[RX_SIZE];
    volatile uint32_t head, tail; /* free-running; head - tail bytes are waiting */
} rx;

/* The interrupt character (-1: none) and whether it arrived since the
 * last poll; set up anew at each start. In the REPL's raw mode every
 * byte is data (its line editor reads Ctrl-C as a key). */
static volatile int intr_char = 3;
static volatile bool interrupted;
static volatile px_term_mode mode = PX_TERM_NORMAL;

void mcu_console_rx(uint8_t c) {
    if ((int)c == intr_char && mode != PX_TERM_RAW) {
        interrupted = true;
        px_st.pending = 1;
        return;
    }
    rx.buf[rx.head & (RX_SIZE - 1)] = c;
    rx.head++;
}

bool mcu_console_full(void) {
    return rx.head - rx.tail == RX_SIZE;
}

void px_port_set_interrupt_char(int c) {
    intr_char = c;
}

bool mcu_console_take_interrupt(void) {
    if (!interrupted) {
        return false;
    }
    interrupted = false;
    return true;
}

size_t px_port_stdin_pending(void) {
    return rx.head - rx.tail;
}

static int stdin_byte(void);

/* The next byte of the ring, which is not empty. */
static int take(void) {
    bool was_full = mcu_console_full();
    int c = rx.buf[rx.tail & (RX_SIZE - 1)];
    rx.tail++;
    if (was_full) {
        board_console_rx_resume();
    }
    return c;
}

/* Waits (asleep between interrupts) for a byte; scheduled work and a
 * KeyboardInterrupt run meanwhile when there is Python code to run them.
 * In the console's usual mode (code typed at the friendly REPL) it is a
 * terminal's cooked input, as on Linux: Enter ("\r") is "\n" and what
 * is typed is echoed; code run from the raw REPL (QUIET) reads bytes as
 * the host sends them. */
int px_port_stdin_char(void) {
    int c = stdin_byte();
    if (mode == PX_TERM_NORMAL) {
        if (c == '\r') {
            c = '\n';
        }
        if (c == '\n') {
            board_console_write("\r\n", 2);
        } else {
            char e = (char)c;
            board_console_write(&e, 1);
        }
    }
    return c;
}

static int stdin_byte(void) {
    while (rx.head == rx.tail) {
        if (px_st.pending && px_st.jmp_top != NULL) {
            px_check_pending();
            continue;
        }
        px_cm_irq_off(); /* no byte may slip in between the test and the sleep */
        if (rx.head == rx.tail && !px_st.pending) {
            px_cm_wfi();
        }
        px_cm_irq_on();
    }
    return take();
}

/* ---- the REPL's console (port.h's px_port_term_*) */

bool px_port_term_interactive(void) {
    return true;
}

/* The UART never echoes: QUIET is NORMAL. Back to NORMAL, Ctrl-C
 * interrupts again (undoing micropython.kbd_intr). */
void px_port_term_mode(px_term_mode m) {
    if (m != PX_TERM_RAW) {
        intr_char = 3;
    }
    mode = m;
}

int px_port_term_read(void) {
    px_cm_irq_off(); /* no byte may slip in between the test and the sleep */
    while (rx.head == rx.tail && !px_st.pending) {
        px_cm_wfi();
        px_cm_irq_on();
        px_cm_irq_off();
    }
    px_cm_irq_on();
    if (rx.head == rx.tail) {
        return PX_TERM_WAKE;
    }
    return take();
}

void px_port_term_write(const char *s, size_t n) {
    board_console_write(s, n);
}

int px_port_term_columns(void) {
    return 80;
}

/* ---- program output: each "\n" becomes "\r\n" (not in raw mode) */
static void cooked(const char *s, size_t n) {
    if (mode == PX_TERM_RAW) {
        board_console_write(s, n);
        return;
    }
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        size_t k = nl == NULL ? n : (size_t)(nl - s);
        board_console_write(s, k);
        if (nl == NULL) {
            return;
        }
        board_console_write("\r\n", 2);
        s += k + 1;
        n -= k + 1;
    }
}

void px_port_stdout(const char *s, size_t n) {
    cooked(s, n);
}

void px_port_stdout_bytes(const char *s, size_t n) {
    board_console_write(s, n);
}

void px_port_stdout_flush(void) {
    /* nothing is buffered: board_console_write waits for the UART */
}

void px_port_stderr(const char *s, size_t n) {
    cooked(s, n);
}
