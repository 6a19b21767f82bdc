#!/usr/bin/env python3
"""The microcontroller firmware under QEMU (mcu/, docs/mcu.md).

    python3 tests/mcu/suite.py --binary build/micropython [-k PAT]

Builds build-an385/firmware.elf (meson's cross build with
mcu/mps2-an385/cross.ini), boots it in qemu-system-arm and runs board
tests (board/: the banner, the REPL's modes, soft reset, Ctrl-C, the heap,
machine's board-wide functions and reset causes, select.poll on the
console, an asyncio program, errno, the file system with boot.py and
main.py, a fault), tests/mpremote's checks with mpremote on the board's serial
port (mpremote/: QEMU offers it as a pty), and the language tests
(lang/: tests/lang/*.py) through the raw REPL in raw-paste mode, as
mpremote sends code, in the 32-bit value representation with the board's
64 KiB heap. Each test is compared with the same expected output
as tests/run.py uses on Linux (CPython's, or the test's .exp; the .err
file with the traceback's file name as the board gives it, "<stdin>").
One QEMU boot serves many tests: Ctrl-D in the raw REPL soft-resets the
board between two. A test that hangs is interrupted with Ctrl-C; a board
that stops answering is booted again.

Tests the board cannot run are listed in tests/mcu/unsupported.txt, each
with the reason, and reported as skipped (--all runs them too); tests
marked `# needs: X` for a feature the firmware is built without
(BOARD_WITHOUT), or `# needs: no-X` for one it has, are skipped too.
Without the cross compiler or QEMU every test is skipped (failed under
PX_CI=1, where CI has installed them).
"""
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import concurrent.futures as cf

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import run as lang  # noqa: E402  tests/run.py: expected outputs, `# needs:`
from suitelib import ROOT, Fail, Skip, arg_parser, fail, ok, skip  # noqa: E402
from suitelib import outcome as lang_outcome  # noqa: E402
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # also when loaded by tests/run.py
import sizes  # noqa: E402  tests/mcu/sizes.py: flash and RAM, budgets

BUILD = os.path.join(ROOT, "build-an385")
CROSS = os.path.join(ROOT, "mcu", "mps2-an385", "cross.ini")
QEMU = ["qemu-system-arm", "-machine", "mps2-an385", "-nographic", "-monitor", "null", "-kernel"]
UNSUPPORTED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "unsupported.txt")
# what mcu/mps2-an385/px_config.h turns off, as `# needs:` names it
BOARD_WITHOUT = {"complex"}
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n"
TEST_TIMEOUT = 60  # seconds for one test on the emulated board
WORKERS = 2  # boards booted side by side


class BoardGone(Exception):
    """The board stopped answering (or QEMU ended): boot another."""


class Board:
    """One QEMU running the firmware, its console on our pipes; a thread
    collects what the board writes."""

    def __init__(self, elf):
        self.proc = subprocess.Popen(QEMU + [elf], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.buf = bytearray()
        self.eof = False
        self.cond = threading.Condition()
        threading.Thread(target=self._reader, daemon=True).start()
        self.enter_raw()

    def _reader(self):
        fd = self.proc.stdout.fileno()
        while True:
            data = os.read(fd, 4096)
            with self.cond:
                if not data:
                    self.eof = True
                else:
                    self.buf += data
                self.cond.notify_all()
            if not data:
                return

    def close(self):
        self.proc.kill()
        self.proc.wait()

    def write(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except OSError as e:
            raise BoardGone(f"writing to QEMU: {e}")

    def read_until(self, ending, timeout):
        """What the board wrote up to and including `ending` (taken from
        the buffer); BoardGone if it does not come in time."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                i = self.buf.find(ending)
                if i >= 0:
                    data = bytes(self.buf[:i + len(ending)])
                    del self.buf[:i + len(ending)]
                    return data
                left = deadline - time.monotonic()
                if self.eof or left <= 0:
                    got = bytes(self.buf[-300:])
                    raise BoardGone(f"waited {timeout} s for {ending!r}; the board wrote at the end: {got!r}"
                                    + (" (QEMU ended)" if self.eof else ""))
                self.cond.wait(left)

    def read_exact(self, n, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while len(self.buf) < n:
                left = deadline - time.monotonic()
                if self.eof or left <= 0:
                    raise BoardGone(f"waited {timeout} s for {n} bytes, got {bytes(self.buf)!r}")
                self.cond.wait(left)
            data = bytes(self.buf[:n])
            del self.buf[:n]
            return data

    def enter_raw(self):
        """From wherever the board is (booting, running, friendly REPL)
        to the raw REPL's prompt, as mpremote does it."""
        self.write(b"\r\x03\x03")
        time.sleep(0.05)
        self.write(b"\r\x01")
        self.read_until(RAW_BANNER + b">", 20)
        with self.cond:
            self.buf.clear()

    def soft_reset(self):
        """Ctrl-D on the raw REPL's empty buffer: a fresh interpreter,
        back in the raw REPL."""
        self.write(b"\x04")
        self.read_until(b"soft reboot\r\n", 20)
        self.read_until(RAW_BANNER + b">", 20)

    def exec(self, code, timeout):
        """Run code in raw-paste mode (flow control by the board's
        window): (stdout, stderr) of it, with the board's "\\r\\n" as
        "\\n"; on timeout, Ctrl-C ends it and Fail says so."""
        self.write(b"\x05A\x01")
        head = self.read_exact(2, 10)
        if head != b"R\x01":
            raise BoardGone(f"raw-paste refused: {head!r}")
        window = int.from_bytes(self.read_exact(2, 10), "little")
        remain = window
        i = 0
        while i < len(code):
            while remain == 0 or self._pending():
                b = self.read_exact(1, 20)
                if b == b"\x01":
                    remain += window
                elif b == b"\x04":  # the board ends the paste early (a syntax error)
                    break
                else:
                    raise BoardGone(f"unexpected {b!r} during raw-paste")
            else:
                chunk = code[i:i + remain]
                self.write(chunk)
                remain -= len(chunk)
                i += len(chunk)
                continue
            break
        self.write(b"\x04")
        self.read_until(b"\x04", 20)  # the board's acknowledgement
        try:
            out = self.read_until(b"\x04", timeout)[:-1]
        except BoardGone:
            self.write(b"\x03")  # interrupt it: the board must come back
            self.read_until(b"\x04", 10)
            self.read_until(b"\x04", 10)
            self.read_until(b">", 10)
            raise Fail(f"timed out after {timeout} s on the board (interrupted with Ctrl-C)")
        err = self.read_until(b"\x04", 20)[:-1]
        self.read_until(b">", 10)
        return (out.replace(b"\r\n", b"\n").decode("utf-8", "replace"),
                err.replace(b"\r\n", b"\n").decode("utf-8", "replace"))

    def _pending(self):
        with self.cond:
            return len(self.buf) > 0


def unsupported():
    """tests/mcu/unsupported.txt: `NAME: reason`, one a line (NAME.py for
    a language test, the check's name for mpremote's)."""
    found = {}
    with open(UNSUPPORTED, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, _, why = line.partition(": ")
                found[name.strip()] = why.strip()
    return found


# ---- mpremote, MicroPython's own tool, on the board's serial port

def mpremote_checks(elf, pattern, listed, run_all):
    """tests/mpremote's checks (the raw REPL protocol byte by byte,
    mpremote's commands and its test scripts) against a board whose
    console QEMU offers as a pty, as a user's mpremote would find it."""
    spec = importlib.util.spec_from_file_location("mpremote_suite", os.path.join(ROOT, "tests", "mpremote", "suite.py"))
    mp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mp)
    chosen = [(n, c) for n, c in mp.checks() if pattern in f"mpremote/{n}"]
    why = mp.runnable()
    names = {n for n, _ in mp.checks()}
    for n in listed:
        # (without mpremote its own scripts are not known: nothing to check)
        if not n.endswith(".py") and n not in names and not (why and n.startswith("script:")):
            fail(f"unsupported.txt/{n}", "lists an mpremote check that does not exist")
    if why:
        for n, _ in chosen:
            (fail if os.environ.get("PX_CI") == "1" else skip)(f"mpremote/{n}", why)
        return
    todo = []
    for n, c in chosen:
        if n in listed and not run_all:
            skip(f"mpremote/{n}", listed[n])
        else:
            todo.append((n, c))
    if not todo:
        return
    qemu = subprocess.Popen(QEMU[:-1] + ["-serial", "pty", "-kernel", elf], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = qemu.stdout.readline()  # "char device redirected to /dev/pts/N (label serial0)"
        m = re.search(r"(/dev/pts/\d+)", line)
        if not m:
            for n, _ in todo:
                fail(f"mpremote/{n}", f"QEMU gave no pty: {line!r}")
            return
        board = mp.boards.Device(m.group(1))
        time.sleep(1)  # the banner, which the first check's Ctrl-C then clears
        for n, c in todo:
            result = lang_outcome(c, board)
            if result is None:
                ok(f"mpremote/{n}")
            elif isinstance(result, Skip):
                skip(f"mpremote/{n}", result)
            else:
                fail(f"mpremote/{n}", result)
    finally:
        qemu.kill()
        qemu.wait()


def build_firmware():
    """Configure and build build-an385; None, or why it could not."""
    if not os.path.exists(os.path.join(BUILD, "build.ninja")):
        r = subprocess.run(["meson", "setup", BUILD, "--cross-file", CROSS], cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            return "meson setup build-an385 failed:\n" + r.stdout[-3000:]
    r = subprocess.run(["ninja", "-C", BUILD], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        return "ninja -C build-an385 failed:\n" + r.stdout[-3000:]
    warnings = [l for l in r.stdout.splitlines() if "warning:" in l]
    if warnings:
        return "the firmware builds with warnings:\n" + "\n".join(warnings)
    return None


def compare(name, out, err, cache):
    """The problems with what the board printed, or ''."""
    exp_out, exp_exc, exp_status, _ = lang.expected_for(name, cache)
    if exp_out is None:
        return "python3 timed out on this test"
    problems = []
    if out != exp_out:
        import difflib
        diff = difflib.unified_diff(exp_out.splitlines(), out.splitlines(), "expected", "got", lineterm="", n=1)
        problems.append("\n".join(list(diff)[:40]))
    lines = [l for l in err.splitlines() if l.strip()]
    exc = lines[-1] if lines else None
    if exp_status == 0 and err:
        problems.append("stderr:\n" + "\n".join(err.splitlines()[-12:]))
    elif exp_status != 0 and exp_exc is not None and exc != exp_exc:
        problems.append(f"exception: {exc!r}\nexpected:  {exp_exc!r}")
    errfile = os.path.join(lang.LANG, name[:-3] + ".err")
    if os.path.exists(errfile):
        with open(errfile, encoding="utf-8") as f:
            want = f.read()
        got = err.replace('File "<stdin>"', f'File "{name}"')
        if got != want:
            problems.append(f"stderr:\n{got}\nexpected stderr:\n{want}")
    return "\n".join(problems)


# ---- the board itself: boot, the REPL's modes, soft reset, Ctrl-C, memory, faults

def board_tests(elf):
    """(name, test) pairs that share one board, run in order."""
    state = {}

    def boot():
        proc = Board.__new__(Board)
        proc.proc = subprocess.Popen(QEMU + [elf], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        proc.buf, proc.eof, proc.cond = bytearray(), False, threading.Condition()
        threading.Thread(target=proc._reader, daemon=True).start()
        state["board"] = proc
        banner = proc.read_until(b">>> ", 20)
        if b"MicroPython v" not in banner or b"; mps2-an385 with Cortex-M3\r\n" not in banner:
            raise Fail(f"the banner: {banner!r}")

    def friendly():
        b = state["board"]
        b.write(b"6 * 7\r")
        got = b.read_until(b">>> ", 10)
        if got != b"6 * 7\r\n42\r\n>>> ":
            raise Fail(f"the friendly REPL echoed and answered {got!r}")
        # input() reads the console as a terminal: echo, Enter is the end
        b.write(b"x = input('name? ')\r")
        b.read_until(b"')\r\nname? ", 10)  # the echoed line, then the prompt
        b.write(b"bob\r")
        got = b.read_until(b">>> ", 10)
        b.write(b"x\r")
        got += b.read_until(b">>> ", 10)
        if got != b"bob\r\n>>> x\r\n'bob'\r\n>>> ":
            raise Fail(f"input() at the friendly REPL: {got!r}")

    def raw_and_platform():
        b = state["board"]
        b.enter_raw()
        out, err = b.exec(b"import sys\nprint(sys.platform, sys.implementation._machine)\n", 10)
        if (out, err) != ("qemu mps2-an385 with Cortex-M3\n", ""):
            raise Fail(f"got {out!r} {err!r}")

    def heap():
        out, err = state["board"].exec(b"import gc\ngc.collect()\nprint(gc.mem_free() + gc.mem_alloc() <= 65536)\n", 10)
        if (out, err) != ("True\n", ""):
            raise Fail(f"the heap is more than 64 KiB: {out!r} {err!r}")

    def machine_basics():
        """machine's board-wide functions: the clock, interrupts masked
        (the millisecond tick stops) and unmasked, and the reset causes of
        a power-on, machine.soft_reset() and machine.reset()."""
        b = state["board"]
        code = (b"import machine, time\n"
                b"print(machine.freq(), machine.reset_cause() == machine.PWRON_RESET)\n"
                b"s = machine.disable_irq()\nt0 = time.ticks_ms()\nfor i in range(20000):\n    pass\n"
                b"t1 = time.ticks_ms()\nmachine.enable_irq(s)\nt2 = time.ticks_ms()\n"
                b"for i in range(20000):\n    pass\nt3 = time.ticks_ms()\n"
                b"print(s, time.ticks_diff(t1, t0) <= 1, time.ticks_diff(t3, t2) > 2)\nmachine.idle()\n")
        out, err = b.exec(code, 20)
        if (out, err) != ("25000000 True\n0 True True\n", ""):
            raise Fail(f"machine.freq, disable_irq, enable_irq, idle: {out!r} {err!r}")
        b.write(b"import machine\nmachine.soft_reset()\x04")
        got = b.read_until(b"soft reboot\r\n", 10)
        if not got.startswith(b"OK\x04\x04"):
            raise Fail(f"machine.soft_reset() in the raw REPL: {got!r}")
        b.read_until(RAW_BANNER + b">", 10)
        out, err = b.exec(b"import machine\nprint(machine.reset_cause() == machine.SOFT_RESET)\n", 10)
        if (out, err) != ("True\n", ""):
            raise Fail(f"reset_cause() after a soft reset: {out!r} {err!r}")
        b.write(b"\x05A\x01")
        b.read_exact(5, 10)
        b.write(b"import machine\nmachine.reset()\n\x04")
        got = b.read_until(b">>> ", 20)
        if b"MicroPython v" not in got:
            raise Fail(f"machine.reset(): {got!r}")
        b.enter_raw()
        out, err = b.exec(b"import machine\nprint(machine.reset_cause() == machine.HARD_RESET)\n", 10)
        if (out, err) != ("True\n", ""):
            raise Fail(f"reset_cause() after machine.reset(): {out!r} {err!r}")

    def frozen_module():
        """zlib is Python frozen into the firmware: precompiled .mpy in
        flash (px-mpy-cross at build time), loaded at its first import, no
        __file__."""
        out, err = state["board"].exec(b"import zlib\nx = b'hello ' * 20\n"
                                       b"print(zlib.__name__, hasattr(zlib, '__file__'),"
                                       b" zlib.decompress(zlib.compress(x, 9), 9) == x)\n", 20)
        if (out, err) != ("zlib False True\n", ""):
            raise Fail(f"the frozen zlib: {out!r} {err!r}")

    def select_console():
        """select.poll on the console: sys.stdin is not readable until the
        host sends a byte, then it is, within the poll's wait; a timeout
        in ms is waited out."""
        b = state["board"]
        code = (b"import select, sys, time\n"
                b"p = select.poll()\np.register(sys.stdin, select.POLLIN)\n"
                b"t = time.ticks_ms()\nprint(p.poll(0), p.poll(40), time.ticks_diff(time.ticks_ms(), t) >= 40)\n"
                b"print('waiting')\nr = p.poll(20000)\n"
                b"print(r == [(sys.stdin, select.POLLIN)], sys.stdin.read(1))\n")
        b.write(b"\x05A\x01")
        b.read_exact(5, 10)  # R, 1, the window (the code fits in it)
        b.write(code + b"\x04")
        b.read_until(b"\x04", 10)
        first = b.read_until(b"waiting\r\n", 20)
        b.write(b"z")
        out = first + b.read_until(b"\x04", 20)
        err = b.read_until(b"\x04", 10)
        b.read_until(b">", 10)
        if out != b"[] [] True\r\nwaiting\r\nTrue z\r\n\x04" or err != b"\x04":
            raise Fail(f"select.poll on the console: output {out!r}, error {err!r}")

    def asyncio_program():
        """asyncio, frozen into the firmware, runs tasks that sleep and a
        timeout, in a fresh interpreter (its import takes 22 KB of the heap)."""
        b = state["board"]
        b.soft_reset()
        code = (b"import asyncio\n"
                b"async def tick(n, log):\n    for i in range(n):\n"
                b"        await asyncio.sleep_ms(5)\n        log.append((n, i))\n"
                b"async def main():\n    log = []\n"
                b"    await asyncio.gather(tick(2, log), tick(3, log))\n"
                b"    try:\n        await asyncio.wait_for_ms(asyncio.sleep_ms(1000), 20)\n"
                b"    except asyncio.TimeoutError:\n        log.append('timeout')\n    return log\n"
                b"print(asyncio.run(main()))\n")
        out, err = b.exec(code, 20)
        if (out, err) != ("[(2, 0), (3, 0), (2, 1), (3, 1), (3, 2), 'timeout']\n", ""):
            raise Fail(f"asyncio on the board: {out!r} {err!r}")

    def errno_oserror():
        """errno names the error a missing file raises."""
        b = state["board"]
        b.soft_reset()
        out, err = b.exec(b"import errno\ntry:\n    open('no-such-file')\nexcept OSError as e:\n"
                          b"    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], type(e).__name__)\n", 20)
        if (out, err) != ("True ENOENT FileNotFoundError\n", ""):
            raise Fail(f"errno on the board: {out!r} {err!r}")

    def ctrl_c():
        b = state["board"]
        b.write(b"\x05A\x01")
        b.read_exact(5, 10)  # R, 1, the window (the code fits in it)
        b.write(b"while True:\n    pass\n\x04")
        b.read_until(b"\x04", 10)
        time.sleep(0.5)
        b.write(b"\x03")
        out = b.read_until(b"\x04", 10)
        err = b.read_until(b"\x04", 10)
        b.read_until(b">", 10)
        if out != b"\x04" or not err.rstrip(b"\x04").endswith(b"KeyboardInterrupt\r\n"):
            raise Fail(f"Ctrl-C while code runs: output {out!r}, error {err!r}")

    def soft_reset():
        b = state["board"]
        b.exec(b"kept = 1\n", 10)
        b.soft_reset()
        out, err = b.exec(b"print('kept' in globals())\n", 10)
        if (out, err) != ("False\n", ""):
            raise Fail(f"a soft reset kept the program's names: {out!r} {err!r}")

    def sys_exit():
        b = state["board"]
        b.write(b"raise SystemExit\x04")  # at the raw REPL: both sections, then a soft reset
        got = b.read_until(b"soft reboot\r\n", 10)
        if not got.startswith(b"OK\x04\x04"):
            raise Fail(f"SystemExit in the raw REPL: {got!r}")
        b.read_until(RAW_BANNER + b">", 10)  # back in the raw REPL

    def fault():
        """A bus fault (uctypes reads an address with nothing there)
        prints the fault and its registers and resets the board."""
        b = state["board"]
        b.write(b"\x05A\x01")
        b.read_exact(5, 10)
        b.write(b"import uctypes\nuctypes.bytes_at(0x50000000, 4)\n\x04")
        got = b.read_until(b">>> ", 20)
        if (b"FATAL: BusFault pc=0x" not in got or b"bfar=0x50000000" not in got
                or b"resetting\r\nMicroPython v" not in got):
            raise Fail(f"a bus fault: {got!r}")

    def files():
        """The board's FAT file system at "/" (a RAM disk): os functions,
        open(), and boot.py and main.py run after a soft reset from the
        friendly REPL, with the files still there."""
        b = state["board"]
        b.enter_raw()
        out, err = b.exec(b"import os, vfs\n"
                          b"print(vfs.mount()[0][1], os.getcwd(), os.statvfs('/')[0], os.uname()[0])\n"
                          b"os.mkdir('pxb_dir')\n"
                          b"with open('pxb_dir/mod.py', 'w') as f:\n    f.write('X = 42\\n')\n"
                          b"os.rename('pxb_dir/mod.py', 'pxb_dir/Long Module Name.txt')\n"
                          b"print(os.listdir('pxb_dir'), os.stat('pxb_dir/Long Module Name.txt')[6])\n"
                          b"open('boot.py', 'w').write('print(\"boot ran\")\\n')\n"
                          b"open('main.py', 'w').write('import os\\nprint(\"main ran\", os.listdir(\"pxb_dir\"))\\n')\n", 20)
        if (out, err) != ("/ / 512 qemu\n['Long Module Name.txt'] 7\n", ""):
            raise Fail(f"files on the board: {out!r} {err!r}")
        b.write(b"\x02")
        b.read_until(b">>> ", 10)
        b.write(b"\x04")
        got = b.read_until(b">>> ", 20)
        if b"soft reboot\r\nboot ran\r\nmain ran ['Long Module Name.txt']\r\nMicroPython v" not in got:
            raise Fail(f"boot.py and main.py after a soft reset: {got!r}")
        b.enter_raw()
        out, err = b.exec(b"import os\nfor f in ('boot.py', 'main.py', 'pxb_dir/Long Module Name.txt'):\n"
                          b"    os.remove(f)\nos.rmdir('pxb_dir')\nprint(os.listdir())\n", 20)
        if (out, err) != ("[]\n", ""):
            raise Fail(f"removing the files: {out!r} {err!r}")

    def friendly_soft_reset():
        b = state["board"]
        b.write(b"\x02")
        b.read_until(b">>> ", 10)
        b.write(b"\x04")
        got = b.read_until(b">>> ", 10)
        if b"MPY: soft reboot\r\n" not in got or b"MicroPython v" not in got:
            raise Fail(f"Ctrl-D at the friendly prompt: {got!r}")
        b.close()

    return [("board/boot_banner", boot), ("board/friendly_repl", friendly),
            ("board/raw_repl_platform", raw_and_platform), ("board/heap_64k", heap),
            ("board/machine_basics", machine_basics),
            ("board/frozen_module", frozen_module), ("board/select_console", select_console),
            ("board/asyncio_program", asyncio_program), ("board/errno_oserror", errno_oserror),
            ("board/ctrl_c_interrupts", ctrl_c), ("board/soft_reset_clears", soft_reset),
            ("board/raise_systemexit_resets", sys_exit), ("board/files_boot_main", files),
            ("board/fault_report", fault),
            ("board/friendly_ctrl_d_resets", friendly_soft_reset)]


# ---- machine.Timer on the CMSDK timers (one board of their own, so -k timer runs them alone)

# QEMU without icount runs its timers on the host's clock, and the
# board's SysTick (time.ticks_ms) loses ticks when the host stalls: under
# the full test run (load 9 to 11 on two cores) ticks_ms counted 1000 ms
# while a 20 ms timer was called 131 times, and 3001 ms while 3.24 s
# passed. A timer cannot be called more often than the host's time allows,
# and loses fewer periods than the 1 ms tick: so a count is checked from
# below against ticks_ms (at least half of what its interval holds: the
# timer's own expiries merge in a stall too) and from above against the
# host's clock around the run. The periods themselves are checked exactly
# in the counters' registers (board/timer_registers).
TIMER_REGS = (b"import machine, uctypes\n"
              b"A = uctypes.struct(0x40000000, {'ctrl': 0 | uctypes.UINT32})\n"
              b"D = uctypes.struct(0x40002000, {'load': 0 | uctypes.UINT32, 'control': 8 | uctypes.UINT32,"
              b" 'load2': 0x20 | uctypes.UINT32, 'control2': 0x28 | uctypes.UINT32})\n")


def timer_tests(elf):
    """(name, test) pairs on a board of their own, run in order."""
    state = {}

    def board():
        if "board" not in state:
            state["board"] = Board(elf)
        return state["board"]

    def run(code, want, what, timeout=30):
        b = board()
        b.soft_reset()
        out, err = b.exec(code, timeout)
        if (out, err) != (want, ""):
            raise Fail(f"{what}: {out!r} {err!r}")

    def registers():
        """The counters' registers: a period of 10 ms is 250,000 cycles of
        25 MHz, freq=1 25,000,000, 200 s two laps of 2,500,000,000 (more
        than 32 bits hold); periodic, 32-bit, interrupting; stopped by
        deinit(). (QEMU's APB timer answers byte reads, which uctypes
        makes, with the low byte only: its control register is checked,
        its reload through the dual timer's arithmetic, which is shared.)"""
        code = TIMER_REGS + (
            b"def nop(t):\n    pass\n"
            b"t = machine.Timer(2, period=10, callback=nop)\n"
            b"print(t, D.load, hex(D.control))\n"
            b"t.init(mode=machine.Timer.ONE_SHOT, freq=1, callback=nop)\n"
            b"print(t, D.load, hex(D.control))\n"
            b"t.init(period=200000, callback=nop)\nu = machine.Timer(3, period=1, tick_hz=50, callback=nop)\n"
            b"print(t, D.load, D.load2, hex(D.control2))\n"
            b"t.deinit()\nu.deinit()\nprint(t, D.control, D.control2)\n"
            b"a = machine.Timer(0, period=5, callback=nop)\nprint(A.ctrl)\na.deinit()\nprint(A.ctrl)\n")
        run(code, "Timer(2, mode=PERIODIC, period=10ms) 249999 0xe2\n"
                  "Timer(2, mode=ONE_SHOT, period=1000ms) 24999999 0xe2\n"
                  "Timer(2, mode=PERIODIC, period=200000ms) 2499999999 499999 0xe2\n"
                  "Timer(2, stopped) 0 0\n9\n0\n", "the timer registers")

    def timed(code, what):
        """Run code that prints counts and a ticks_ms interval: the
        printed values and the host's milliseconds around the run."""
        b = board()
        b.soft_reset()
        t0 = time.monotonic()
        out, err = b.exec(code, 30)
        host_ms = int((time.monotonic() - t0) * 1000)
        try:
            return [int(x) for x in out.split()], host_ms
        except ValueError:
            raise Fail(f"{what}: {out!r} {err!r}")

    def check_count(n, period, ticks_ms, host_ms, what):
        if not ticks_ms // (2 * period) <= n <= host_ms // period + 1:
            raise Fail(f"{what}: {n} calls of a {period} ms timer in {ticks_ms} ms of ticks_ms"
                       f" ({host_ms} ms on the host)")

    def periodic_count():
        """A 20 ms periodic timer for a second of ticks_ms: about 50 calls
        (see above for the bounds), each with the Timer."""
        code = (b"import machine, time\nn = [0, 1]\n"
                b"def cb(t):\n    n[0] += 1\n    n[1] = n[1] and t is tim\n"
                b"tim = machine.Timer(0, period=20, callback=cb)\nt0 = time.ticks_ms()\n"
                b"time.sleep_ms(1000)\ntim.deinit()\ne = time.ticks_diff(time.ticks_ms(), t0)\n"
                b"print(int(n[1]), n[0], e)\n")
        (same, n, e), host_ms = timed(code, "a 20 ms periodic timer")
        if same != 1 or e < 1000:
            raise Fail(f"a 20 ms periodic timer: the callback's argument is the Timer: {same}, slept {e} ms")
        check_count(n, 20, e, host_ms, "a 20 ms periodic timer")

    def one_shot():
        """A one-shot fires once and stops; Timer(-1) takes a free counter."""
        code = (b"import machine, time\nlog = []\n"
                b"a = machine.Timer(1, mode=machine.Timer.ONE_SHOT, period=30, callback=lambda t: log.append(t))\n"
                b"b = machine.Timer(-1, mode=machine.Timer.ONE_SHOT, freq=5, callback=lambda t: log.append(t))\n"
                b"print(b)\ntime.sleep_ms(600)\n"
                b"print(len(log), log.count(a), log.count(b), a, b)\n")
        run(code, "Timer(-1, mode=ONE_SHOT, period=200ms)\n2 1 1 Timer(1, stopped) Timer(-1, stopped)\n",
            "one-shot timers")

    def deinit_stops():
        """No call after deinit(), and init() starts it again."""
        code = (b"import machine, time\nn = [0]\n"
                b"def cb(t):\n    n[0] += 1\n"
                b"t = machine.Timer(-1, period=10, callback=cb)\ntime.sleep_ms(100)\nt.deinit()\nk = n[0]\n"
                b"time.sleep_ms(200)\nprint(k > 0, n[0] == k)\n"
                b"t.init(mode=machine.Timer.ONE_SHOT, period=10, callback=cb)\ntime.sleep_ms(100)\n"
                b"print(n[0] - k)\nt.deinit()\nt.deinit()\n")
        run(code, "True True\n1\n", "deinit() and init() again")

    def two_at_once():
        """Two timers run side by side, each at its own rate; four run at
        once, a fifth Timer(-1) finds none free; a Timer(n) started again
        by another object moves to it."""
        code = (b"import machine, time\nn = [0, 0]\n"
                b"def f(t):\n    n[0] += 1\n"
                b"def g(t):\n    n[1] += 1\n"
                b"a = machine.Timer(0, period=10, callback=f)\nb = machine.Timer(2, period=40, callback=g)\n"
                b"t0 = time.ticks_ms()\ntime.sleep_ms(800)\na.deinit()\nb.deinit()\n"
                b"print(n[0], n[1], time.ticks_diff(time.ticks_ms(), t0))\n")
        (n0, n1, e), host_ms = timed(code, "two timers at once")
        check_count(n0, 10, e, host_ms, "two timers at once, the first")
        check_count(n1, 40, e, host_ms, "two timers at once, the second")
        code = (b"import machine, errno\n"
                b"v = [machine.Timer(-1, period=1000, callback=print) for i in range(4)]\n"
                b"try:\n    machine.Timer(-1, period=5, callback=print)\nexcept OSError as e:\n"
                b"    print(e.errno == errno.EBUSY, e)\n"
                b"try:\n    machine.Timer(3, period=5, callback=print)\nexcept OSError as e:\n    print(e)\n"
                b"for t in v:\n    t.deinit()\nc = machine.Timer(3, period=5, callback=print)\n"
                b"d = machine.Timer(3, period=7, callback=print)\nprint(c, d)\nd.deinit()\n")
        run(code, "True [Errno 16] Device or resource busy: \"Timer(-1): all 4 of the board's timers run;"
                  " deinit() one first\"\n"
                  "[Errno 16] Device or resource busy: 'Timer(3) runs a Timer(-1); deinit() that one,"
                  " or use another id'\n"
                  "Timer(3, stopped) Timer(3, mode=PERIODIC, period=7ms)\n", "four timers at once")

    def errors():
        code = (b"import machine\n"
                b"for args, kw in [((4,), {}), ((-2,), {}), ((0, 1), {}), ((0,), {'mode': 5, 'period': 1}),\n"
                b"                 ((0,), {'period': 0}), ((0,), {'freq': 200000}), ((0,), {'callback': print}),\n"
                b"                 ((0,), {'period': 'x'})]:\n"
                b"    try:\n        machine.Timer(*args, **kw)\n"
                b"    except Exception as e:\n        print(type(e).__name__, e)\n")
        run(code, "ValueError Timer(4): the board has Timer(0) to Timer(3), and Timer(-1) for a free one\n"
                  "ValueError Timer(-2): the board has Timer(0) to Timer(3), and Timer(-1) for a free one\n"
                  "TypeError Timer() takes the id as its one positional argument\n"
                  "ValueError mode must be Timer.ONE_SHOT or Timer.PERIODIC, not 5\n"
                  "ValueError period must be positive, not 0\n"
                  "ValueError Timer: the board's shortest period is 10 us (freq=100000), not 5000 ns\n"
                  "ValueError Timer needs freq= or period= (in ms)\n"
                  "TypeError 'str' object cannot be interpreted as an integer\n", "bad ids and arguments")

    def callback_raises():
        """An exception in a callback is raised in the code that was
        running, as a scheduled callback's is (docs/machine-linux.md):
        the traceback names the callback, and the board goes on."""
        b = board()
        b.soft_reset()
        out, err = b.exec(b"import machine, time\n"
                          b"def bad(t):\n    raise ValueError('from the timer')\n"
                          b"t = machine.Timer(1, mode=machine.Timer.ONE_SHOT, period=300, callback=bad)\n"
                          b"print('before')\ntime.sleep_ms(1000)\nprint('not reached')\n", 30)
        if out != "before\n" or not err.endswith(", in bad\nValueError: from the timer\n") \
                or "line 6, in <module>" not in err:
            raise Fail(f"a callback that raises: {out!r} {err!r}")
        out, err = b.exec(b"print('still here')\n", 10)
        if (out, err) != ("still here\n", ""):
            raise Fail(f"after the callback raised: {out!r} {err!r}")

    def with_schedule():
        """Timer calls and micropython.schedule share one queue: work a
        callback schedules runs after it, in order with the program's."""
        code = (b"import machine, micropython, time\nlog = []\n"
                b"def later(x):\n    log.append(x)\n"
                b"def cb(t):\n    log.append('timer')\n    micropython.schedule(later, 'from the timer')\n"
                b"micropython.schedule(later, 'first')\n"
                b"t = machine.Timer(0, mode=machine.Timer.ONE_SHOT, period=20, callback=cb)\ntime.sleep_ms(100)\n"
                b"micropython.schedule(later, 'last')\nx = 1\nprint(log)\n")
        run(code, "['first', 'timer', 'from the timer', 'last']\n", "micropython.schedule with a timer")

    def soft_reset_stops():
        """Ctrl-D stops every timer: the counters are off after the
        reset, nothing of the old program is called, and the timers work
        again."""
        b = board()
        b.soft_reset()
        out, err = b.exec(b"import machine\n"
                          b"ts = [machine.Timer(i, period=300, callback=lambda t: print('old')) for i in (0, 1, 2, -1)]\n", 10)
        if (out, err) != ("", ""):
            raise Fail(f"starting four timers: {out!r} {err!r}")
        # the old callbacks (due 300 ms after the start) never run
        run(TIMER_REGS + b"import time\nB = uctypes.struct(0x40001000, {'ctrl': 0 | uctypes.UINT32})\n"
            b"print(A.ctrl, B.ctrl, D.control, D.control2)\ntime.sleep_ms(700)\n"
            b"t = machine.Timer(0, mode=machine.Timer.ONE_SHOT, period=5, callback=lambda t: print('new'))\n"
            b"time.sleep_ms(100)\n", "0 0 0 0\nnew\n", "timers after a soft reset")

    return [("board/timer_registers", registers), ("board/timer_periodic_count", periodic_count),
            ("board/timer_one_shot", one_shot), ("board/timer_deinit_stops", deinit_stops),
            ("board/timer_two_at_once", two_at_once), ("board/timer_errors", errors),
            ("board/timer_callback_raises", callback_raises), ("board/timer_schedule", with_schedule),
            ("board/timer_soft_reset_stops", soft_reset_stops)], state


def size_check():
    """The firmware's flash and RAM, each feature's share, within the
    budgets of tests/mcu/sizes.py (the report goes to the log)."""
    lines, over = sizes.report("an385")
    if over:
        fail("size/an385", "\n".join(over + lines))
    else:
        ok("size/an385")
        for line in lines:
            print("    " + line)


def main():
    ap = arg_parser(__doc__, "only language tests whose name contains this")
    ap.add_argument("--all", action="store_true", help="run the tests of unsupported.txt too (to see which fit now)")
    args = ap.parse_args()
    names = lang.lang_tests(args.pattern.removeprefix("lang/"))
    ci = os.environ.get("PX_CI") == "1"
    missing = [t for t in ("arm-none-eabi-gcc", "qemu-system-arm") if shutil.which(t) is None]
    why = f"{' and '.join(missing)} not installed (see the README)" if missing else build_firmware()
    if why:
        for n in names:
            (fail if ci or not missing else skip)(f"lang/{n}", why)
        return
    elf = os.path.join(BUILD, "firmware.elf")
    if args.pattern in "size/an385":
        size_check()
    timers, timer_state = timer_tests(elf)
    for name, test in board_tests(elf) + timers:
        if args.pattern in name:
            result = lang_outcome(test)
            if result is None:
                ok(name)
            else:
                fail(name, result)
    if "board" in timer_state:
        timer_state["board"].close()
    listed = unsupported()
    mpremote_checks(elf, args.pattern, listed, args.all)
    for n in listed:
        if n.endswith(".py") and not os.path.exists(os.path.join(lang.LANG, n)):
            fail(f"unsupported.txt/{n}", "lists a test that does not exist")
    todo = []
    for n in names:
        if n in listed and not args.all:
            skip(f"lang/{n}", listed[n])
        elif not lang.runs_without(n, BOARD_WITHOUT):
            missing = lang.needs(n) & BOARD_WITHOUT
            skip(f"lang/{n}", f"the firmware is built without {', '.join(sorted(missing))}" if missing
                 else "it tests a build without a feature the firmware has (# needs: no-...)")
        else:
            todo.append(n)
    cache = {}
    with cf.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        list(ex.map(lambda t: lang.expected_for(t, cache), todo))

    # each worker boots a board and takes the next test while there is one
    lock = threading.Lock()
    queue = list(todo)
    results = {}

    def worker():
        board = None
        while True:
            with lock:
                if not queue:
                    break
                name = queue.pop(0)
            with open(os.path.join(lang.LANG, name), "rb") as f:
                code = f.read()
            for attempt in (1, 2):
                try:
                    if board is None:
                        board = Board(elf)
                    board.soft_reset()  # every test starts from the same fresh interpreter
                    out, err = board.exec(code, TEST_TIMEOUT)
                    results[name] = compare(name, out, err, cache)
                    break
                except Fail as e:
                    results[name] = str(e)
                    break
                except BoardGone as e:
                    if board is not None:
                        board.close()
                    board = None
                    results[name] = f"the board stopped answering: {e}"
        if board is not None:
            board.close()

    threads = [threading.Thread(target=worker) for _ in range(min(WORKERS, len(todo)))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n in todo:
        problem = results.get(n, "not run")
        if problem:
            fail(f"lang/{n}", problem)
        else:
            ok(f"lang/{n}")


if __name__ == "__main__":
    main()
