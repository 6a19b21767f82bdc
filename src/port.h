/* The port interface: everything the core needs from the system it runs
 * on. The core includes no OS header; posix/ and each mcu/ port implement
 * these functions. */
#ifndef PX_PORT_H
#define PX_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "config.h"
#include "value.h"

/* Console */
void px_port_stdout(const char *s, size_t n);
/* The port may buffer stdout: this writes out what is pending. */
void px_port_stdout_flush(void);
/* sys.stdout.buffer's writes: the bytes exactly as given, in order with
 * px_port_stdout's, where px_port_stdout may translate a console's "\n"
 * into "\r\n" (as a board's UART and a Linux terminal in PX_TERM_QUIET
 * do for text: mpremote mount's protocol writes binary there). */
void px_port_stdout_bytes(const char *s, size_t n);
void px_port_stderr(const char *s, size_t n);
int px_port_stdin_char(void); /* next byte, or -1 at end of input */
/* Bytes of stdin the port has read ahead and not handed out yet (select
 * counts them as input ready on sys.stdin). */
size_t px_port_stdin_pending(void);

/* The REPL's console (src/repl/; docs/repl.md, "Port hooks"). The REPL
 * writes and reads the console through these, never through stdio. */
typedef enum {
    PX_TERM_NORMAL, /* as the port found it: code runs, Ctrl-C interrupts */
    PX_TERM_RAW,    /* byte at a time, no echo, no signal on Ctrl-C (read as 3),
                       output written as given ("\n" stays "\n") */
    PX_TERM_QUIET,  /* code run from the raw REPL: no echo, input bytes as
                       sent (but the interrupt character), text output
                       "\n" as "\r\n", px_port_stdout_bytes untranslated */
} px_term_mode;
/* Is the console an interactive terminal? If not, the REPL reads
 * statements from px_port_stdin_char() without prompts (a pipe). */
bool px_port_term_interactive(void);
/* Switch the console's mode (cheap if it is in that mode already). */
void px_port_term_mode(px_term_mode mode);
/* Wait for the next console byte (0..255), -1 at end of input, or
 * PX_TERM_WAKE when the wait ended early because px_st.pending was set (a
 * signal, an event source, a scheduled callback): the REPL then handles
 * what is pending and calls again. While waiting the port serves its
 * event sources. Never raises. */
int px_port_term_read(void);
#define PX_TERM_WAKE (-2)
/* Write to the console now (after what px_port_stdout has buffered),
 * unbuffered and with no processing of its own. Never raises. */
void px_port_term_write(const char *s, size_t n);
/* Width of the console in columns (80 if unknown). */
int px_port_term_columns(void);
/* The REPL's history where it outlives the process (a file): the saved
 * lines, one per line, oldest first, in a GC block; NULL if none. Writing
 * replaces them. A port without storage returns NULL and ignores writes. */
char *px_port_history_read(size_t *len);
void px_port_history_write(const char *data, size_t len);
/* The first line of the REPL banner, MicroPython's shape: "MicroPython
 * v<version> on <date>; <machine>" (without a newline). */
const char *px_port_banner(void);

/* Time */
uint64_t px_port_ticks_ms(void);
uint64_t px_port_ticks_us(void);
/* Wall-clock time: nanoseconds since 1970-01-01 UTC (0 if unknown). */
int64_t px_port_time_ns(void);
/* Sleep; returns early if the scheduler has work (px_st.pending). */
void px_port_sleep_us(uint64_t us);
/* The local time zone at the instant `utc` (seconds since 1970-01-01 UTC):
 * local time minus UTC in seconds, and in *dst whether daylight saving
 * time is in effect. Read afresh each call, so a changed TZ takes effect.
 * A port without time zones returns 0 and false. */
int32_t px_port_tz_offset(int64_t utc, bool *dst);

/* Heap: a new region of at least `min` bytes for the GC (aligned to 16),
 * or NULL when the system has no more. *got receives its size. Its bytes
 * are zero (fresh anonymous memory, .bss, or cleared by the port): the
 * GC writes a page's record only when it first uses the page. */
void *px_port_heap_region(size_t min, size_t *got);
/* The default heap cap when the user does not set one. */
size_t px_port_heap_default_cap(void);

/* Files, as far as import and running scripts need them. */
typedef enum { PX_PATH_NONE, PX_PATH_FILE, PX_PATH_DIR } px_path_kind;
px_path_kind px_port_stat(const char *path);
/* Whole file contents in a GC block (NUL-terminated), or NULL with *err set to an errno value. */
char *px_port_read_file(const char *path, size_t *len, int *err);
/* Message for an errno value ("No such file or directory"). */
const char *px_port_strerror(int err);
/* The builtin open(file, mode='r', buffering=-1, encoding=None, errors=None,
 * newline=None, closefd=True, opener=None): a file object of the port. */
px_val px_port_open(size_t argc, const px_val *argv, px_val kwnames);

/* Interrupts and the scheduler */
void px_port_irq_lock(void);
void px_port_irq_unlock(void);
/* Called between bytecodes when px_st.pending is set, to collect events. */
void px_port_poll(void);
/* micropython.kbd_intr(c): the console character that raises
 * KeyboardInterrupt from now on (3 is Ctrl-C); -1: none, the character is
 * read as data. */
void px_port_set_interrupt_char(int c);

uint64_t px_port_random_seed(void);

/* Unrecoverable failure (a bug): print and end the process. */
PX_NORETURN void px_port_fatal(const char *msg);
/* End the process with a status (sys.exit at top level). */
PX_NORETURN void px_port_exit(int status);

#endif
