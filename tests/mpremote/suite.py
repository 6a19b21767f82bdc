#!/usr/bin/env python3
"""mpremote, MicroPython's board tool, against our raw REPL.

    python3 tests/mpremote/suite.py --binary build/micropython [-k PAT]
    python3 tests/mpremote/suite.py --device /dev/pts/N [-k PAT]
    python3 tests/mpremote/suite.py --device socket://127.0.0.1:PORT [-k PAT]

The raw REPL is one implementation (src/repl/) tested twice: with
--binary, the Linux `micropython` is made to look like a board's serial
port (tests/mpremote/board.py: it runs on a pty, and a relay offers it as
a second pty and as a TCP socket); with --device, the same checks talk to
a board that already is one, such as QEMU's serial port (`-serial pty`
or `-serial tcp::PORT,server`). The MCU suite imports checks() from here.

Three kinds of check, run one after another on the same board, as a user
would (a board runs one thing at a time):

- proto:*    the raw REPL and raw-paste protocol byte by byte, as the
             MicroPython docs give it for tools (our own reader and writer,
             no mpremote);
- mpremote:* mpremote itself (../shared/mpremote, unchanged, run by
             Debian's /usr/bin/python3 with python3-serial): exec, eval,
             run, fs cp/ls/cat/mkdir/rm, mip install from a local index
             (tests/mplib's server), soft-reset, resume, Ctrl-C;
- script:*   mpremote's own test scripts (tests/test_*.sh) with their
             expected output, those that can run against this board.
"""
import argparse
import concurrent.futures
import difflib
import functools
import importlib.util
import os
import re
import select
import socket
import subprocess
import sys
import tempfile
import termios
import time
import tty

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import suitelib  # noqa: E402
from suitelib import Fail, Skip  # noqa: E402
import board as boards  # noqa: E402

MPREMOTE = suitelib.shared("mpremote")
PYTHON = "/usr/bin/python3"  # Debian's, where python3-serial is installed
TIMEOUT = 5.0  # for one protocol answer
CMD_TIMEOUT = 30  # for one mpremote command
# for one of mpremote's test scripts: test_filesystem.sh runs mpremote about
# 100 times, 79 s on the 2-core machine under a load average of 22
SCRIPT_TIMEOUT = 300
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n"
PREFIX = "pxmr_"  # names this suite creates on the board


# ---- talking to the board byte by byte -----------------------------------------

class Port:
    """The board's serial port opened as mpremote opens it (a tty path in
    raw mode, or socket://HOST:PORT), with reads that have a deadline."""

    def __init__(self, device):
        self.sock = self.fd = None
        if device.startswith("socket://"):
            host, port = device[len("socket://"):].rsplit(":", 1)
            self.sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        else:
            self.fd = os.open(device, os.O_RDWR | os.O_NOCTTY)
            tty.setraw(self.fd)
            termios.tcflush(self.fd, termios.TCIFLUSH)  # what the board said to nobody
        self.got = b""

    def _fileno(self):
        return self.sock.fileno() if self.sock else self.fd

    def write(self, data):
        if self.sock:
            self.sock.sendall(data)
        else:
            while data:
                data = data[os.write(self.fd, data):]

    def _read_some(self, timeout):
        r, _, _ = select.select([self._fileno()], [], [], max(timeout, 0))
        if not r:
            return b""
        data = self.sock.recv(4096) if self.sock else os.read(self.fd, 4096)
        if not data:
            raise Fail(f"the board closed the connection; got {self.got!r}")
        return data

    def pending(self):
        """A byte is waiting (it is read into the buffer)."""
        if not self.got:
            self.got += self._read_some(0)
        return bool(self.got)

    def read_until(self, ending, timeout=TIMEOUT):
        """Everything up to and including `ending`."""
        deadline = time.monotonic() + timeout
        while ending not in self.got:
            if time.monotonic() >= deadline:
                raise Fail(f"timed out waiting for {ending!r}; got {self.got!r}")
            self.got += self._read_some(deadline - time.monotonic())
        i = self.got.index(ending) + len(ending)
        out, self.got = self.got[:i], self.got[i:]
        return out

    def read(self, n, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while len(self.got) < n:
            if time.monotonic() >= deadline:
                raise Fail(f"timed out waiting for {n} bytes; got {self.got!r}")
            self.got += self._read_some(deadline - time.monotonic())
        out, self.got = self.got[:n], self.got[n:]
        return out

    def drain(self, quiet=0.1):
        """Read and drop until the board has been quiet for a while."""
        while self._read_some(quiet):
            pass
        self.got = b""

    def close(self):
        if self.sock:
            self.sock.close()
        else:
            os.close(self.fd)


def expect_equal(what, got, want):
    if got != want:
        raise Fail(f"{what}: got {got!r}, want {want!r}")


def enter_raw(port):
    """From any state (code running, friendly or raw REPL) to an empty raw
    REPL prompt, as mpremote does it."""
    port.write(b"\r\x03")
    port.drain()
    port.write(b"\r\x01")
    port.read_until(RAW_BANNER + b">")


def with_port(check):
    @functools.wraps(check)
    def run(board):
        port = Port(board.device)
        try:
            enter_raw(port)
            check(port)
            port.write(b"\x02")  # leave the board at the friendly REPL
            port.read_until(b">>> ")
        finally:
            port.close()
    return run


@with_port
def proto_raw_exec(port):
    """Code then Ctrl-D: OK, output, \\x04, no error, \\x04, >."""
    port.write(b"print(6 * 7)\x04")
    expect_equal("answer", port.read_until(b"\x04>"), b"OK42\r\n\x04\x04>")


@with_port
def proto_raw_error(port):
    """An uncaught exception is the second section."""
    port.write(b"print('a')\n1/0\x04")
    out = port.read_until(b"\x04>")
    m = re.fullmatch(rb"OKa\r\n\x04(.*)\x04>", out, re.S)
    if not m or b"ZeroDivisionError" not in m.group(1) or b"Traceback" not in m.group(1):
        raise Fail(f"answer {out!r}")


@with_port
def proto_raw_oserror(port):
    """An OSError's last line is MicroPython's "OSError: N", which tools
    read the errno from (mpremote's fs commands)."""
    port.write(b"open('pxmr_no_such_file')\x04")
    out = port.read_until(b"\x04>")
    if not re.fullmatch(rb"OK\x04Traceback \(most recent call last\):\r\n.*\r\nOSError: 2\r\n\x04>", out, re.S):
        raise Fail(f"answer {out!r}")


@with_port
def proto_raw_ctrl_c_drops_input(port):
    """Ctrl-C in the raw REPL drops what was sent so far, silently."""
    port.write(b"print('dropped')\x03print('kept')\x04")
    expect_equal("answer", port.read_until(b"\x04>"), b"OKkept\r\n\x04\x04>")


@with_port
def proto_raw_interrupt(port):
    """Ctrl-C while code runs raises KeyboardInterrupt, reported as the error."""
    port.write(b"print('loop')\nwhile True:\n    pass\n\x04")
    port.read_until(b"OKloop\r\n")
    time.sleep(0.2)
    port.write(b"\x03")
    out = port.read_until(b"\x04>")
    if not out.startswith(b"\x04") or b"KeyboardInterrupt" not in out:
        raise Fail(f"answer {out!r}")
    port.write(b"print('after')\x04")
    expect_equal("then", port.read_until(b"\x04>"), b"OKafter\r\n\x04\x04>")


@with_port
def proto_raw_soft_reset(port):
    """Ctrl-D on an empty buffer: OK, a soft reboot, the raw REPL again
    with fresh globals."""
    port.write(b"pxmr_var = 1\x04")
    expect_equal("assignment", port.read_until(b"\x04>"), b"OK\x04\x04>")
    port.write(b"\x04")
    out = port.read_until(RAW_BANNER + b">")
    if not out.startswith(b"OK") or b"soft reboot\r\n" not in out:
        raise Fail(f"soft reset answer {out!r}")
    port.write(b"print('pxmr_var' in globals())\x04")
    expect_equal("after", port.read_until(b"\x04>"), b"OKFalse\r\n\x04\x04>")


@with_port
def proto_raw_ctrl_a_again(port):
    """Ctrl-A in the raw REPL starts it afresh (dropping the input)."""
    port.write(b"print(1)\x01")
    expect_equal("banner", port.read_until(b">"), RAW_BANNER + b">")
    port.write(b"print(2)\x04")
    expect_equal("answer", port.read_until(b"\x04>"), b"OK2\r\n\x04\x04>")


def enter_paste(port):
    port.write(b"\x05A\x01")
    expect_equal("raw-paste answer", port.read(2), b"R\x01")
    return int.from_bytes(port.read(2), "little")


@with_port
def proto_paste_flow_control(port):
    """Raw-paste: the window-size increment, one extra window at the start,
    one \\x01 per window consumed; the host never sends beyond the window
    (steps 1-9 of the docs)."""
    increment = enter_paste(port)
    if increment < 16:
        raise Fail(f"window-size increment {increment}")
    code = ("".join(f"v{i} = {i} * 3\n" for i in range(400)) + "print(v399)\n").encode()
    remain, sent, grants = increment, 0, 0
    while sent < len(code):
        while remain == 0 or port.pending():
            b = port.read(1)
            if b == b"\x01":
                remain += increment
                grants += 1
            else:
                raise Fail(f"unexpected byte {b!r} during raw paste after {sent} bytes")
        chunk = code[sent:sent + remain]
        port.write(chunk)
        sent += len(chunk)
        remain -= len(chunk)
    port.write(b"\x04")
    rest = port.read_until(b"\x04")
    grants += rest.count(b"\x01")
    if rest.replace(b"\x01", b"") != b"\x04":
        raise Fail(f"end of data answered {rest!r}")
    # the first grant is the extra window announced at the start
    expect_equal("windows granted", grants, 1 + len(code) // increment)
    expect_equal("result", port.read_until(b"\x04>"), b"1197\r\n\x04\x04>")


@with_port
def proto_paste_syntax_error(port):
    """Raw-paste: a syntax error is the error section."""
    enter_paste(port)
    port.read(1)  # the extra window
    port.write(b"x = (\x04")
    expect_equal("end of data", port.read(1), b"\x04")
    out = port.read_until(b"\x04>")
    if not out.startswith(b"\x04") or b"SyntaxError" not in out:
        raise Fail(f"answer {out!r}")


@with_port
def proto_paste_ctrl_c(port):
    """Raw-paste: Ctrl-C from the host ends the reception (the board sends
    \\x04, the host acknowledges with \\x04) and nothing runs."""
    enter_paste(port)
    port.read(1)
    port.write(b"print('never')\x03")
    expect_equal("end of reception", port.read(1), b"\x04")
    port.write(b"\x04")
    out = port.read_until(b"\x04>")
    if not out.startswith(b"\x04") or b"KeyboardInterrupt" not in out or b"never" in out:
        raise Fail(f"answer {out!r}")


@with_port
def proto_raw_ctrl_b(port):
    """Ctrl-B leaves the raw REPL: the friendly banner and prompt."""
    port.write(b"\x02")
    out = port.read_until(b">>> ")
    if not re.match(rb"\r\nMicroPython v\S+ on \S+; .*\r\nType \"help\(\)\" for more information.\r\n>>> $", out):
        raise Fail(f"answer {out!r}")
    port.write(b"\x01")  # back in, for with_port's exit
    port.read_until(RAW_BANNER + b">")


PROTO_CHECKS = [proto_raw_exec, proto_raw_error, proto_raw_oserror, proto_raw_ctrl_c_drops_input, proto_raw_interrupt,
                proto_raw_soft_reset, proto_raw_ctrl_a_again, proto_paste_flow_control,
                proto_paste_syntax_error, proto_paste_ctrl_c, proto_raw_ctrl_b]


# ---- mpremote ------------------------------------------------------------------

def mpremote(board, *args, status=0, cwd=None, timeout=CMD_TIMEOUT):
    """Run `mpremote connect DEVICE ARGS...`; its output with "\\r" removed.
    Fails unless it exits with `status` (None: any, for clean-up)."""
    cmd = [PYTHON, os.path.join(MPREMOTE, "mpremote.py"), "connect", board.device, *args]
    p = subprocess.run(cmd, cwd=cwd or MPREMOTE, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=timeout)
    out = p.stdout.decode("utf-8", "replace").replace("\r", "")
    if status is not None and p.returncode != status:
        raise Fail(f"mpremote {' '.join(args)}: status {p.returncode} (want {status})\n{out}\n"
                   f"board said: {board.log()}")
    return out


def expect_out(what, got, want):
    if got != want:
        raise Fail(f"{what}: got {got!r}, want {want!r}")


def host_dir():
    return tempfile.TemporaryDirectory(prefix="px-mpremote-host-")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def mpr_exec(board):
    expect_out("exec", mpremote(board, "exec", "print('hello', 1 + 2)"), "hello 3\n")


def mpr_exec_error(board):
    out = mpremote(board, "exec", "print('x')\nraise ValueError('bad')", status=1)
    if not out.startswith("x\nTraceback") or "ValueError: bad" not in out:
        raise Fail(f"output {out!r}")


def mpr_eval(board):
    expect_out("eval", mpremote(board, "eval", "[{'a': 'b'}, (1, 2), 2 ** 70]"),
               "[{'a': 'b'}, (1, 2), 1180591620717411303424]\n")


def mpr_run(board):
    """run sends a host file through raw-paste: a long one takes many
    windows."""
    with host_dir() as h:
        body = "".join(f"t{i} = {i}\n" for i in range(600))
        write(os.path.join(h, "big.py"), body + "print(t599, len([k for k in globals() if k[0] == 't']))\n")
        expect_out("run", mpremote(board, "run", os.path.join(h, "big.py")), "599 600\n")


def board_path(board, *parts):
    """The host path of a file on the Linux board (None for a device)."""
    return os.path.join(board.files, *parts) if board.files else None


def mpr_fs_cp_ls_cat(board):
    name = PREFIX + "data.txt"
    text = "line one\nline two ünïcode\n" + "x" * 3000 + "\n"
    with host_dir() as h:
        write(os.path.join(h, name), text)
        mpremote(board, "fs", "cp", os.path.join(h, name), ":" + name)
        if board.files:
            with open(board_path(board, name), encoding="utf-8") as f:
                expect_out("the file on the board", f.read(), text)
        expect_out("cat", mpremote(board, "fs", "cat", ":" + name), text)
        ls = mpremote(board, "fs", "ls")
        if not re.search(rf"^\s*\d+ {name}$", ls, re.M):  # the size only where ilistdir gives it
            raise Fail(f"ls does not list {name}:\n{ls}")
        back = os.path.join(h, "back.txt")
        mpremote(board, "fs", "cp", ":" + name, back)
        with open(back, encoding="utf-8") as f:
            expect_out("copied back", f.read(), text)
        mpremote(board, "fs", "rm", ":" + name)
        if name in mpremote(board, "fs", "ls"):
            raise Fail("rm left the file")


def mpr_fs_mkdir_rm(board):
    d = PREFIX + "dir"
    mpremote(board, "fs", "mkdir", ":" + d)
    mpremote(board, "fs", "touch", f":{d}/empty.py")
    ls = mpremote(board, "fs", "ls", ":" + d)
    if not re.search(r"^\s*\d+ empty.py$", ls, re.M):
        raise Fail(f"ls :{d}:\n{ls}")
    if board.files and not os.path.isfile(board_path(board, d, "empty.py")):
        raise Fail("touch made no file on the board")
    out = mpremote(board, "fs", "mkdir", ":" + d, status=1)
    if "File exists" not in out:
        raise Fail(f"mkdir of an existing directory: {out!r}")
    mpremote(board, "fs", "rm", "-r", ":" + d)
    if d in mpremote(board, "fs", "ls"):
        raise Fail("rm -r left the directory")


def mpr_fs_cp_recursive(board):
    d = PREFIX + "tree"
    with host_dir() as h:
        write(os.path.join(h, d, "a.py"), "A = 1\n")
        write(os.path.join(h, d, "sub", "b.py"), "B = 2\n")
        mpremote(board, "fs", "cp", "-r", os.path.join(h, d), ":" + d)
    try:
        out = mpremote(board, "exec", f"import sys; sys.path.insert(0, '{d}'); import a; from sub import b; "
                       "print(a.A + b.B)")
        expect_out("modules copied with cp -r", out, "3\n")
    finally:
        mpremote(board, "fs", "rm", "-r", ":" + d)


def mpr_soft_reset(board):
    out = mpremote(board, "exec", "pxmr_v = 5", "eval", "pxmr_v", "soft-reset", "eval", "'pxmr_v' in globals()")
    expect_out("state across soft-reset", out, "5\nFalse\n")


def mpr_soft_reset_unmounts(board):
    """A soft reset drops what the program mounted (on Linux calling its
    umount) and the current directory is back where it started; the
    same mount point can be mounted again."""
    fs_class = ("import os, vfs\nd = os.getcwd().rstrip('/')\n"
                "class F:\n def mount(s, r, m): pass\n"
                " def umount(s): open(d + '/pxmr_umounted', 'w').close()\n"
                " def chdir(s, p): pass\n def getcwd(s): return '/'\n")
    # the marker umount() writes: none left by an earlier run may count
    marker = "'pxmr_umounted' in os.listdir(d)"
    setup = (fs_class + f"if {marker}: os.remove(d + '/pxmr_umounted')\n"
             "print(os.getcwd())\nvfs.mount(F(), '/pxmr_fs')\nos.chdir('/pxmr_fs')\nprint(os.getcwd())")
    check = (fs_class + "print([p for f, p in vfs.mount() if p == '/pxmr_fs'], os.getcwd())\n"
             f"print('umount called', {marker})\n"
             "vfs.mount(F(), '/pxmr_fs')\nprint('again')\nvfs.umount('/pxmr_fs')\nos.remove(d + '/pxmr_umounted')")
    out = mpremote(board, "exec", setup, "soft-reset", "exec", check)
    start = out.split("\n", 1)[0]
    # Linux keeps the program's objects across a soft reset and calls the
    # umount() of what it mounted; a board starts a new heap, where those
    # objects are gone, and drops their mounts without a call
    called = board.files is not None
    expect_out("mounts, the current directory and the program's umount()", out,
               f"{start}\n/pxmr_fs\n[] {start}\numount called {called}\nagain\n")


def mpr_resume(board):
    """Each command soft-resets first, unless `resume`."""
    mpremote(board, "exec", "pxmr_r = 'kept'")
    expect_out("resume", mpremote(board, "resume", "eval", "pxmr_r"), "kept\n")
    out = mpremote(board, "eval", "pxmr_r", status=1)
    if "NameError" not in out:
        raise Fail(f"a new connection did not reset: {out!r}")


def mpr_soft_reset_reimports(board):
    """After a soft reset a copied module is imported afresh."""
    name = PREFIX + "mod"
    with host_dir() as h:
        try:
            for version in (1, 2):
                write(os.path.join(h, name + ".py"), f"VERSION = {version}\n")
                mpremote(board, "fs", "cp", os.path.join(h, name + ".py"), f":{name}.py")
                out = mpremote(board, "exec", f"import {name}; print({name}.VERSION)")
                expect_out(f"version {version}", out, f"{version}\n")
        finally:
            mpremote(board, "fs", "rm", f":{name}.py")


def mpr_interrupt(board):
    """A program left running is interrupted by the next connection."""
    mpremote(board, "exec", "--no-follow", "import time\nwhile True:\n    time.sleep(0.01)")
    time.sleep(0.3)
    expect_out("after the interrupt", mpremote(board, "exec", "print('alive')"), "alive\n")


LINUX_BINARY = None  # --binary, when given


def _mplib_served():
    """tests/mplib's index server (the one implementation of it)."""
    spec = importlib.util.spec_from_file_location("mplib_suite", os.path.join(os.path.dirname(HERE), "mplib",
                                                                                "suite.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if mod.MPLIB is None:
        raise Skip("micropython-lib is not in a shared/ beside the tree")
    # its index is made with px-mpy-cross, which the build puts beside the
    # binary (a board's own firmware has none: the tree's default build's)
    mod.BIN = LINUX_BINARY or os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "micropython")
    import manifest
    return mod.Served.get(manifest.Library(mod.MPLIB))


def mpr_mip_install(board):
    """mip install from a local index: the package and what it requires
    (pkgutil needs pkg_resources) land in the board's lib folder and
    import, and read a file through the board's open(). --no-mpy: the
    local index has the source form only (tests/mplib/index.py). Small
    packages, so that compiling them fits a board's 64 KiB heap."""
    srv = _mplib_served()
    out = mpremote(board, "mip", "install", "--no-mpy", "--index", srv.url + "/pi", "pkgutil")
    if "Installing pkgutil (latest)" not in out or "pkg_resources" not in out or "Done" not in out:
        raise Fail(f"mip install said:\n{out}")
    m = re.search(r"from \S+ to (\S+)", out)
    lib = m.group(1) if m else None
    res = PREFIX + "res.txt"
    try:
        with host_dir() as h:
            write(os.path.join(h, res), "resource ✓\n")
            mpremote(board, "fs", "cp", os.path.join(h, res), ":" + res)
        got = mpremote(board, "exec", f"import pkgutil; print(pkgutil.get_data('', '{res}'))")
        expect_out("the installed pkgutil", got, repr("resource ✓\n".encode()) + "\n")
        out = mpremote(board, "mip", "install", "--no-mpy", "--index", srv.url + "/pi", "pkgutil")
        if "Exists:" not in out:
            raise Fail(f"a second install did not find the files there:\n{out}")
    finally:
        mpremote(board, "fs", "rm", ":" + res, status=None)
        if lib:
            mpremote(board, "fs", "rm", f":{lib}/pkgutil.py", f":{lib}/pkg_resources.py", status=None)


MPREMOTE_CHECKS = [mpr_exec, mpr_exec_error, mpr_eval, mpr_run, mpr_fs_cp_ls_cat, mpr_fs_mkdir_rm,
                   mpr_fs_cp_recursive, mpr_soft_reset, mpr_soft_reset_unmounts, mpr_resume, mpr_soft_reset_reimports, mpr_interrupt,
                   mpr_mip_install]


# ---- mpremote's own test scripts ----------------------------------------------------

# Scripts that cannot pass against the Linux command, and why. A board
# runs them all.
NOT_ON_LINUX = {
    "test_resume.sh": "expects MicroPython's \"name 'a' isn't defined\" (we print CPython's message) "
                      "and reconnects by USB auto-detection after `disconnect`",
}


def script_check(script):
    def run(board):
        if board.files and script in NOT_ON_LINUX:
            raise Skip(NOT_ON_LINUX[script])
        if not board.sandboxed:  # test_filesystem.sh runs `rm -r :/`
            raise Fail("mpremote's scripts run only on a board whose files are its own (LinuxBoard(sandbox=True))")
        tests = os.path.join(MPREMOTE, "tests")
        with tempfile.TemporaryDirectory(prefix="px-mpremote-script-") as tmp:
            env = dict(os.environ, TMP=tmp, MPREMOTE_DEVICE=board.device,
                       MPREMOTE=f"{PYTHON} {os.path.join(MPREMOTE, 'mpremote.py')} connect {board.device}")
            # the .exp files' order of mpremote's stdout and the board's output
            # (written through sys.stdout.buffer) is that of a buffered stdout
            env.pop("PYTHONUNBUFFERED", None)
            # as its run-mpremote-tests.sh: stderr with stdout, "\r" removed, TMP named
            p = subprocess.run(["bash", "-c", 'bash "$0" 2>&1', os.path.join(tests, script)], cwd=tests, env=env,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, timeout=SCRIPT_TIMEOUT)
            out = p.stdout.decode("utf-8", "replace").replace("\r", "").replace(tmp, "${TMP}")
        with open(os.path.join(tests, script + ".exp"), encoding="utf-8") as f:
            want = f.read()
        if out.strip() == "SKIP":
            raise Skip("the script skipped itself")
        if out != want:
            diff = "".join(difflib.unified_diff(want.splitlines(True), out.splitlines(True), "expected", "got"))
            raise Fail(f"exit status {p.returncode}\n{diff}")
    return run


def script_checks():
    if MPREMOTE is None:
        return []  # runnable() says why the suite cannot run
    tests = os.path.join(MPREMOTE, "tests")
    return [(f"script:{n}", script_check(n)) for n in sorted(os.listdir(tests))
            if n.startswith("test_") and n.endswith(".sh") and os.path.exists(os.path.join(tests, n + ".exp"))]


def checks():
    """(name, check(board)) for every check; the MCU suite runs these too."""
    out = [(f"proto:{c.__name__[len('proto_'):]}", c) for c in PROTO_CHECKS]
    out += [(f"mpremote:{c.__name__[len('mpr_'):]}", c) for c in MPREMOTE_CHECKS]
    return out + script_checks()


# Over the TCP transport (pyserial's socket://) the Linux board runs these
# again: the connection and the protocol, not every command.
SOCKET_CHECKS = ["proto:raw_exec", "proto:paste_flow_control", "mpremote:exec", "mpremote:fs_cp_ls_cat",
                 "mpremote:soft_reset"]


def runnable():
    """None, or why mpremote cannot run here."""
    if MPREMOTE is None:
        return "mpremote is not in a shared/ beside the tree"
    p = subprocess.run([PYTHON, "-c", "import serial, platformdirs"], capture_output=True)
    if p.returncode != 0:
        return f"{PYTHON} lacks python3-serial or python3-platformdirs"
    return None


def run_on(make_board, named_checks):
    """Run the checks one after another on a board made for them; the
    (name, outcome) of each, in order."""
    if not named_checks:
        return []
    try:
        board = make_board()
    except Exception as e:  # the board did not come up: every check fails with that
        return [(n, f"{type(e).__name__}: {e}") for n, _ in named_checks]
    try:
        return [(n, suitelib.outcome(c, board)) for n, c in named_checks]
    finally:
        board.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--binary", help="the micropython to test, as a board")
    where.add_argument("--device", help="a board's serial port: a tty path or socket://HOST:PORT")
    ap.add_argument("-k", dest="pattern", default="", help="only checks whose name contains this")
    args = ap.parse_args()
    why = runnable()
    if why:
        print(f"skip mpremote: {why}")
        return 0
    chosen = [(n, c) for n, c in checks() if args.pattern in n]
    if args.device:
        for name, result in run_on(lambda: boards.Device(args.device), chosen):
            suitelib.report(name, result)
        return 0
    binary = suitelib.binary_or_exit(args.binary)
    global LINUX_BINARY
    LINUX_BINARY = binary
    # Three boards at once, each running its checks in turn: mpremote's
    # own scripts, the rest over a pty, and a few over a TCP socket.
    groups = [
        (lambda: boards.LinuxBoard(binary, "pty"), [(n, c) for n, c in chosen if not n.startswith("script:")]),
        (lambda: boards.LinuxBoard(binary, "pty", sandbox=True), [(n, c) for n, c in chosen if n.startswith("script:")]),
        (lambda: boards.LinuxBoard(binary, "socket"), [(f"socket:{n}", c) for n, c in chosen if n in SOCKET_CHECKS]),
    ]
    with concurrent.futures.ThreadPoolExecutor(len(groups)) as ex:
        results = list(ex.map(lambda g: run_on(*g), groups))
    for group in results:
        for name, result in group:
            suitelib.report(name, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
