#!/usr/bin/env python3
"""The `micropython` command line, driven from outside.

    python3 tests/cli/suite.py --binary build/micropython [-k PAT]

Options, sys.path/argv, scripts from files, stdin and shebangs, exit
statuses, SIGINT/SIGTERM/SIGHUP, scheduled work while input() waits and at
exit, output to pipes, and -h agreeing with the man page
(docs/micropython.1). Prints `ok NAME` or `FAIL NAME` with indented
details (tests/suitelib.py). Tests run in parallel.
"""
import errno
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import suitelib  # noqa: E402
from suitelib import Fail, Skip  # noqa: E402

MANPAGE = os.path.join(ROOT, "docs", "micropython.1")
BIN = None  # set in main()
TESTS = []


def test(f):
    TESTS.append(f)
    return f


def run(args, stdin=None, env=None, cwd=None, timeout=10):
    """Run the binary; returns (status, stdout, stderr)."""
    e = dict(os.environ)
    e.pop("MICROPYPATH", None)
    e.pop("MICROPYINSPECT", None)
    if env:
        e.update(env)
    p = subprocess.run([BIN] + args, input=stdin, capture_output=True, text=True, env=e, cwd=cwd,
                       timeout=timeout, stdin=None if stdin is not None else subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def expect(got, want, what="output"):
    if got != want:
        raise Fail(f"{what}: expected {want!r}, got {got!r}")


def expect_run(args, status=0, out=None, err=None, err_has=None, **kw):
    """Run and check the status, stdout (exact) and stderr (exact or a part)."""
    st, o, e = run(args, **kw)
    detail = f"command: micropython {' '.join(args)}\nstatus {st}\nstdout: {o!r}\nstderr: {e!r}"
    if st != status or (out is not None and o != out) or (err is not None and e != err) or \
            (err_has is not None and err_has not in e):
        raise Fail(f"expected status {status}, stdout {out!r}, stderr {err if err is not None else err_has!r}\n"
                   + detail)
    return o, e


class TempDir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="px-cli-")
        return self

    def __exit__(self, *a):
        shutil.rmtree(self.path, ignore_errors=True)

    def write(self, name, text, mode=0o644):
        p = os.path.join(self.path, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(text)
        os.chmod(p, mode)
        return p


# ---- options ----------------------------------------------------------------

@test
def version():
    o, _ = expect_run(["--version"])
    st, info, _ = run(["-c", "import sys; print(sys.version.split('; ')[1] + '; ' + sys.implementation._machine)"])
    expect(o, info)
    if not o.startswith("MicroPython-compatible px "):
        raise Fail(f"unexpected version text {o!r}")


@test
def help_option():
    for flag in ["-h", "--help"]:
        o, _ = expect_run([flag], err="")
        if not o.startswith("usage: "):
            raise Fail(f"{flag}: no usage line: {o[:80]!r}")


def manpage_options():
    """Option words from the man page's OPTIONS and ENVIRONMENT sections:
    '-c', '--version', '-X', 'compile-only', 'heapsize=', 'MICROPYPATH', ..."""
    words, section = [], None
    lines = open(MANPAGE).read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith(".SH "):
            section = line[4:].strip('"')
            continue
        if section not in ("OPTIONS", "ENVIRONMENT") or i == 0 or lines[i - 1] != ".TP":
            continue
        if not re.match(r"\.(B|BI|BR|I) ", line):
            continue
        text = line.split(" ", 1)[1].replace("\\-", "-").replace('"', " ")
        text = re.sub(r"\\f[BIRP]", "", text)
        for w in text.replace(",", " ").split():
            m = re.match(r"^(-[-\w]*|[a-z-]+(?:=[a-z]*)?|[A-Z]+[A-Z_]*)", w)
            if m and not w.startswith("<"):
                words.append(m.group(1))
    return words


@test
def help_matches_manpage():
    o, _ = expect_run(["-h"])
    words = manpage_options()
    for need in ["-c", "-m", "-h", "--help", "--version", "-i", "-O", "-v", "-X", "compile-only",
                 "emit=bytecode", "heapsize=", "MICROPYPATH", "MICROPYINSPECT"]:
        if need not in words:
            raise Fail(f"the man page's option list lacks {need}: parsed {words}")
    missing = [w for w in words if w not in ("HOME",) and w not in o]
    if missing:
        raise Fail(f"-h does not mention {missing}")
    # and the other way: every option -h shows is in the man page
    # option lines are indented by 2 ("  -c <command>"), -X options by 5
    shown = set(re.findall(r"^  (-[-\w]+)", o, re.M)) | set(re.findall(r"^     ([a-z-]+=?)", o, re.M))
    extra = [w for w in shown if not any(m.startswith(w) for m in words)]
    if extra:
        raise Fail(f"-h shows options the man page lacks: {sorted(extra)}")
    # the exit statuses: the man page's EXIT STATUS entries and -h's last paragraph
    man = open(MANPAGE).read()
    section = man.split(".SH EXIT STATUS", 1)[1].split(".SH ", 1)[0]
    man_codes = set(re.findall(r"^\.TP\n\.B (\d+)$", section, re.M))
    help_codes = set(re.findall(r"\b(\d+)\b", o.split("Exit status:", 1)[1]))
    if not man_codes or man_codes != help_codes:
        raise Fail(f"exit statuses: man page {sorted(man_codes)}, -h {sorted(help_codes)}")


@test
def unknown_option():
    for args in (["-q"], ["--frobnicate"], ["-iq", "x.py"], ["-X", "nonsense"], ["-c"], ["-m"], ["-X"]):
        o, e = expect_run(args, status=2, out="")
        if "usage: " not in e:
            raise Fail(f"{args}: no usage message on stderr: {e!r}")


@test
def c_option():
    expect_run(["-c", "import sys; print(sys.argv)", "a", "-b"], out="['-c', 'a', '-b']\n")
    expect_run(["-cprint(6*7)"], out="42\n")
    expect_run(["-c", "print(__name__)"], out="__main__\n")


@test
def script_args():
    with TempDir() as d:
        p = d.write("s.py", "import sys\nprint(sys.argv)\n")
        expect_run([p, "x", "-c", "--"], out=repr([p, "x", "-c", "--"]) + "\n")
        expect_run(["--", p, "y"], out=repr([p, "y"]) + "\n")


@test
def script_missing():
    expect_run(["/nonexistent/x.py"], status=2, err_has="can't open file '/nonexistent/x.py': [Errno 2]")


@test
def grouped_flags():
    expect_run(["-OO", "-c", "import micropython; print(micropython.opt_level())"], out="2\n")
    expect_run(["-O3", "-c", "import micropython; print(micropython.opt_level())"], out="3\n")
    expect_run(["-O", "-O", "-c", "import micropython; print(micropython.opt_level())"], out="2\n")
    expect_run(["-iO", "-c", "x = 4"], stdin="print(x, __debug__)\n", out="4 False\n")


@test
def optimize():
    code = "import micropython\nprint(micropython.opt_level(), __debug__)\nassert False, 'kept'\nprint('skipped')\n"
    expect_run(["-c", code], status=1, out="0 True\n", err_has="AssertionError: kept")
    expect_run(["-O", "-c", code], out="1 False\nskipped\n")
    # setting the level affects code compiled afterwards
    expect_run(["-c", "import micropython; micropython.opt_level(1); exec('assert False'); print('ok')"],
               out="ok\n")


@test
def verbose_lists_bytecode():
    o, _ = expect_run(["-v", "-c", "x = 12345"])
    if "<module>" not in o or "STORE_NAME" not in o:
        raise Fail(f"no bytecode listing: {o!r}")
    o2, _ = expect_run(["-v", "-X", "compile-only", "-c", "print('not run')"])
    if "not run\n" in o2.splitlines(True) or "LOAD_NAME" not in o2:
        raise Fail(f"-v -X compile-only: {o2!r}")


@test
def heapsize():
    grow = "x = []\ntry:\n    while True: x.append(bytearray(1000))\nexcept MemoryError:\n    n = len(x)\n    x = None\n    print('MemoryError', n < {})\n"
    expect_run(["-X", "heapsize=512K", "-c", grow.format(512)], out="MemoryError True\n")
    expect_run(["-Xheapsize=1M", "-c", grow.format(1024)], out="MemoryError True\n")
    expect_run(["-X", "heapsize=64wK", "-c", grow.format(64 * 8)], out="MemoryError True\n")
    expect_run(["-X", "heapsize=1000000", "-c", "print(len(bytearray(100000)))"], out="100000\n")
    # the smallest heap accepted must be enough to start
    expect_run(["-X", "heapsize=256K", "-c", "import sys; print('ok')"], out="ok\n")
    for bad in ["heapsize=", "heapsize=12Q", "heapsize=10", "heapsize=-5M", "heapsize=K", "heapsize=64K"]:
        expect_run(["-X", bad, "-c", "pass"], status=2, out="", err_has="heapsize")


@test
def emitters():
    expect_run(["-X", "emit=bytecode", "-c", "print(1)"], out="1\n")
    for e in ["native", "viper"]:
        expect_run(["-X", "emit=" + e, "-c", "print(1)"], status=2, out="",
                   err_has=f"the {e} emitter is not built in")
    expect_run(["-X", "emit=turbo", "-c", "print(1)"], status=2, out="", err_has="usage:")


@test
def compile_only():
    with TempDir() as d:
        good = d.write("good.py", "print('ran')\nraise SystemExit(5)\n")
        bad = d.write("bad.py", "print('ran')\nx = (\n")
        expect_run(["-X", "compile-only", good], out="", err="")
        expect_run(["-X", "compile-only", bad], status=1, out="", err_has="SyntaxError")
        expect_run(["-X", "compile-only", "-c", "print('ran')"], out="", err="")
        expect_run(["-X", "compile-only", "-c", "1 +"], status=1, out="", err_has="SyntaxError")
        expect_run(["-X", "compile-only", "-"], stdin="print('ran')\n", out="")
        d.write("pkg/__init__.py", "")
        d.write("pkg/__main__.py", "def f(:\n")
        expect_run(["-X", "compile-only", "-m", "pkg"], status=1, out="", err_has="SyntaxError",
                   env={"MICROPYPATH": d.path})
        expect_run(["-X", "compile-only", "-m", "good"], out="", env={"MICROPYPATH": d.path})


# ---- -m ---------------------------------------------------------------------

@test
def m_module():
    with TempDir() as d:
        d.write("tool.py", "import sys\nprint(__name__, sys.argv[1:], sys.argv[0].endswith('tool.py'))\n")
        expect_run(["-m", "tool", "a", "b"], out="__main__ ['a', 'b'] True\n", env={"MICROPYPATH": d.path})
        expect_run(["-mtool"], out="__main__ [] True\n", env={"MICROPYPATH": d.path})


@test
def m_package():
    with TempDir() as d:
        d.write("pkg/__init__.py", "print('init')\n")
        d.write("pkg/__main__.py", "print('main', __name__)\n")
        d.write("pkg/sub.py", "print('sub', __name__)\n")
        expect_run(["-m", "pkg"], out="init\nmain __main__\n", env={"MICROPYPATH": d.path})
        expect_run(["-m", "pkg.sub"], out="init\nsub __main__\n", env={"MICROPYPATH": d.path})


@test
def m_missing():
    expect_run(["-m", "no_such_module_x"], status=1, err_has="No module named 'no_such_module_x'")


@test
def m_builtin():
    # a built-in module without _main(): CPython's wording, no traceback
    o, e = expect_run(["-m", "sys"], status=1, out="", err_has="No code object available for sys")
    if "Traceback" in e:
        raise Fail(f"traceback printed: {e!r}")


# ---- sys.path ---------------------------------------------------------------

@test
def m_builtin_main():
    # a built-in module with _main() is a command-line tool: `-m gpio`
    if run(["-c", "import gpio"])[0] != 0:
        raise Skip("no gpio module in this build")
    o, e = expect_run(["-m", "gpio", "list"])
    if "No code object" in e or "Traceback" in e:
        raise Fail(f"gpio._main(): {o!r} {e!r}")


@test
def modules_doc():
    """help('modules') lists exactly the posix modules of docs/modules.md."""
    with open(os.path.join(ROOT, "docs", "modules.md"), encoding="utf-8") as f:
        rows = [line.split("|") for line in f if line.startswith("| ") and not line.startswith("| module ")]
    documented = sorted(r[1].strip() for r in rows if "posix" in [p.strip() for p in r[3].split(",")])
    o, _ = expect_run(["-c", "help('modules')"])
    lines = o.splitlines()
    if not lines or lines[-1] != "Plus any modules on the filesystem":
        raise Fail(f"unexpected help('modules') output {o!r}")
    listed = sorted(" ".join(lines[:-1]).split())
    expect(listed, documented, "modules in help('modules') against docs/modules.md")


@test
def default_path():
    expect_run(["-c", "import sys; print(sys.path)"], env={"HOME": "/home/u"},
               out="['', '/home/u/.micropython/lib', '/usr/lib/micropython']\n")


@test
def micropypath():
    expect_run(["-c", "import sys; print(sys.path)"], env={"HOME": "/h", "MICROPYPATH": "/a:~/b:rel"},
               out="['', '/a', '/h/b', 'rel']\n")
    expect_run(["-c", "import sys; print(sys.path)"], env={"MICROPYPATH": ""}, out="['']\n")
    # a directory name that is not UTF-8 stays bytes (import skips it)
    expect_run(["-c", "import sys; print(sys.path)"], env={"MICROPYPATH": "/a\udcff:/b"},
               out="['', b'/a\\xff', '/b']\n")


@test
def script_dir_first():
    with TempDir() as d:
        d.write("helper.py", "X = 'helper here'\n")
        p = d.write("main.py", "import sys, helper\nprint(sys.path[0], helper.X)\n")
        real = os.path.realpath(d.path)
        expect_run([p], out=f"{real} helper here\n", env={"MICROPYPATH": "/x"})
        expect_run(["main.py"], out=f"{real} helper here\n", cwd=d.path)


@test
def sys_executable():
    expect_run(["-c", "import sys; print(sys.executable)"], out=os.path.realpath(BIN) + "\n")


# ---- programs from stdin and shebangs ---------------------------------------

@test
def stdin_script():
    src = "import sys\ndef f(x):\n    return x * 2\n\nprint(f(21), sys.argv)\n"
    expect_run([], stdin=src, out="42 ['']\n")
    expect_run(["-", "a", "b"], stdin=src, out="42 ['-', 'a', 'b']\n")
    # run as one script: an expression statement prints nothing
    expect_run([], stdin="1 + 1\nprint('x')\n", out="x\n")
    expect_run([], stdin="print('never')\n)\n", status=1, out="", err_has="SyntaxError")


@test
def micropython_info():
    # mem_info and qstr_info print the stack, the heap and the names made
    o, _ = expect_run(["-c", "import micropython\nnew_name_here = 1\nmicropython.mem_info()\n"
                             "micropython.mem_info(1)\nmicropython.qstr_info(1)"])
    head = (r"stack: \d+ out of \d+\nGC: total: \d+, used: \d+, free: \d+\n"
            r" heap from the system: \d+ bytes; \d+ small blocks in \d+ pages, \d+ large blocks\n"
            r" largest block: \d+ bytes, largest free run: \d+ bytes\n")
    want = (head + head + r"GC memory layout \(\. free, s/S small blocks, L= large block\):\n"
            r"(chunk \d+: \d+ pages\n([.sSL=]{1,64}\n)+)+"
            r"qstr pool: n_static=\d+, n_dynamic=[1-9]\d*, bytes_dynamic=\d+\n(Q\(\S+\)\n)+")
    if not re.fullmatch(want, o) or "Q(new_name_here)\n" not in o:
        raise Fail(f"unexpected output {o!r}")


@test
def kbd_intr_restored_at_exit():
    # a script's micropython.kbd_intr(-1) does not outlive it on the terminal
    master, slave = pty.openpty()
    try:
        before = termios.tcgetattr(slave)[6][termios.VINTR]
        p = subprocess.run([BIN, "-c", "import micropython; micropython.kbd_intr(-1); print('set')"],
                           stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10)
        after = termios.tcgetattr(slave)[6][termios.VINTR]
        if p.returncode != 0 or p.stdout != b"set\n" or before != b"\x03" or after != before:
            raise Fail(f"status {p.returncode}, stdout {p.stdout!r}, VINTR {before!r} -> {after!r}")
    finally:
        os.close(master)
        os.close(slave)


@test
def dash_reads_a_terminal():
    # "-" reads the program even from a terminal: no banner, no prompts
    master, slave = pty.openpty()
    p = subprocess.Popen([BIN, "-"], stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    os.close(slave)
    try:
        os.write(master, b"x = 6 * 7\nprint(x)\n")
        time.sleep(0.1)
        os.write(master, b"\x04")  # ^D at the start of a line: end of file
        out = b""
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break  # EIO: the program has ended
                if not chunk:
                    break
                out += chunk
            elif p.poll() is not None:
                break
        status = p.wait(timeout=5)
        text = out.decode(errors="replace").replace("\r\n", "\n")
        if status != 0 or "\n42\n" not in text or ">>>" in text:
            raise Fail(f"status {status}, terminal output {text!r}")
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)


@test
def script_is_a_directory():
    with TempDir() as d:
        expect_run([d.path], status=2, out="", err_has=f"can't open file '{d.path}': [Errno 21]")


@test
def shebang():
    with TempDir() as d:
        p = d.write("prog", "#!/usr/bin/env micropython\nimport sys\nprint('hello', sys.argv[1:])\n", 0o755)
        env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(BIN)) + ":" + os.environ.get("PATH", ""))
        # Tests run in parallel threads: a child forked by another thread while
        # the script was open for writing holds it until it execs, and exec
        # of the script then fails with ETXTBSY for a moment.
        for attempt in range(50):
            try:
                r = subprocess.run([p, "arg"], capture_output=True, text=True, env=env, timeout=10)
                break
            except OSError as e:
                if e.errno != errno.ETXTBSY or attempt == 49:
                    raise
                time.sleep(0.02)
        expect((r.returncode, r.stdout, r.stderr), (0, "hello ['arg']\n", ""), "shebang run")


# ---- -i and MICROPYINSPECT --------------------------------------------------

@test
def inspect():
    expect_run(["-i", "-c", "x = 5"], stdin="print(x + 1)\n", out="6\n")
    expect_run(["-c", "x = 7"], stdin="print(x)\n", env={"MICROPYINSPECT": "1"}, out="7\n")
    expect_run(["-c", "x = 7"], stdin="print(x)\n", env={"MICROPYINSPECT": ""}, out="")
    # after an exception: printed, then the REPL sees the state
    o, e = expect_run(["-i", "-c", "y = 3\nraise ValueError('boom')"], stdin="print(y)\n", out="3\n")
    if "ValueError: boom" not in e:
        raise Fail(f"exception not printed: {e!r}")
    # sys.exit() ends the program even with -i
    expect_run(["-i", "-c", "import sys; sys.exit(4)"], stdin="print('repl')\n", status=4, out="")


# ---- exit statuses ----------------------------------------------------------

@test
def exit_status():
    cases = [
        ("pass", 0, ""),
        ("import sys; sys.exit()", 0, ""),
        ("import sys; sys.exit(None)", 0, ""),
        ("import sys; sys.exit(3)", 3, ""),
        ("raise SystemExit(42)", 42, ""),
        ("raise SystemExit", 0, ""),
        ("import sys; sys.exit(True)", 1, ""),
        ("import sys; sys.exit(256)", 0, ""),
        ("import sys; sys.exit(-1)", 255, ""),
        ("import sys; sys.exit(2**70)", 255, ""),
        ("import sys; sys.exit('bye now')", 1, "bye now\n"),
        ("raise SystemExit(1, 2)", 1, "(1, 2)\n"),
    ]
    for code, status, err in cases:
        expect_run(["-c", code], status=status, out="", err=err)
    o, e = expect_run(["-c", "print('a')\n1/0"], status=1, out="a\n")
    if not e.startswith("Traceback (most recent call last):") or not e.endswith("ZeroDivisionError: division by zero\n"):
        raise Fail(f"traceback: {e!r}")


@test
def atexit_runs():
    expect_run(["-c", "import sys\nsys.atexit(lambda: print('bye'))\nraise SystemExit(3)"], status=3,
               out="bye\n")


# ---- signals ----------------------------------------------------------------

def with_signal(code, sig, stdin=subprocess.DEVNULL, env=None):
    """Start `code`, wait for its 'ready' line, send sig; (status, out, err)."""
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.Popen([BIN, "-c", code], stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=e)
    try:
        line = p.stdout.readline()
        if line != "ready\n":
            p.kill()
            raise Fail(f"no ready line: {line!r} {p.stderr.read()!r}")
        time.sleep(0.05)
        p.send_signal(sig)
        out, err = p.communicate(timeout=5)
        return p.returncode, out, err
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        raise Fail("did not end after the signal")


def expect_signal(code, sig, status, out, err_end=None, **kw):
    st, o, e = with_signal(code, sig, **kw)
    if st != status or o != out or (err_end is not None and not e.endswith(err_end)):
        raise Fail(f"expected {status} {out!r} ...{err_end!r}\ngot {st} {o!r} {e!r}")


READY = "import sys, time\nprint('ready')\nsys.stdout.flush()\n"


@test
def sigint_busy_loop():
    expect_signal(READY + "while True:\n    pass\n", signal.SIGINT, 130, "", "KeyboardInterrupt\n")


@test
def sigint_sleep():
    expect_signal(READY + "time.sleep(30)\n", signal.SIGINT, 130, "", "KeyboardInterrupt\n")


@test
def sigint_stdin_read():
    r, w = os.pipe()  # stdin that stays open and empty: input() blocks
    try:
        expect_signal(READY + "input()\n", signal.SIGINT, 130, "", "KeyboardInterrupt\n", stdin=r)
    finally:
        os.close(r)
        os.close(w)


@test
def sigint_caught():
    code = READY + "try:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('caught')\n"
    expect_signal(code, signal.SIGINT, 0, "caught\n", "")


@test
def sigterm_runs_finally():
    code = READY + "try:\n    time.sleep(30)\nfinally:\n    print('cleanup')\n"
    expect_signal(code, signal.SIGTERM, 143, "cleanup\n", "")


@test
def sigterm_runs_with_exit():
    code = ("import sys\n"
            "class C:\n"
            "    def __enter__(self):\n"
            "        print('ready')\n"
            "        sys.stdout.flush()\n"
            "    def __exit__(self, *a):\n"
            "        print('exit', a[0].__name__)\n"
            "with C():\n"
            "    while True:\n"
            "        pass\n")
    expect_signal(code, signal.SIGTERM, 143, "exit SystemExit\n", "")


@test
def sigterm_caught():
    code = READY + "try:\n    time.sleep(30)\nexcept SystemExit as e:\n    print('code', e.args)\n"
    expect_signal(code, signal.SIGTERM, 0, "code (143,)\n", "")


@test
def sighup_runs_finally():
    code = READY + "try:\n    time.sleep(30)\nfinally:\n    print('cleanup')\n"
    expect_signal(code, signal.SIGHUP, 129, "cleanup\n", "")


@test
def sighup_ignored_under_nohup():
    # a SIGHUP ignored by whoever started us (nohup) stays ignored
    code = READY + "try:\n    time.sleep(30)\nfinally:\n    print('cleanup')\n"
    p = subprocess.Popen([BIN, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         stdin=subprocess.DEVNULL, preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    try:
        expect(p.stdout.readline(), "ready\n", "start")
        p.send_signal(signal.SIGHUP)
        time.sleep(0.2)
        if p.poll() is not None:
            raise Fail(f"ended by an ignored SIGHUP: status {p.returncode}")
        p.send_signal(signal.SIGTERM)
        out, err = p.communicate(timeout=5)
        expect((p.returncode, out, err), (143, "cleanup\n", ""))
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()


@test
def sigterm_stdin_read():
    r, w = os.pipe()
    try:
        code = READY + "try:\n    input()\nfinally:\n    print('cleanup')\n"
        expect_signal(code, signal.SIGTERM, 143, "cleanup\n", "", stdin=r)
    finally:
        os.close(r)
        os.close(w)


@test
def input_runs_scheduled_work():
    # input() waits in the event poller: scheduled callbacks (one-shot and
    # one that re-schedules itself for a while) run, and the line written
    # after a delay is still read whole
    code = ("import micropython, sys, time\n"
            "t0 = time.ticks_ms()\n"
            "log = []\n"
            "def tick(n):\n"
            "    log.append(n)\n"
            "    if time.ticks_diff(time.ticks_ms(), t0) < 100:\n"
            "        micropython.schedule(tick, n + 1)\n"
            "micropython.schedule(log.append, 'once')\n"
            "micropython.schedule(tick, 1)\n"
            "print('ready')\n"
            "sys.stdout.flush()\n"
            "line = input()\n"
            "print(repr(line), log[0], len(log) > 3, time.ticks_diff(time.ticks_ms(), t0) >= 300)\n")
    p = subprocess.Popen([BIN, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    try:
        expect(p.stdout.readline(), "ready\n", "start")
        time.sleep(0.4)
        out, err = p.communicate("hello\n", timeout=5)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        raise Fail("input() did not return")
    expect((p.returncode, out, err), (0, "'hello' once True True\n", ""))


# ---- leaving: scheduled work at exit -----------------------------------------

GEN = ("import sys\n"
       "def g(n):\n"
       "    try:\n"
       "        yield 1\n"
       "    finally:\n"
       "        print('finally', n)\n"
       "x = g(1)\n"
       "next(x)\n"
       "x = None\n")


@test
def dropped_generator_closed_at_exit():
    # no collection ran while the program did: the generator is closed
    # before the interpreter shuts down, after the program's output
    expect_run(["-c", GEN + "print('end')"], out="end\nfinally 1\n")
    expect_run(["-c", GEN + "sys.exit(4)"], status=4, out="finally 1\n")
    expect_run(["-c", GEN + "1/0"], status=1, out="finally 1\n", err_has="ZeroDivisionError")
    # before atexit functions, as CPython closes it when dropped
    expect_run(["-c", GEN + "sys.atexit(lambda: print('atexit'))"], out="finally 1\natexit\n")


@test
def scheduled_work_runs_at_exit():
    sched = "import micropython\n"
    expect_run(["-c", sched + "micropython.schedule(print, 'late')"], out="late\n")
    # a callback that re-schedules itself does not keep the process alive
    again = sched + "def cb(n):\n    print(n)\n    micropython.schedule(cb, n + 1)\nmicropython.schedule(cb, 0)"
    o, _ = expect_run(["-c", again], timeout=5)
    if not o.startswith("0\n"):
        raise Fail(f"callback did not run at exit: {o!r}")
    # an exception in one is reported and decides the status, as in atexit
    expect_run(["-c", sched + "def cb(a):\n    raise ValueError(a)\nmicropython.schedule(cb, 5)"],
               status=1, out="", err_has="ValueError: 5")


# ---- output to pipes --------------------------------------------------------

def shell(cmd, timeout=10):
    r = subprocess.run(["bash", "-c", "set -o pipefail; " + cmd], capture_output=True, text=True, timeout=timeout,
                       env=dict(os.environ, MP=BIN))
    return r.returncode, r.stdout, r.stderr


@test
def closed_pipe_ends_quietly():
    t = time.monotonic()
    st, o, e = shell('"$MP" -c "while True: print(\'line\')" | head -1; echo "status ${PIPESTATUS[0]}"')
    expect((o, e), ("line\nstatus 141\n", ""), "print loop | head -1")
    if time.monotonic() - t > 5:
        raise Fail("took too long")
    # finally blocks still run; a loop swallowing the error still ends once it re-raises
    code = "import sys\ntry:\n    while True: print('x' * 100)\nfinally:\n    sys.stderr.write('finally\\n')\n"
    st, o, e = shell(f'"$MP" -c "{code}" | head -c 10 >/dev/null; echo "status ${{PIPESTATUS[0]}}"')
    expect((o, e), ("status 141\n", "finally\n"), "finally with a closed pipe")
    code = "n = 0\nwhile True:\n    try:\n        print(n)\n    except OSError as e:\n        print('never', e)\n" \
        "        break\n    n += 1\n"
    st, o, e = shell(f'"$MP" -c "{code}" | head -1; echo "status ${{PIPESTATUS[0]}}"')
    expect((o, e), ("0\nstatus 141\n", ""), "caught BrokenPipeError, then printing again")
    # a program that handles the error decides its status
    code = "import sys\ntry:\n    while True: print('x')\nexcept OSError as e:\n    sys.stderr.write(repr(e.args))\n"
    st, o, e = shell(f'"$MP" -c "{code}" | head -1; echo "status ${{PIPESTATUS[0]}}"')
    expect((o, e), ("x\nstatus 0\n", "(32, 'Broken pipe')"), "handled BrokenPipeError")
    # output lost at the final flush, with no exception to tell the program
    st, o, e = shell('"$MP" -c "import time; time.sleep(0.3); print(1)" | true; echo "status ${PIPESTATUS[0]}"')
    expect((o, e), ("status 141\n", ""), "output lost at exit")


@test
def pipe_output_complete_and_ordered():
    st, o, e = shell('"$MP" -c "for i in range(100000): print(i)" | tail -1')
    expect((st, o), (0, "99999\n"), "all output through a pipe")
    code = "import sys\nprint('out1')\nsys.stderr.write('err1\\n')\nprint('out2')\n1/0\n"
    st, o, e = shell(f'"$MP" -c "{code}" 2>&1 | cat')
    lines = o.splitlines()
    expect(lines[:3], ["out1", "err1", "out2"], "stdout/stderr order")


@test
def output_flushed_before_sleep():
    p = subprocess.Popen([BIN, "-c", "import time\nprint('before')\ntime.sleep(30)\n"], stdout=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, text=True)
    try:
        ready, _, _ = select.select([p.stdout], [], [], 3)
        if not ready:
            raise Fail("output not flushed before time.sleep")
        expect(p.stdout.readline(), "before\n")
    finally:
        p.kill()
        p.communicate()


def main():
    global BIN
    args = suitelib.arg_parser(__doc__).parse_args()
    BIN = suitelib.binary_or_exit(args.binary)
    suitelib.run_tests([(t.__name__, t) for t in TESTS], args.pattern, workers=4)
    return 0


if __name__ == "__main__":
    sys.exit(main())
