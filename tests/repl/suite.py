#!/usr/bin/env python3
"""The interactive REPL, driven through a real pseudo-terminal (and pipes).

    python3 tests/repl/suite.py --binary build/micropython [-k PAT]

Each test starts the binary on a fresh pty (80x24, a temporary HOME), types
keys and waits for output with a deadline, so a broken REPL fails a test
instead of hanging it. Prints `ok NAME`, `FAIL NAME` with indented details,
or `skip NAME: why` (tests/suitelib.py); exits 1 only if it could not run.
"""
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import suitelib  # noqa: E402
from suitelib import Fail  # noqa: E402

TIMEOUT = 5.0
PROMPT = b"\r\n>>> "  # a fresh prompt (a redraw starts with "\r" alone)
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
LEFT, RIGHT, UP, DOWN = b"\x1b[D", b"\x1b[C", b"\x1b[A", b"\x1b[B"


def base_env():
    """A small environment: PATH, and sanitizer options when set."""
    keep = ("PATH", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.setdefault("PATH", "/usr/bin:/bin")
    return env


class Session:
    """The binary on the slave side of a pty; we hold the master."""

    def __init__(self, binary, args=(), home=None):
        self.home = home or tempfile.mkdtemp(prefix="repl-home-")
        self.own_home = home is None
        env = dict(base_env(), HOME=self.home, TERM="xterm")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            try:
                os.execve(binary, [binary, *args], env)
            finally:
                os._exit(127)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.out = b""  # everything received
        self.pos = 0  # how far expect() has consumed
        self.status = None

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        os.write(self.fd, data)

    def _read(self, timeout):
        r, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not r:
            return False
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # EIO: the child closed the pty
            chunk = b""
        if not chunk:
            raise EOFError
        self.out += chunk
        return True

    def expect(self, what, timeout=TIMEOUT):
        """Wait for bytes (or a compiled regex) after the last match; returns
        the text between the last match and the end of this one."""
        deadline = time.monotonic() + timeout
        while True:
            if isinstance(what, bytes):
                i = self.out.find(what, self.pos)
                end = i + len(what) if i >= 0 else -1
            else:
                m = what.search(self.out, self.pos)
                i, end = (m.start(), m.end()) if m else (-1, -1)
            if i >= 0:
                seen = self.out[self.pos:end]
                self.pos = end
                return seen
            try:
                if not self._read(deadline - time.monotonic()) and time.monotonic() >= deadline:
                    raise Fail(f"timed out waiting for {what!r}; got {self.out[self.pos:]!r}")
            except EOFError:
                raise Fail(f"end of output waiting for {what!r}; got {self.out[self.pos:]!r}")

    def wait_signals_on(self, timeout=TIMEOUT):
        """Wait until the terminal is out of raw mode (ISIG on: code runs)."""
        deadline = time.monotonic() + timeout
        while not termios.tcgetattr(self.fd)[3] & termios.ISIG:
            if time.monotonic() >= deadline:
                raise Fail("the terminal stayed in raw mode while code runs")
            time.sleep(0.01)

    def line(self, text, reply_until=PROMPT):
        """Type a line, wait for the next prompt; returns the output between."""
        self.send(text + "\r")
        return self.expect(reply_until)

    def wait(self, timeout=TIMEOUT):
        """Wait for the process to exit (draining output); its exit status."""
        deadline = time.monotonic() + timeout
        while self.status is None:
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(st)
                break
            if time.monotonic() >= deadline:
                raise Fail(f"did not exit; output {self.out[self.pos:]!r}")
            try:
                self._read(0.05)
            except EOFError:
                time.sleep(0.01)
        return self.status

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.fd)
        if self.own_home:
            shutil.rmtree(self.home, ignore_errors=True)


def check(cond, msg):
    if not cond:
        raise Fail(msg)


def has(out, text, msg=None):
    if isinstance(text, str):
        text = text.encode()
    check(text in out, msg or f"expected {text!r} in {out!r}")


# ---- tests: each takes a fresh Session started at the first prompt


def t_banner_and_prompt(s):
    # MicroPython's shape, which tools look for
    banner = re.compile(rb"MicroPython v\d+\.\d+\.\d+\S* on \d{4}-\d\d-\d\d; linux \[[^]]+\] with \w+\r\n"
                        rb'Type "help\(\)" for more information\.\r\n>>> $')
    check(banner.match(s.out) is not None, f"banner {s.out!r}")


def t_expression_echo_and_underscore(s):
    has(s.line("1 + 2"), "3\r\n")
    has(s.line("_ * 10"), "30\r\n")
    out = s.line("x = 5")
    check(out == b"x = 5" + PROMPT, f"assignment echoed something: {out!r}")
    has(s.line("None; _"), "30\r\n")


def t_exception_then_continue(s):
    has(s.line("1/0"), "ZeroDivisionError")
    has(s.line("print('after')"), "after\r\n")


def t_left_right(s):
    s.send("print(12)" + (LEFT * 2).decode() + "3" + RIGHT.decode() + RIGHT.decode() + "\r")
    has(s.expect(PROMPT), "132\r\n")
    s.send("print(45)" + "\x02\x02" + "9" + "\x06" + "0" + "\r")  # Ctrl-B / Ctrl-F
    has(s.expect(PROMPT), "4950\r\n")


def t_home_end_keys(s):
    for home, end in [("\x1b[H", "\x1b[F"), ("\x1b[1~", "\x1b[4~"), ("\x1bOH", "\x1bOF"),
                      ("\x1b[7~", "\x1b[8~"), ("\x01", "\x05")]:
        s.send("(7)" + home + "print" + end + " # c\r")
        has(s.expect(PROMPT), "7\r\n", f"home {home!r} / end {end!r}: {s.out[-80:]!r}")


def t_backspace_delete(s):
    s.send("print(99x\x7f)\r")
    has(s.expect(PROMPT), "99\r\n")
    s.send("print(88y\x08)\r")
    has(s.expect(PROMPT), "88\r\n")
    # Delete (ESC [ 3 ~) and Ctrl-D on a non-empty line delete under the cursor
    s.send("print(1234)\x1b[H" + RIGHT.decode() * 7 + "\x1b[3~\x04\r")
    has(s.expect(PROMPT), "14\r\n")


def t_kill_keys(s):
    s.send("print(5)xyz" + LEFT.decode() * 3 + "\x0b\r")  # Ctrl-K
    has(s.expect(PROMPT), "5\r\n")
    s.send("garbage\x15print(6)\r")  # Ctrl-U
    has(s.expect(PROMPT), "6\r\n")
    s.send("print(7) foo.bar\x17\r")  # Ctrl-W
    has(s.expect(PROMPT), "7\r\n")
    s.send("print(8) #a b\x1b\x7f\x1b\x7f)\r")  # Alt-Backspace twice leaves "print(8) #"
    has(s.expect(PROMPT), "8\r\n")


def t_history_up_down(s):
    s.line("a = 41")
    has(s.line("print(a + 1)"), "42\r\n")
    s.line("a = 1")
    s.send(UP + UP + b"\r")  # back to print(a + 1)
    has(s.expect(PROMPT), "2\r\n")
    s.send(UP + UP + UP + DOWN + DOWN + b"\r")  # up 3 (a = 1), down 2: print(a + 1)
    has(s.expect(PROMPT), "2\r\n")
    s.send(b"abc" + UP + DOWN + b"\x15print('kept')\r")  # down returns to the edited line
    has(s.expect(PROMPT), "kept\r\n")
    s.send(b"\x10\r")  # Ctrl-P
    has(s.expect(PROMPT), "kept\r\n")


def t_history_file(s, binary):
    s.line("hist_marker = 123")
    s.line("print(hist_marker)")
    s.send("\x04")
    check(s.wait() == 0, f"exit status {s.status}")
    path = os.path.join(s.home, ".micropython", "history")
    check(os.path.exists(path), "history file not written")
    with open(path) as f:
        lines = f.read().splitlines()
    check(lines[-2:] == ["hist_marker = 123", "print(hist_marker)"], f"history file: {lines!r}")
    # a new session starts with that history
    s2 = Session(binary, home=s.home)
    try:
        s2.expect(PROMPT)
        s2.send(UP + b"\r")  # print(hist_marker), in a namespace without it
        has(s2.expect(PROMPT), "NameError", "old history line did not come back")
    finally:
        s2.close()


def t_auto_indent(s):
    s.send("for i in range(3):\r")
    s.expect(b"... ")
    s.send("print(i * 10)\r")
    out = s.expect(b"... ")
    has(out, "    print(i * 10)", "body not auto-indented")
    s.send("\r\r\r")  # two lines of spaces, then an empty line runs it
    has(s.expect(PROMPT), "0\r\n10\r\n20\r\n")


def t_ctrl_d_ends_block(s):
    # Ctrl-D on a continuation line holding only the auto-indent runs the
    # block (and does not exit)
    s.send("for i in range(2):\r")
    s.expect(b"... ")
    s.send("print(i * 3)\r")
    s.expect(b"...     ")
    s.send("\x04")
    has(s.expect(PROMPT), "0\r\n3\r\n")
    s.send("if True:\r")
    s.send("print('a')\r")
    s.send("  \x04")  # spaces typed after the indent count too
    has(s.expect(PROMPT), "a\r\n")
    has(s.line("print('alive')"), "alive\r\n")


def t_indent_backspace(s):
    s.send("def f():\r")
    s.send("if True:\r")
    s.send("return 7\r")  # offered 8 spaces next
    s.send("\x7f\x7f\r")  # two indent levels removed: an empty line ends the def
    s.expect(PROMPT)
    has(s.line("f()"), "7\r\n")


def t_brackets_and_strings_continue(s):
    s.send("(1 +\r")
    s.expect(b"... ")
    s.send("\r")  # an empty line does not end an open bracket
    s.expect(b"... ")
    s.send("2)\r")
    has(s.expect(PROMPT), "3\r\n")
    s.send("'''a\r")
    s.expect(b"... ")
    s.send("b'''\r")
    has(s.expect(PROMPT), "'a\\nb'\r\n")
    s.send("1 + \\\r")
    s.expect(b"... ")
    s.send("1\r")
    has(s.expect(PROMPT), "2\r\n")


def t_utf8_editing(s):
    s.send("print('\u00e9x')" + LEFT.decode() * 3 + "\x7f\r")  # Backspace removes the 2-byte char
    has(s.expect(PROMPT), "x\r\n")
    s.send("print('\u00e9\u20ac')" + LEFT.decode() * 3 + "\x1b[3~\r")  # Delete removes the euro sign
    has(s.expect(PROMPT), "\u00e9\r\n".encode())


def t_input_in_repl(s):
    s.send("x = input('name? ')\r")
    s.expect(b"')\r\nname? ")  # the prompt input() writes, not the echo of the line
    s.send("abc\r")
    s.expect(PROMPT)
    has(s.line("x"), "'abc'\r\n")


def t_tab_completion_unique(s):
    s.line("zzq_value = 77")
    s.send("zzq\t\r")
    has(s.expect(PROMPT), "77\r\n")
    s.line("K = type('K', (), {'alpha_one': 1, 'alpha_two': 2, 'beta': 3})")
    s.send("K.be\t\r")
    has(s.expect(PROMPT), "3\r\n")
    s.send("import sys\r")
    s.expect(PROMPT)
    s.send("sys.maxs\t == sys.maxsize\r")
    has(s.expect(PROMPT), "True\r\n")


def t_tab_completion_multiple(s):
    s.line("K = type('K', (), {'alpha_one': 1, 'alpha_two': 2, 'beta': 3})")
    s.send("K.al\t")  # extends to the common prefix K.alpha_
    s.expect(b"pha_")
    s.send("\t")  # nothing more to add: the matches are listed
    out = s.expect(re.compile(rb"alpha_one +alpha_two\r\n"))
    s.expect(b"\r>>> K.alpha_")  # prompt and line redrawn
    s.send("two\r")
    has(s.expect(PROMPT), "2\r\n")
    s.send("\t\t")  # Tab at the start of a line indents
    s.send("\x15print(len('x'))\r")
    has(s.expect(PROMPT), "1\r\n")


def t_tab_completion_keywords(s):
    s.send("whi\tle False: pass\r\r")  # a keyword completes like a name
    s.expect(PROMPT)
    s.send("x = Tr\t\r")
    s.expect(PROMPT)
    has(s.line("x"), "True\r\n")
    s.send("as\t")  # as, ascii, assert, async: the common prefix only
    s.send("\t")
    s.expect(re.compile(rb"as +ascii +assert +async\r\n"))
    s.send("\x15")


def t_tab_completion_modules(s):
    s.send("import micropyt\t\r")  # after import: the modules in the binary
    s.expect(PROMPT)
    has(s.line("micropython.__name__"), "'micropython'\r\n")
    s.send("import string.t\t\r")  # dotted names complete whole
    s.expect(PROMPT)
    has(s.line("string.templatelib.__name__"), "'string.templatelib'\r\n")
    s.send("from ti\t import sleep_ms\r")
    s.expect(PROMPT)
    has(s.line("sleep_ms"), "function sleep_ms>")
    s.send("import sys, ar\t as a\r")  # and after a comma
    s.expect(PROMPT)
    has(s.line("a.__name__"), "'array'\r\n")
    s.send("from sys import pa\t")  # a name in the module is not a module
    s.send("\x15")
    s.expect(b"\r>>> ")
    s.send("ma\t")  # not after import: map and max, not machine
    s.send("\t")
    out = s.expect(re.compile(rb"map +max\r\n"))
    check(b"machine" not in out, f"module name offered outside import: {out!r}")
    s.send("\x15")


def t_tab_completion_mid_line(s):
    s.line("K = type('K', (), {'alpha_one': 1, 'alpha_two': 2})")
    s.send("print(K.alpha_) # end")
    s.send(LEFT * 7 + b"\t")  # list the matches; the cursor stays after "alpha_"
    s.expect(re.compile(rb"alpha_one +alpha_two\r\n"))
    s.send("one\r")
    has(s.expect(PROMPT), "1\r\n")


def t_ctrl_c_cancels_line(s):
    s.send("print('not run')\x03")
    out = s.expect(PROMPT)
    check(b"not run\r\n" not in out and b"Traceback" not in out, f"Ctrl-C output: {out!r}")
    s.send("for i in range(3):\r")
    s.expect(b"... ")
    s.send("\x03")  # also cancels a continuation
    s.expect(PROMPT)
    has(s.line("print('yes')"), "yes\r\n")


def t_ctrl_c_interrupts_loop(s):
    s.send("while True: pass\r")
    s.wait_signals_on()
    time.sleep(0.1)
    s.send("\x03")
    out = s.expect(PROMPT)
    has(out, "KeyboardInterrupt")
    has(s.line("print('alive')"), "alive\r\n")


def t_paste_mode(s):
    s.send("\x05")
    s.expect(b"paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
    s.send("def foo():\r    print('pasted')\r\r    return 3\rprint(foo())\r\x04")
    out = s.expect(PROMPT)
    has(out, "pasted\r\n3\r\n")
    check(b"=== def foo():" in s.out, "paste mode did not echo with === prompts")
    s.send("\x05zz_pasted = 1\r\x03")  # cancelled: nothing runs
    s.expect(PROMPT)
    has(s.line("print('zz_pasted' in globals())"), "False\r\n")


def t_raw_repl(s):
    s.send("\x01")
    s.expect(b"\r\n" + RAW_BANNER)
    s.send("print(123)\x04")
    out = s.expect(b">")
    check(out == b"OK123\r\n\x04\x04>", f"raw REPL answer {out!r}")
    s.send("1/0\x04")
    out = s.expect(b"\x04>")
    check(out.startswith(b"OK\x04Traceback") and b"ZeroDivisionError" in out, f"error answer {out!r}")
    s.send("xx\x03print('after cancel')\x04")  # Ctrl-C clears the buffer
    check(s.expect(b"\x04>") == b"OKafter cancel\r\n\x04\x04>", "Ctrl-C in raw REPL")
    s.send("\x02")  # Ctrl-B: friendly REPL again, with its banner
    out = s.expect(PROMPT)
    has(out, "MicroPython")
    has(s.line("print('friendly')"), "friendly\r\n")


def t_raw_repl_interrupt(s):
    s.send("\x01")
    s.expect(RAW_BANNER)
    s.send("while True: pass\x04")
    s.expect(b"OK")
    s.wait_signals_on()
    time.sleep(0.1)
    s.send("\x03")
    out = s.expect(b"\x04>")
    check(out.startswith(b"\x04Traceback") and b"KeyboardInterrupt" in out, f"answer {out!r}")
    s.send("print('still here')\x04")
    check(s.expect(b"\x04>") == b"OKstill here\r\n\x04\x04>", "raw REPL after an interrupt")


def t_raw_repl_pyboard_sequence(s):
    # what pyboard.py / mpremote send: interrupt, enter raw REPL, soft reset, run
    s.send(b"\r\x03\x03")
    s.expect(PROMPT)
    s.send(b"\r\x01")
    s.expect(RAW_BANNER)
    s.send(b"\x04")
    s.expect(b"soft reboot\r\n")
    s.expect(b"raw REPL; CTRL-B to exit\r\n")
    s.expect(b">")
    s.send(b"import sys\nprint(sys.implementation.name)\x04")
    check(s.expect(b"\x04>") == b"OKmicropython\r\n\x04\x04>", "exec answer")
    s.send(b"\r\x03\x03\r\x01")  # entering again from the raw REPL itself
    s.expect(RAW_BANNER)


def raw_paste(s, code):
    """The host side of raw-paste mode, with flow control as pyboard.py does it."""
    s.send(b"\x05A\x01")
    s.expect(b"R\x01")
    while len(s.out) < s.pos + 2:
        s._read(TIMEOUT)
    inc = struct.unpack("<H", s.out[s.pos:s.pos + 2])[0]
    s.pos += 2
    window = inc
    i = 0
    while i < len(code):
        while window == 0 or len(s.out) > s.pos:
            if len(s.out) == s.pos:
                s._read(TIMEOUT)
            b = s.out[s.pos:s.pos + 1]
            s.pos += 1
            if b == b"\x01":
                window += inc
            else:
                raise Fail(f"unexpected flow-control byte {b!r}")
        n = min(window, len(code) - i)
        s.send(code[i:i + n])
        window -= n
        i += n
    s.send(b"\x04")
    s.expect(b"\x04")  # end of data acknowledged (skips pending \x01s)
    return s.expect(re.compile(rb"\x04[^\x04]*\x04>"))


def t_raw_paste(s):
    s.send("\x01")
    s.expect(RAW_BANNER)
    out = raw_paste(s, b"print(123)")
    check(out == b"123\r\n\x04\x04>", f"raw paste answer {out!r}")
    code = b"x = '" + b"a" * 2000 + b"'\nprint(len(x))\n"
    out = raw_paste(s, code)
    check(out == b"2000\r\n\x04\x04>", f"large raw paste {out!r}")
    out = raw_paste(s, b"raise ValueError('bad')")
    check(out.startswith(b"\x04Traceback") and b"ValueError: bad" in out, f"raw paste error {out!r}")


def t_raw_soft_reset(s):
    s.send("\x01")
    s.expect(RAW_BANNER)
    s.send("soft_var = 1\x04")
    s.expect(b"\x04\x04>")
    s.send("\x04")  # Ctrl-D on an empty buffer: soft reset
    s.expect(b"soft reboot\r\n" + RAW_BANNER)
    s.send("print('soft_var' in globals(), __name__)\x04")
    check(s.expect(b"\x04>") == b"OKFalse __main__\r\n\x04\x04>", "namespace not reset")


def t_scheduled_callback_at_prompt(s):
    s.line("import micropython")
    s.send("micropython.schedule(print, 'from callback')\r")
    s.expect(b">>> from callback\r\n")  # runs while the REPL waits
    s.expect(b"\r>>> ")  # then the prompt is redrawn
    has(s.line("print('next')"), "next\r\n")


def t_sigint_at_prompt(s):
    s.send("print('typed')")
    s.expect(b"print('typed')")
    os.kill(s.pid, signal.SIGINT)  # as `kill -INT`: cancels the line like Ctrl-C
    out = s.expect(PROMPT)
    check(b"typed\r\n" not in out and b"Traceback" not in out, f"output {out!r}")
    out = s.line("print(1)")
    check(b"KeyboardInterrupt" not in out and b"1\r\n" in out, f"stale interrupt: {out!r}")


def t_banner_and_clear_keys(s):
    s.send("\x02")  # Ctrl-B on an empty line: the banner again
    has(s.expect(PROMPT), "MicroPython")
    s.send("print(3)\x0c\r")  # Ctrl-L clears the screen and redraws the line
    out = s.expect(PROMPT)
    has(out, "\x1b[2J")
    has(out, "3\r\n")


def t_sigterm_at_prompt(s):
    s.line("hist_term = 1")
    os.kill(s.pid, signal.SIGTERM)  # exits (SystemExit) and still saves history
    check(s.wait() == 143, f"exit status {s.status}")
    with open(os.path.join(s.home, ".micropython", "history")) as f:
        check("hist_term = 1" in f.read(), "history not saved on SIGTERM")


def t_hangup_at_prompt(s):
    # the terminal goes away (the pty's master closes): the kernel sends
    # SIGHUP, which ends the REPL like SIGTERM, saving the history
    s.line("hist_hup = 1")
    os.close(s.fd)
    s.fd = os.open(os.devnull, os.O_RDONLY)  # for close()
    deadline = time.monotonic() + TIMEOUT
    while s.status is None:
        pid, st = os.waitpid(s.pid, os.WNOHANG)
        if pid:
            s.status = os.waitstatus_to_exitcode(st)
        elif time.monotonic() >= deadline:
            raise Fail("did not exit after the hangup")
        else:
            time.sleep(0.02)
    check(s.status == 129, f"exit status {s.status}")
    with open(os.path.join(s.home, ".micropython", "history")) as f:
        check("hist_hup = 1" in f.read(), "history not saved on SIGHUP")


def t_ctrl_d_exits(s):
    s.send("\x04")
    check(s.wait() == 0, f"exit status {s.status}")


def t_sys_exit(s):
    s.line("import sys")
    s.send("sys.exit(3)\r")
    check(s.wait() == 3, f"exit status {s.status}")


def t_ps1_ps2(s):
    s.send("import sys; sys.ps1 = 'py> '; sys.ps2 = '..> '\r")
    s.expect(b"\r\npy> ")
    s.send("if 1:\r")
    s.expect(b"..> ")
    s.send("x = 2\r\x7f\r")
    s.expect(b"\r\npy> ")


PTY_TESTS = [t for name, t in sorted(globals().items()) if name.startswith("t_")]


# ---- pipes: no terminal, no prompts


def run_pipe(binary, args, stdin, home):
    env = dict(base_env(), HOME=home)
    return subprocess.run([binary, *args], input=stdin.encode(), capture_output=True,
                          env=env, timeout=TIMEOUT)


def p_pipe_print(binary, home):
    r = run_pipe(binary, [], "print(1+1)\n", home)
    check(r.stdout == b"2\n" and r.returncode == 0, f"got {r.stdout!r} {r.stderr!r}")


def p_pipe_def_and_calls(binary, home):
    r = run_pipe(binary, [], "def f(x):\n    return x * 2\nprint(f(3))\nprint(f(4))\n", home)
    check(r.stdout == b"6\n8\n", f"got {r.stdout!r} {r.stderr!r}")


def p_pipe_interactive_statements(binary, home):
    # -i: the REPL reads statements from the pipe without prompts or echo,
    # echoing expression values; an unindented line ends a block.
    src = "def f(x):\n    if x:\n        return 1\n    else:\n        return 2\nf(0)\n1/0\nf(1)\n"
    r = run_pipe(binary, ["-i", "-c", "pass"], src, home)
    check(r.stdout == b"2\n1\n", f"got {r.stdout!r}")
    has(r.stderr, "ZeroDivisionError")


def p_pipe_no_history(binary, home):
    run_pipe(binary, ["-i", "-c", "pass"], "x = 1\nx\n", home)
    check(not os.path.exists(os.path.join(home, ".micropython", "history")),
          "history written without a terminal")


PIPE_TESTS = [p_pipe_print, p_pipe_def_and_calls, p_pipe_interactive_statements, p_pipe_no_history]


def name_of(f):
    return f.__name__[2:]


def pty_test(binary, t):
    """t on a fresh Session started at the first prompt."""
    def run():
        s = Session(binary)
        try:
            s.expect(PROMPT)
            if t.__code__.co_argcount == 2:
                t(s, binary)
            else:
                t(s)
        finally:
            s.close()
    return run


def pipe_test(binary, t):
    """t with a fresh temporary HOME."""
    def run():
        home = tempfile.mkdtemp(prefix="repl-home-")
        try:
            t(binary, home)
        finally:
            shutil.rmtree(home, ignore_errors=True)
    return run


def main():
    args = suitelib.arg_parser(__doc__).parse_args()
    binary = suitelib.binary_or_exit(args.binary)
    tests = [(name_of(t), pty_test(binary, t)) for t in PTY_TESTS]
    tests += [(name_of(t), pipe_test(binary, t)) for t in PIPE_TESTS]
    suitelib.run_tests(tests, args.pattern)
    return 0


if __name__ == "__main__":
    sys.exit(main())
