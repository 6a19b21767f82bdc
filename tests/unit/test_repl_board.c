/* The REPL as a board runs it (px_repl_board), on the bare port with a
 * scripted console: soft reset from the friendly and the raw REPL, what
 * start() is told, and the bytes the board writes. The console hooks of
 * port.h are defined here; input running out ends the test (a board's
 * loop never returns). */
#include <check.h>
#include <setjmp.h>
#include <string.h>

#include "port_bare.h"
#include "runtime.h"
#include "repl/repl.h"
#include "check_run.h"

static void *stack_top;

static const char *input; /* what the host types */
static size_t input_pos;
static jmp_buf done;      /* input ran out */
static char console[8192];
static size_t console_len;
static bool starts[8];    /* start()'s `raw`, per round */
static int nstarts;

bool px_port_term_interactive(void) {
    return true;
}
void px_port_term_mode(px_term_mode mode) {
    (void)mode;
}
int px_port_term_read(void) {
    if (input[input_pos] == '\0') {
        longjmp(done, 1);
    }
    return (unsigned char)input[input_pos++];
}
/* Program output (bare_out) and the REPL's own bytes go to one console,
 * in order: program output is copied over before each REPL write. */
static size_t copied;
static void sync_program_output(void) {
    size_t n = bare_out_len - copied;
    if (console_len + n < sizeof console) {
        memcpy(console + console_len, bare_out + copied, n);
        console_len += n;
    }
    copied = bare_out_len;
}
void px_port_term_write(const char *s, size_t n) {
    sync_program_output();
    if (console_len + n < sizeof console) {
        memcpy(console + console_len, s, n);
        console_len += n;
        console[console_len] = '\0';
    }
}
int px_port_term_columns(void) {
    return 80;
}
char *px_port_history_read(size_t *len) {
    *len = 0;
    return NULL;
}
void px_port_history_write(const char *data, size_t len) {
    (void)data;
    (void)len;
}
const char *px_port_banner(void) {
    return "MicroPython v0 on 2026-01-01; bare";
}

static void start(bool raw) {
    starts[nstarts++] = raw;
    bare_heap_reset();
    px_init(BARE_HEAP_SIZE, stack_top);
    bare_out_len = copied = 0;
}

/* Run the board on `typed`; the console afterwards. */
static const char *board(const char *typed) {
    input = typed;
    input_pos = 0;
    console_len = 0;
    nstarts = 0;
    if (setjmp(done) == 0) {
        px_repl_board(start, false);
    }
    sync_program_output();
    console[console_len] = '\0';
    return console;
}

#define BANNER "MicroPython v0 on 2026-01-01; bare\r\nType \"help()\" for more information.\r\n"

START_TEST(test_friendly_soft_reset) {
    const char *out = board("x = 41\r" "x + 1\r" "\x04" "x\r");
    ck_assert_int_eq(nstarts, 2);
    ck_assert(!starts[0] && !starts[1]);
    const char *reset = strstr(out, "42\n>>> \r\nMPY: soft reboot\r\n" BANNER ">>> ");
    ck_assert_msg(reset != NULL, "console: %s", out);
    ck_assert_msg(strstr(reset, "NameError") != NULL, "x survived the soft reset: %s", out);
    ck_assert(strncmp(out, BANNER ">>> ", strlen(BANNER ">>> ")) == 0);
}
END_TEST

START_TEST(test_raw_soft_reset) {
    const char *out = board("\x01" "y = 2\x04" "\x04" "print('y' in globals())\x04" "\x02");
    ck_assert_int_eq(nstarts, 2);
    ck_assert_msg(!starts[0] && starts[1], "main.py must be skipped after a raw REPL soft reset");
    const char *want = BANNER ">>> \r\nraw REPL; CTRL-B to exit\r\n>"
                       "OK\x04\x04>"
                       "OK\r\nMPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>"
                       "OKFalse\n\x04\x04>"
                       "\r\n" BANNER ">>> ";
    ck_assert_str_eq(out, want);
}
END_TEST

START_TEST(test_system_exit_soft_resets) {
    const char *out = board("raise SystemExit\r");
    ck_assert_int_eq(nstarts, 2);
    ck_assert_msg(strstr(out, "MPY: soft reboot\r\n" BANNER) != NULL, "console: %s", out);
}
END_TEST

START_TEST(test_raw_system_exit) {
    const char *out = board("\x01" "print('bye')\nraise SystemExit\x04" "print(1)\x04");
    ck_assert_int_eq(nstarts, 2);
    ck_assert_msg(!starts[0] && starts[1], "the raw REPL must come back after its soft reset");
    ck_assert_msg(strstr(out, ">OKbye\n\x04\x04MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>OK1\n\x04\x04>") != NULL,
                  "console: %s", out);
}
END_TEST

START_TEST(test_raw_paste) {
    const char *out = board("\x01\x05" "A\x01" "print(6 * 7)\x04");
    ck_assert_msg(strstr(out, ">R\x01\x80\x00\x01\x04" "42\n\x04\x04>") != NULL, "console: %s", out);
}
END_TEST

int main(void) {
    stack_top = __builtin_frame_address(0);
    Suite *s = suite_create("repl_board");
    TCase *tc = tcase_create("board");
    tcase_add_test(tc, test_friendly_soft_reset);
    tcase_add_test(tc, test_raw_soft_reset);
    tcase_add_test(tc, test_system_exit_soft_resets);
    tcase_add_test(tc, test_raw_system_exit);
    tcase_add_test(tc, test_raw_paste);
    suite_add_tcase(s, tc);
    return px_check_run(s, false);
}
