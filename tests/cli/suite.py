#!/usr/bin/env python3
"""The `micropython` command line, driven from outside.

    python3 tests/cli/suite.py --binary build/micropython [-k PAT]

Options, sys.path/argv, scripts from files, stdin and shebangs, exit
statuses, SIGINT/SIGTERM/SIGHUP (also while blocked in each kind of wait),
scheduled work while input() waits and at exit, stdout buffering into
pipes, terminals and the journal, local time under several TZ values
against /usr/bin/python3, ticks across a wall-clock jump (libfaketime),
termios on a pty, os.dupterm input, sockets with a CPython peer in another
process (a server that resets the connection, a client that disconnects),
micropython-lib's os.path test, multi-megabyte zlib/gzip/deflate streams
exchanged with CPython both ways, .mpy files and px-mpy-cross
(tests/cli/mpy_files.py), and -h
agreeing with the man page (docs/micropython.1). Prints `ok NAME` or `FAIL NAME` with indented
details (tests/suitelib.py). Tests run in parallel.
"""
import errno
import glob
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
import mpy_files  # noqa: E402
from suitelib import Fail, Skip, shared  # noqa: E402

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
    # MicroPython's shape: "MicroPython v1.2.3 on 2026-12-07; linux [GCC 12.2.0] with x86_64"
    if not re.match(r"MicroPython v\d+\.\d+\.\d+\S* on \d{4}-\d\d-\d\d; linux \[[^]]+\] with \w+\n$", o):
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
    expect_run(["/nonexistent/x.py"], status=2, out="", err_has="can't open file '/nonexistent/x.py': [Errno 2]")


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


THREAD_REPORTS = """import _thread, gc, sys, time
hog = []
def grow():
    while True:
        hog.append(bytearray(5000))
def worker():
    try:
        grow()
    finally:
        done.release()
def fails(n):
    try:
        raise ValueError("bad", n)
    finally:
        done.release()
class R:
    def __repr__(self):
        raise RuntimeError("no repr")
    def run(self):
        try:
            raise KeyError("k")
        finally:
            done.release()
def wait():
    done.acquire()
    time.sleep(0.3)  # (its report comes after the release)
done = _thread.allocate_lock()
done.acquire()
_thread.start_new_thread(worker, ())
wait()
print("main goes on", len(hog) > 10)
hog.clear()
def run_fresh():
    ns = {}
    exec(compile("def fresh(h):\\n    while True:\\n        h.append(bytearray(5000))\\n", "gen.py", "exec"), ns)
    f = ns["fresh"]
    ns = None
    f(hog)
def churn():
    return [compile("x = %d" % i, "other.py", "exec") for i in range(300)]
try:
    run_fresh()
except MemoryError as e:
    hog.clear()
    churn()
    gc.collect()
    junk = churn()  # (code objects: where fresh's was, if it was freed)
    tb = e.__traceback__
    entries = []
    while tb is not None:
        entries.append((tb.tb_frame.f_code.co_filename[-6:], tb.tb_lineno, tb.tb_frame.f_code.co_name))
        tb = tb.tb_next
    print(entries, e.__traceback__ is e.__traceback__)
    sys.print_exception(e, sys.stdout)
    junk = None
_thread.start_new_thread(fails, (7,))
wait()
_thread.start_new_thread(R().run, ())
wait()
print("main goes on again")
grow()
"""


@test
def thread_uncaught_reports():
    """A thread that an exception ends prints "Unhandled exception in thread
    started by <function>" and the traceback (MicroPython's report), and the
    program goes on: also for a MemoryError while the heap is still full
    (printed without allocating, its traceback kept in static entries that
    are GC roots: here the code object of `fresh` is reachable from nothing
    else when a collection runs), and when printing the function fails (a
    bound method whose __repr__ raises). Then the main thread's own
    uncaught MemoryError has its traceback too."""
    with TempDir() as t:
        script = t.write("oom.py", THREAD_REPORTS)
        o, e = expect_run(["-X", "heapsize=2M", script], status=1, cwd=t.path)
        want_out = ("main goes on True\n"
                    "[('oom.py', 42, '<module>'), ('oom.py', 38, 'run_fresh'), ('gen.py', 3, 'fresh')] True\n"
                    f'Traceback (most recent call last):\n  File "{script}", line 42, in <module>\n'
                    f'  File "{script}", line 38, in run_fresh\n  File "gen.py", line 3, in fresh\nMemoryError\n'
                    "main goes on again\n")
        expect(o, want_out, "stdout")
        f = f'  File "{script}", line '
        want_err = [
            ("Unhandled exception in thread started by <function worker at 0x[0-9a-f]+>\n"
             f"Traceback \\(most recent call last\\):\n{re.escape(f)}8, in worker\n{re.escape(f)}5, in grow\n"
             "MemoryError\n"),
            ("Unhandled exception in thread started by <function fails at 0x[0-9a-f]+>\n"
             f"Traceback \\(most recent call last\\):\n{re.escape(f)}13, in fails\n"
             "ValueError: \\('bad', 7\\)\n"),
            ("Unhandled exception in thread started by <object repr\\(\\) failed>\n"
             f"Traceback \\(most recent call last\\):\n{re.escape(f)}21, in run\nKeyError: 'k'\n"),
            f"Traceback \\(most recent call last\\):\n{re.escape(f)}61, in <module>\n{re.escape(f)}5, in grow\n"
            "MemoryError\n",
        ]
        if not re.fullmatch("".join(want_err), e):
            raise Fail(f"stderr: {e!r}\nexpected (regular expressions, in order): {want_err!r}")


@test
def compile_per_statement_memory():
    """A module is compiled one top-level statement at a time: 8,000 small
    statements (440 KB) compile and run in a 4 MiB heap (3 MiB is enough).
    Compiled whole (all tokens, then the whole tree) it needed more than
    16 MiB; with inline caches for its 40,000 attribute and global sites,
    four ways each, made when it started running (they are made at its
    first backward jump now: it has none), 5 MiB."""
    lines = ["total = 0\n"]
    for i in range(8000):
        if i % 1000 == 0:
            lines.append(f"def step(a, b={i}):\n    return (a + b) % 1000003\n\nclass Box:\n    size = {i}\n\n")
        lines.append(f"total = step(total, Box.size) * 3 + {i} - (total >> 4)\n")
    lines.append("print(total)\n")
    src = "".join(lines)
    want = {}
    exec(src, {"print": lambda v: want.setdefault("total", v)})
    with TempDir() as d:
        path = d.write("many.py", src)
        expect_run(["-X", "heapsize=4M", path], out=f"{want['total']}\n", timeout=60)
        # exec() of the same text: the same path through compile()
        code = f"exec(open({path!r}).read())"
        expect_run(["-X", "heapsize=4M", "-c", code], out=f"{want['total']}\n", timeout=60)


def limited_run(args, address_space):
    """Run under `ulimit -v`; (status, stdout, stderr)."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    p = subprocess.run([BIN] + args, capture_output=True, text=True, timeout=60, preexec_fn=limit,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


@test
def heap_cap_bounds():
    # beyond the memory there is: refused, naming the limit
    st, o, e = limited_run(["-X", "heapsize=2G", "-c", "pass"], 1 << 30)
    expect(st, 2, "heapsize over ulimit -v: status")
    if "ulimit -v: 1G" not in e:
        raise Fail(f"heapsize over ulimit -v: {e!r}")
    expect_run(["-X", "heapsize=1000000G", "-c", "pass"], status=2, out="", err_has="more than")
    # the default: a quarter of what the process may use, shown by -h
    code = "import gc\ngc.collect()\nprint((gc.mem_free() + gc.mem_alloc()) >> 20)\n"
    st, o, e = limited_run(["-c", code], 1 << 30)
    expect((st, o), (0, "256\n"), "default cap under ulimit -v 1G")
    st, o, e = limited_run(["-h"], 1 << 30)
    if "default here: 256M" not in o or "(ulimit -v: 1G)" not in o:
        raise Fail(f"-h under ulimit -v 1G: {o!r}")
    # a runaway program meets MemoryError, and a huge request fails at once
    code = "l = []\ntry:\n    while True: l.append(bytearray(1 << 20))\nexcept MemoryError:\n" \
        "    print(200 < len(l) <= 256)\ntry:\n    bytearray(10 ** 13)\nexcept MemoryError:\n    print('huge')\n"
    st, o, e = limited_run(["-c", code], 1 << 30)
    expect((st, o), (0, "True\nhuge\n"), "runaway under ulimit -v 1G")


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
def m_argv_cwd():
    # as CPython: sys.path[0] is the current directory by its full name and
    # sys.argv[0] the module's full path, once
    with TempDir() as d:
        d.write("pkg/__init__.py", "")
        d.write("pkg/mod.py", "import sys\nprint(sys.argv, sys.path[0])\n")
        want = subprocess.run(["/usr/bin/python3", "-m", "pkg.mod", "a", "b"], capture_output=True, text=True,
                              cwd=d.path).stdout
        real = os.path.realpath(d.path)
        expect(want, f"{[os.path.join(real, 'pkg', 'mod.py'), 'a', 'b']} {real}\n", "CPython's output")
        expect_run(["-m", "pkg.mod", "a", "b"], out=want, cwd=d.path)


@test
def m_missing():
    expect_run(["-m", "no_such_module_x"], status=1, out="", err_has="No module named 'no_such_module_x'")


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
    if glob.glob("/dev/gpiochip*"):
        # a machine with chips: their listing is the kernel's; no error
        o, e = expect_run(["-m", "gpio", "list"], err="")
        if not o:
            raise Fail("gpio list printed nothing on a machine with chips")
    else:
        expect_run(["-m", "gpio", "list"], err="",
                   out="no GPIO chips: /dev/gpiochip* does not exist on this system\n")


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


def build_prefix():
    """The installation prefix the binary was configured with (meson)."""
    import json
    info = os.path.join(os.path.dirname(BIN), "meson-info", "intro-buildoptions.json")
    with open(info, encoding="utf-8") as f:
        return next(o["value"] for o in json.load(f) if o["name"] == "prefix")


@test
def schedule_wakes_tight_loop():
    """A callback queued with micropython.schedule runs inside loops with no
    calls (issue 11), whichever way the loop turns."""
    code = """import micropython
done = False
def cb(arg):
    global done
    done = arg
micropython.schedule(cb, 1)
while not done:
    pass
micropython.schedule(cb, 2)
while done != 2:
    x = 1
micropython.schedule(cb, 3)
n = 0
while True:
    n += 1
    if done == 3:
        break
print("woken", done)
"""
    expect_run(["-c", code], out="woken 3\n", timeout=20)


@test
def weakref_finalizer_raises():
    """An exception from a weakref.finalize function is reported on stderr
    as CPython does ("Exception ignored in: <finalize object ...>") and
    the object's other finalizers still run."""
    code = """import gc, weakref
class Res:
    pass
log = []
def boom():
    raise ValueError("from a finalizer")
def make():
    r = Res()
    weakref.finalize(r, boom)
    weakref.finalize(r, log.append, "second ran")
list(map(lambda _: make(), [0]))
a = b = c = d = None
gc.collect()
print(log)
"""
    o, e = expect_run(["-c", code], out="['second ran']\n")
    if not re.match(r"Exception ignored in: <finalize object at 0x[0-9a-f]+; dead>\n", e) or \
            not e.endswith("ValueError: from a finalizer\n"):
        raise Fail(f"stderr {e!r}")


@test
def module_tables_lookup():
    """Every name dir() shows on each built-in module, and on each class a
    module holds, is found by getattr: the const tables are sorted as the
    binary search needs (a debug build aborts on an unsorted one)."""
    code = """
import sys
names = []
for line in sys.argv[1].split():
    names.append(line)
for name in names:
    m = __import__(name)
    for part in name.split(".")[1:]:
        m = getattr(m, part)
    for a in dir(m):
        v = getattr(m, a)
        if isinstance(v, type):
            for b in dir(v):
                getattr(v, b, None)
print(len(names))
"""
    o, _ = expect_run(["-c", "help('modules')"])
    mods = " ".join(o.splitlines()[:-1]).split()
    expect_run(["-c", code, " ".join(mods)], out=f"{len(mods)}\n")


@test
def deflate_interop():
    """Multi-megabyte streams between our zlib/gzip/deflate and CPython's,
    both ways: CPython compresses (a multi-member gzip file too), we
    decompress; we compress (each format, small and large windows),
    CPython decompresses. Our zlib output at wbits 15 is at most 5% larger
    than CPython's level 6 (fixed Huffman codes alone made it 15-25%)."""
    import gzip
    import hashlib
    import zlib
    words = [b"alpha", b"beta", b"gamma", b"delta", b"epsilon", b"zeta\n", b"eta", b"theta", b"\x00\xff\x10"]
    x, parts = 7, []
    for _ in range(500000):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        parts.append(words[x % 9] if x % 5 else b"%d" % x)
    data = b" ".join(parts) + bytes((i * i * 7 + (i >> 5)) & 255 for i in range(600000))
    digest = hashlib.sha256(data).hexdigest()
    with TempDir() as t:
        src = os.path.join(t.path, "data")
        with open(src, "wb") as f:
            f.write(data)
        made = {"c.z": zlib.compress(data, 6), "c.gz": gzip.compress(data, 9),
                "c2.gz": b"".join(gzip.compress(data[i:i + 300000], 6) for i in range(0, len(data), 300000)) + bytes(5)}
        co = zlib.compressobj(1, zlib.DEFLATED, -15)
        made["c.raw"] = co.compress(data) + co.flush()
        for name, blob in made.items():
            with open(os.path.join(t.path, name), "wb") as f:
                f.write(blob)
        script = t.write("interop.py", """
import deflate, gzip, hashlib, zlib
def rd(n):
    with open(n, 'rb') as f:
        return f.read()
for name, out in [('c.z', zlib.decompress(rd('c.z'))), ('c.gz', gzip.decompress(rd('c.gz'))),
                  ('c2.gz', gzip.decompress(rd('c2.gz'))), ('c.raw', zlib.decompress(rd('c.raw'), -15))]:
    print(name, hashlib.sha256(out).hexdigest())
with open('c.raw', 'rb') as f:
    print('stream', hashlib.sha256(deflate.DeflateIO(f, deflate.RAW, 15).read()).hexdigest())
data = rd('data')
for name, blob in [('o.z', zlib.compress(data)), ('o9.z', zlib.compress(data, 9)), ('o.gz', gzip.compress(data)),
                   ('o.raw', zlib.compress(data, -15))]:
    with open(name, 'wb') as f:
        f.write(blob)
""")
        o, _ = expect_run([script], cwd=t.path, timeout=120)
        want = "".join(f"{n} {digest}\n" for n in ("c.z", "c.gz", "c2.gz", "c.raw", "stream"))
        expect(o, want, "our decompression of CPython's streams")

        def rd(n):
            with open(os.path.join(t.path, n), "rb") as f:
                return f.read()
        for name, back in [("o.z", zlib.decompress(rd("o.z"))), ("o9.z", zlib.decompress(rd("o9.z"))),
                           ("o.gz", gzip.decompress(rd("o.gz"))), ("o.raw", zlib.decompress(rd("o.raw"), -15))]:
            if back != data:
                raise Fail(f"CPython decompresses our {name} to {len(back)} bytes, not the {len(data)} given")
        ours, theirs = len(rd("o.z")), len(made["c.z"])
        if ours > theirs * 1.05:
            raise Fail(f"our zlib.compress gives {ours} bytes, CPython's level 6 {theirs}: more than 5% larger")


@test
def default_path():
    # the packaged modules' directory is under the prefix: /usr/lib/micropython
    # in the Debian package, /usr/local/lib/micropython in meson's default
    expect_run(["-c", "import sys; print(sys.path)"], env={"HOME": "/home/u"},
               out=f"['', '.frozen', '/home/u/.micropython/lib', '{build_prefix()}/lib/micropython']\n")


@test
def micropypath():
    expect_run(["-c", "import sys; print(sys.path)"], env={"HOME": "/h", "MICROPYPATH": "/a:~/b:rel"},
               out="['', '.frozen', '/a', '/h/b', 'rel']\n")
    expect_run(["-c", "import sys; print(sys.path)"], env={"MICROPYPATH": ""}, out="['', '.frozen']\n")
    # a directory name that is not UTF-8 stays bytes (import skips it)
    expect_run(["-c", "import sys; print(sys.path)"], env={"MICROPYPATH": "/a\udcff:/b"},
               out="['', '.frozen', b'/a\\xff', '/b']\n")


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


@test
def inspect_long_statements():
    # statements split where the REPL would end them: brackets, triple
    # quotes (with '#' and quotes inside), backslashes, blocks, decorators
    stdin = ("s = '''a # not a comment\n'b' \"c\"\n'''\nprint(repr(s))\n"
             "t = 1 + \\\n  2  # it's a comment\nprint(t)\n"
             "def d(f):\n    return lambda: f() * 2\n@d\ndef g():\n    return (1,\n# ]\n  2)[1]\nprint(g())\n"
             "for i in range(2):\n    x = i\nelse:\n    print('else', x)\n\nprint('end')\n")
    expect_run(["-i", "-c", "pass"], stdin=stdin, out="'a # not a comment\\n\\'b\\' \"c\"\\n'\n3\n4\nelse 1\nend\n")
    # a statement of 200,000 lines is read in time linear in its length
    # (it took minutes when each line rescanned the statement so far)
    n = 200000
    stdin = "x = [\n" + "".join(f"  {i},\n" for i in range(n)) + "]\n\nprint(len(x), x[-1])\n"
    expect_run(["-i", "-c", "pass"], stdin=stdin, out=f"{n} {n - 1}\n", timeout=60)


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

def with_signal(code, sig, stdin=subprocess.DEVNULL, env=None, script=None):
    """Start `code` (or the file `script`), wait for its 'ready' line, send
    sig; (status, out, err)."""
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.Popen([BIN, script] if script else [BIN, "-c", code], stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
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
def sigint_after_soft_reset():
    # machine.soft_reset() runs the program again once it ends; the new
    # program must get signals as the first did (the exec once happened
    # on the thread that blocks them all, and the program started deaf)
    code = ("import machine\nif machine.reset_cause() != machine.SOFT_RESET:\n    machine.soft_reset()\n"
            "else:\n" + "".join("    " + line + "\n" for line in READY.splitlines()) + "    while True:\n        pass\n")
    with TempDir() as d:
        expect_signal(None, signal.SIGINT, 130, "", "KeyboardInterrupt\n", script=d.write("again.py", code))
    # and with -c, the same code again (the parser once wrote "-c" over it)
    expect_signal(code, signal.SIGINT, 130, "", "KeyboardInterrupt\n")


# Every kind of loop serves signals, and its finally block runs.
LOOPS = {
    "while_cond": "x = 1\nwhile x:\n    pass\n",
    "while_compare": "i = 0\nwhile i < 10:\n    pass\n",
    "while_true": "while True:\n    pass\n",
    "for": "for i in range(10 ** 15):\n    pass\n",
    "for_generator": "def it():\n    while 1:\n        yield 0\nfor i in it():\n    pass\n",
    "comprehension": "[0 for i in range(10 ** 15)]\n",
    "generator": "sum(0 for i in range(10 ** 15))\n",
}


@test
def signals_reach_every_loop():
    for sig, status in ((signal.SIGINT, 130), (signal.SIGTERM, -signal.SIGTERM), (signal.SIGHUP, -signal.SIGHUP)):
        for kind, loop in LOOPS.items():
            body = "".join("    " + l + "\n" for l in loop.splitlines())
            code = READY + "try:\n" + body + "finally:\n    print('finally')\n"
            try:
                expect_signal(code, sig, status, "finally\n")
            except Fail as e:
                raise Fail(f"{signal.Signals(sig).name} in {kind}: {e}")


@test
def sigint_loop_tested_at_its_end():
    # `while not done` compiles to a backward conditional jump, which must
    # look at pending signals too
    expect_signal(READY + "done = []\nwhile not done:\n    pass\n", signal.SIGINT, 130, "", "KeyboardInterrupt\n")


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
    expect_signal(code, signal.SIGTERM, -signal.SIGTERM, "cleanup\n", "")


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
    expect_signal(code, signal.SIGTERM, -signal.SIGTERM, "exit SystemExit\n", "")


@test
def sigterm_caught():
    code = READY + "try:\n    time.sleep(30)\nexcept SystemExit as e:\n    print('code', e.args)\n"
    expect_signal(code, signal.SIGTERM, 0, "code (143,)\n", "")


@test
def sighup_runs_finally():
    code = READY + "try:\n    time.sleep(30)\nfinally:\n    print('cleanup')\n"
    expect_signal(code, signal.SIGHUP, -signal.SIGHUP, "cleanup\n", "")


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
        expect((p.returncode, out, err), (-signal.SIGTERM, "cleanup\n", ""))
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()


@test
def sigterm_stdin_read():
    r, w = os.pipe()
    try:
        code = READY + "try:\n    input()\nfinally:\n    print('cleanup')\n"
        expect_signal(code, signal.SIGTERM, -signal.SIGTERM, "cleanup\n", "", stdin=r)
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


@test
def closed_stdout_not_reused():
    with TempDir() as d:
        path = os.path.join(d.path, "f.txt")
        code = f"f = open({path!r}, 'w')\nf.write('file\\n')\nprint('stdout')\nf.close()\n"
        st, o, e = shell(f'"$MP" -c "{code}" >&-; echo "status $?"')
        with open(path) as f:
            expect(f.read(), "file\n", "the script's file")
        expect(o, "status 120\n", "print to a closed stdout")
        if "output lost" not in e or "Bad file descriptor" not in e:
            raise Fail(f"no message on stderr: {e!r}")
        # stdin closed: the first open() does not get fd 0, input() finds nothing
        code = f"f = open({path!r})\nprint(f.read().strip())\ninput()\n"
        st, o, e = shell(f'"$MP" -c "{code}" <&-; echo "status $?"')
        expect(o, "file\nstatus 1\n", "closed stdin")
        if not e.endswith("EOFError: EOF when reading a line\n"):
            raise Fail(f"closed stdin: {e!r}")


@test
def full_disk_stdout_fails():
    # lost at the final flush: reported, non-zero status
    st, o, e = shell('"$MP" -c "print(1)" >/dev/full; echo "status $?"')
    expect(o, "status 120\n", "print to /dev/full")
    if "output lost" not in e or "No space left on device" not in e:
        raise Fail(f"no message on stderr: {e!r}")
    # lost while running: an OSError the program can catch
    code = "import sys\ntry:\n    for i in range(100000): print(i)\nexcept OSError as e:\n" \
        "    sys.stderr.write(str(e))\n"
    st, o, e = shell(f'"$MP" -c "{code}" >/dev/full; echo "status $?"')
    expect((o, e), ("status 0\n", "[Errno 28] No space left on device: '<stdout>'"), "caught ENOSPC")
    # uncaught: a traceback and status 1
    st, o, e = shell('"$MP" -c "while True: print(1)" >/dev/full; echo "status $?"')
    expect(o, "status 1\n", "uncaught ENOSPC")
    if not e.endswith("OSError: [Errno 28] No space left on device: '<stdout>'\n"):
        raise Fail(f"uncaught ENOSPC: {e!r}")
    # stderr: nowhere to report it but the status
    st, o, e = shell('"$MP" -c "import sys; sys.stderr.write(\'x\')" 2>/dev/full; echo "status $?"')
    expect(o, "status 120\n", "write to stderr on a full disk")


# ---- signals while blocked: each way a program waits ------------------------

# What blocks, with $FIFO a FIFO the harness holds open (so opening it does
# not wait and reading it finds no end), and stdin a pipe that stays open
# and empty.
BLOCKERS = {
    "sleep": "time.sleep(30)",
    "sleep_ms": "time.sleep_ms(30000)",
    "poll": "import select\np = select.poll()\np.register(sys.stdin, select.POLLIN)\np.poll()",
    "select": "import select\nselect.select([sys.stdin], [], [])",
    "stdin_read": "sys.stdin.read(1)",
    "fifo_read": "import os\nopen(os.getenv('FIFO'), 'rb').read(1)",
    "fifo_readline": "import os\nopen(os.getenv('FIFO')).readline()",
    "accept": "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(1)\ns.accept()",
    "recv": "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen(1)\n"
            "c = socket.socket()\nc.connect(s.getsockname())\ns.accept()[0].recv(1)",
    "recv_timeout": "import socket\na = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                    "a.bind(('127.0.0.1', 0))\na.settimeout(60)\na.recvfrom(10)",
    "asyncio_sleep": "import asyncio\nasyncio.run(asyncio.sleep(30))",
    "lock": "import _thread\nl = _thread.allocate_lock()\nl.acquire()\nl.acquire()",
    "sleep_thread_busy": "import _thread\n_thread.start_new_thread(lambda: [0 for i in range(10**9)], ())\n"
                         "time.sleep(30)",
    "asyncio_server": "import asyncio\nasync def main():\n"
                      "    await asyncio.start_server(None, '127.0.0.1', 0)\n    await asyncio.Event().wait()\n"
                      "asyncio.run(main())",
}
# SIGTERM and SIGHUP end the process by the signal itself after the
# clean-up (docs/services.md): a negative returncode
SIGNALS = {
    "sigint": (signal.SIGINT, 130, "KeyboardInterrupt\n"),
    "sigterm": (signal.SIGTERM, -signal.SIGTERM, ""),
    "sighup": (signal.SIGHUP, -signal.SIGHUP, ""),
}


def blocked_signal_test(block, sig, status, err_end):
    def t():
        code = READY + "try:\n" + "".join("    " + line + "\n" for line in block.splitlines()) + \
            "finally:\n    print('cleanup')\n"
        with TempDir() as d:
            fifo = os.path.join(d.path, "fifo")
            os.mkfifo(fifo)
            hold = os.open(fifo, os.O_RDWR)
            r, w = os.pipe()
            try:
                expect_signal(code, sig, status, "cleanup\n", err_end, stdin=r, env={"FIFO": fifo})
            finally:
                for fd in (hold, r, w):
                    os.close(fd)
    return t


for _bname, _block in BLOCKERS.items():
    for _sname, (_sig, _status, _err) in SIGNALS.items():
        _t = blocked_signal_test(_block, _sig, _status, _err)
        _t.__name__ = f"{_sname}_while_{_bname}"
        test(_t)


# ---- stdout buffering -------------------------------------------------------

def start_bin(code, stdout=subprocess.PIPE, env=None, stdin=subprocess.DEVNULL):
    e = dict(os.environ)
    e.pop("JOURNAL_STREAM", None)
    e.update(env or {})
    return subprocess.Popen([BIN, "-c", code], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=e)


def read_within(fd, seconds):
    """What fd has within `seconds` (b'' if nothing)."""
    r, _, _ = select.select([fd], [], [], seconds)
    return os.read(fd, 65536) if r else b""


def finish(p, timeout=5):
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        raise Fail("did not end")
    return p.returncode, out, err


# Print 'a', then run (no wait, no flush) until the harness creates $GO.
HOLD = ("import os, sys\n{print}\nwhile True:\n    try:\n        os.stat(os.getenv('GO'))\n"
        "        break\n    except OSError:\n        pass\nprint('b')\n")


def buffering_case(print_stmt, early, env=None, tty=False):
    """Whether 'a' reaches the reader before the program goes on."""
    with TempDir() as d:
        go = os.path.join(d.path, "go")
        env = dict(env or {}, GO=go)
        if tty:
            master, slave = pty.openpty()
            p = start_bin(HOLD.format(print=print_stmt), stdout=slave, env=env)
            os.close(slave)
            rd = master
        else:
            p = start_bin(HOLD.format(print=print_stmt), env=env)
            rd = p.stdout.fileno()
        try:
            seen = read_within(rd, 3 if early else 0.6)
            if early and seen.replace(b"\r", b"") != b"a\n":
                raise Fail(f"'a' not seen while the program runs: {seen!r}")
            if not early and seen:
                raise Fail(f"output seen before a flush: {seen!r}")
            open(go, "w").close()
            if tty:
                rest = b""
                while b"b\n" not in rest.replace(b"\r", b""):
                    chunk = read_within(rd, 5)
                    if not chunk:
                        raise Fail(f"no end: {rest!r}")
                    rest += chunk
                st, _, err = finish(p)
                out = seen + rest
            else:
                st, out, err = finish(p)
                out = seen + out
            expect((st, out.replace(b"\r", b""), err), (0, b"a\nb\n", b""))
        finally:
            if p.poll() is None:
                p.kill()
                p.communicate()
            if tty:
                os.close(master)


@test
def stdout_block_buffered_into_pipe():
    buffering_case("print('a')", early=False)


@test
def print_flush_true():
    buffering_case("print('a', flush=True)", early=True)
    buffering_case("print('a', end='')\nprint(flush=True)", early=True)
    buffering_case("print('a', file=sys.stdout, flush=True)", early=True)


@test
def stdout_line_buffered_on_a_terminal():
    buffering_case("print('a')", early=True, tty=True)


@test
def stdout_line_buffered_into_the_journal():
    # systemd names the journal's socket in JOURNAL_STREAM (device:inode);
    # here the pipe stands for it
    r, w = os.pipe()
    st = os.fstat(w)  # a pipe that is not the child's stdout
    os.close(r)
    os.close(w)
    with TempDir() as d:
        go = os.path.join(d.path, "go")
        code = HOLD.format(print="print('a')")
        e = dict(os.environ, GO=go)
        rd, wr = os.pipe()
        pst = os.fstat(wr)
        e["JOURNAL_STREAM"] = f"{pst.st_dev}:{pst.st_ino}"
        p = subprocess.Popen([BIN, "-c", code], stdin=subprocess.DEVNULL, stdout=wr, stderr=subprocess.PIPE, env=e)
        os.close(wr)
        try:
            seen = read_within(rd, 3)
            expect(seen, b"a\n", "line written into the journal while the program runs")
            open(go, "w").close()
            st_, _, err = finish(p)
            expect((st_, read_within(rd, 3), err), (0, b"b\n", b""))
        finally:
            if p.poll() is None:
                p.kill()
                p.communicate()
            os.close(rd)
    # another stream named in JOURNAL_STREAM: stdout is a plain pipe
    buffering_case("print('a')", early=False, env={"JOURNAL_STREAM": f"{st.st_dev}:{st.st_ino + 1000000}"})


def flushed_before(block):
    code = "import os, sys, time, select\nprint('before')\n" + block + "\n"
    with TempDir() as d:
        fifo = os.path.join(d.path, "fifo")
        os.mkfifo(fifo)
        hold = os.open(fifo, os.O_RDWR)
        r, w = os.pipe()
        p = start_bin(code, env={"FIFO": fifo}, stdin=r)
        try:
            expect(read_within(p.stdout.fileno(), 3), b"before\n", f"output before {block!r}")
        finally:
            p.kill()
            p.communicate()
            for fd in (hold, r, w):
                os.close(fd)


@test
def output_flushed_before_blocking_waits():
    for name in ("poll", "select", "stdin_read", "fifo_read"):
        flushed_before(BLOCKERS[name])
    flushed_before("input()")
    flushed_before("time.sleep_ms(30000)")


@test
def output_flushed_at_every_exit():
    for tail, status in (("", 0), ("1/0", 1), ("sys.exit(3)", 3), ("raise KeyboardInterrupt", 130)):
        st, out, err = finish(start_bin("import sys\nprint('x')\n" + tail))
        expect((st, out), (status, b"x\n"), f"exit by {tail or 'the end'!r}")
    for sig, status in ((signal.SIGTERM, -signal.SIGTERM), (signal.SIGINT, 130), (signal.SIGHUP, -signal.SIGHUP)):
        with TempDir() as d:
            mark = os.path.join(d.path, "mark")
            p = start_bin(f"print('x')\nopen({mark!r}, 'w').close()\nwhile True:\n    pass\n")
            t = time.monotonic()
            while not os.path.exists(mark):
                if time.monotonic() - t > 5:
                    p.kill()
                    raise Fail("the program did not start")
                time.sleep(0.01)
            p.send_signal(sig)
            st, out, err = finish(p)
            expect((st, out), (status, b"x\n"), f"ended by {sig.name} in a busy loop")


@test
def stdout_nonblocking_pipe_loses_nothing():
    # stdout shared with a program that set O_NONBLOCK on it: a full pipe
    # (EAGAIN) is waited out, not dropped
    import fcntl
    r, w = os.pipe()
    fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)
    p = subprocess.Popen([BIN, "-c", "for i in range(100000): print(i)"], stdout=w, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    os.close(w)
    time.sleep(0.3)  # let the pipe fill
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    st, _, err = finish(p)
    lines = b"".join(chunks).split(b"\n")
    expect((st, err, len(lines), lines[-2]), (0, b"", 100001, b"99999"))


# ---- time zones (compared with CPython) --------------------------------------

TZ_PROGRAM = """
import time
for t in (0, -1, 86399, 951782400, 1615705199, 1615705200, 1636261199, 1636264800, 1636264801,
          1711846800, 1711850400, 1729990800, 1730000000, 1700000000, 2147483647, 2200000000, -2000000000):
    print(t, tuple(time.localtime(t))[:8])
for lt in ((2021, 1, 15, 12, 0, 0), (2021, 7, 15, 12, 0, 0), (2024, 3, 31, 0, 59, 59), (2024, 3, 31, 3, 0, 0),
           (2024, 10, 27, 3, 30, 0), (2021, 3, 14, 3, 30, 0), (2021, 11, 7, 2, 30, 0), (1999, 12, 31, 23, 59, 59),
           (2021, 3, 14, 2, 30, 0), (2024, 3, 31, 1, 30, 0), (2000, 13, 1, 0, 0, 0), (2000, 1, 0, 25, 61, 61)):
    print(lt, int(time.mktime(lt + (0, 0, -1))), int(time.mktime(lt + (0, 0))) if hasattr(time, "ticks_ms") else
          int(time.mktime(lt + (0, 0, -1))))
print(tuple(time.localtime(1700000000.9))[:8])
"""
ZONES = ["America/New_York", "Europe/London", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata",
         "America/St_Johns", "UTC", "EST5EDT,M3.2.0,M11.1.0", "<+0330>-3:30", None]


@test
def localtime_and_mktime_follow_tz():
    if not os.path.exists("/usr/share/zoneinfo/America/New_York"):
        raise Fail("no time zone data: install Debian's tzdata package")
    for tz in ZONES:
        env = dict(os.environ)
        env.pop("TZ", None)
        if tz is not None:
            env["TZ"] = tz
        want = subprocess.run(["/usr/bin/python3", "-c", TZ_PROGRAM], capture_output=True, text=True, env=env)
        got = subprocess.run([BIN, "-c", TZ_PROGRAM], capture_output=True, text=True, env=env)
        if got.stdout != want.stdout or got.returncode != 0:
            diff = [f"want {a}\ngot  {b}" for a, b in zip(want.stdout.splitlines(), got.stdout.splitlines()) if a != b]
            raise Fail(f"TZ={tz}: " + "\n".join(diff[:6]) + got.stderr)


@test
def mktime_ambiguous_and_missing_times():
    # a local time that happens twice (clocks set back) is the first one
    # unless isdst says otherwise; one that never happens (clocks set
    # forward) is read with the offset before the change, as C's mktime
    code = ("import time\n"
            "for lt in ((2021, 11, 7, 1, 30, 0), (2021, 3, 14, 2, 30, 0), (2021, 1, 15, 12, 0, 0), "
            "(2021, 7, 15, 12, 0, 0)):\n"
            "    print([time.mktime(lt + (0, 0, d)) for d in (-1, 0, 1)])\n"
            "print(time.mktime((2021, 11, 7, 1, 30, 0, 0, 0)))\n")
    expect_run(["-c", code], env={"TZ": "America/New_York"},
               out="[1636263000, 1636266600, 1636263000]\n"
                   "[1615707000, 1615707000, 1615703400]\n"
                   "[1610730000, 1610730000, 1610726400]\n"
                   "[1626364800, 1626368400, 1626364800]\n"
                   "1636263000\n")


@test
def putenv_tz_takes_effect():
    code = ("import os, time\n"
            "print(time.localtime(0)[3])\n"
            "os.putenv('TZ', 'Asia/Kolkata')\n"
            "print(time.localtime(0)[3:5], time.mktime((1970, 1, 1, 5, 30, 0, 0, 0)))\n"
            "os.unsetenv('TZ')\n"
            "print(time.localtime(0)[3])\n")
    expect_run(["-c", code], env={"TZ": "UTC"}, out="0\n(5, 30) 0\n0\n")


LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"


@test
def ticks_monotonic_across_clock_changes():
    # libfaketime moves the wall clock by 400 days while the program runs;
    # the monotonic clock behind ticks_* and sleep is left alone
    if not os.path.exists(LIBFAKETIME):
        raise Fail("no libfaketime: install Debian's libfaketime package")
    with TempDir() as d:
        fake = d.write("faketime", "+0\n")
        go = os.path.join(d.path, "go")
        code = ("import os, time\n"
                "t0 = time.time(); m0 = time.ticks_ms(); g0 = time.gmtime()[0]\n"
                "print('ready', flush=True)\n"
                "while True:\n"
                "    try:\n"
                "        os.stat(os.getenv('GO'))\n"
                "        break\n"
                "    except OSError:\n"
                "        time.sleep_ms(5)\n"
                "t1 = time.time(); m1 = time.ticks_ms()\n"
                "u0 = time.ticks_us(); time.sleep_ms(100); u1 = time.ticks_us()\n"
                "print(t1 - t0 > 399 * 86400, 0 <= time.ticks_diff(m1, m0) < 5000,\n"
                "      100000 <= time.ticks_diff(u1, u0) < 2000000, time.gmtime()[0] > g0 or time.gmtime()[1] > 1)\n")
        env = {"LD_PRELOAD": LIBFAKETIME, "FAKETIME_TIMESTAMP_FILE": fake, "FAKETIME_NO_CACHE": "1",
               "FAKETIME_DONT_FAKE_MONOTONIC": "1", "GO": go}
        p = start_bin(code, env=env)
        try:
            expect(read_within(p.stdout.fileno(), 5), b"ready\n", "start")
            with open(fake, "w") as f:
                f.write("+400d\n")
            time.sleep(0.2)
            open(go, "w").close()
            expect(finish(p), (0, b"True True True True\n", b""))
        finally:
            if p.poll() is None:
                p.kill()
                p.communicate()


# ---- termios on a pseudo-terminal ---------------------------------------------

@test
def termios_on_a_pty():
    import termios
    import tty
    master, slave = pty.openpty()
    try:
        code = ("import termios, sys\n"
                "a = termios.tcgetattr(0)\n"
                "print(len(a), len(a[6]) == termios.NCCS, type(a[6][termios.VMIN]).__name__,\n"
                "      a[6][termios.VINTR], a[3] & termios.ICANON != 0)\n"
                "b = list(a)\n"
                "b[3] &= ~termios.ECHO\n"
                "b[6] = list(a[6])\n"
                "b[6][termios.VINTR] = 7\n"
                "termios.tcsetattr(sys.stdin, termios.TCSANOW, b)\n"
                "c = termios.tcgetattr(0)\n"
                "print(c[3] & termios.ECHO, c[6][termios.VINTR])\n"
                "termios.setraw(0)\n"
                "print('set', file=sys.stderr)\n")
        p = subprocess.run([BIN, "-c", code], stdin=slave, capture_output=True, text=True, timeout=10)
        expect((p.returncode, p.stdout, p.stderr), (0, "7 True int b'\\x03' True\n0 b'\\x07'\n", "set\n"))
        # raw mode as CPython's tty.setraw makes it
        ours = termios.tcgetattr(slave)
        m2, s2 = pty.openpty()
        tty.setraw(s2)
        ref = termios.tcgetattr(s2)
        os.close(m2)
        os.close(s2)
        expect(ours[:6], ref[:6], "setraw's flags and speeds")
        expect((ours[6][termios.VMIN], ours[6][termios.VTIME]), (ref[6][termios.VMIN], ref[6][termios.VTIME]))
        # a pipe is not a terminal
        expect_run(["-c", "import termios\ntry:\n    termios.tcgetattr(0)\nexcept OSError as e:\n    print(e.errno)"],
                   stdin="", out=f"{errno.ENOTTY}\n")
    finally:
        os.close(master)
        os.close(slave)


# ---- machine.UART on a pseudo-terminal --------------------------------------------

@test
def uart_on_a_pty():
    """The slave side of a pty is the UART; this process is the other end."""
    import termios
    master, slave = pty.openpty()
    try:
        code = ("import sys, select\n"
                "from machine import UART\n"
                "u = UART(sys.argv[1], 38400, stop=2, timeout=2000)\n"
                "u.write(b'ready\\n')\n"
                "print(u.readline(), u.read(3), u.any())\n"
                "p = select.poll(); p.register(u, select.POLLIN)\n"
                "print(len(p.poll(2000)), u.read(4))\n"
                "u.init(timeout=100)\n"
                "print(u.read(1), u.readline(), u.readinto(bytearray(1)))\n"
                "print(u.txdone())\n"
                "u.flush()\n"
                "u.sendbreak()\n"
                "u.write(b'done')\n")
        p = subprocess.Popen([BIN, "-c", code, os.ttyname(slave)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
        got = b""
        deadline = time.monotonic() + 10
        while not got.endswith(b"ready\n") and time.monotonic() < deadline:
            if select.select([master], [], [], 1)[0]:
                got += os.read(master, 100)
        expect(got, b"ready\n", "the UART's first write (no CR added: raw mode)")
        # (a pty keeps no character size or parity: Linux makes it 8N)
        attrs = termios.tcgetattr(slave)
        expect((attrs[4], attrs[2] & (termios.CSIZE | termios.PARENB | termios.CSTOPB),
                attrs[3] & (termios.ICANON | termios.ECHO)),
               (termios.B38400, termios.CS8 | termios.CSTOPB, 0),
               "line settings and raw mode as the kernel holds them")
        os.write(master, b"one\r\nabcdefg")
        out, err = p.communicate(timeout=10)
        tail = b""
        while select.select([master], [], [], 0.5)[0]:
            tail += os.read(master, 100)
        expect((p.returncode, out, err, tail),
               (0, "b'one\\r\\n' b'abc' 4\n1 b'defg'\nNone None None\nTrue\n", "", b"done"))
    finally:
        os.close(master)
        os.close(slave)


# ---- os.dupterm driving input() --------------------------------------------------

@test
def dupterm_input_from_a_stream():
    with TempDir() as d:
        fifo = os.path.join(d.path, "fifo")
        os.mkfifo(fifo)
        hold = os.open(fifo, os.O_RDWR)
        r, w = os.pipe()  # stdin: open, silent
        code = ("import os\n"
                "os.dupterm(open(os.getenv('FIFO'), 'rb'))\n"
                "print('ready', flush=True)\n"
                "line = input()\n"
                "os.dupterm(None)\n"
                "print('got', repr(line))\n")
        p = start_bin(code, env={"FIFO": fifo}, stdin=r)
        try:
            expect(read_within(p.stdout.fileno(), 5), b"ready\n", "start")
            os.write(hold, b"from the stream\n")
            st, out, err = finish(p)
            expect((st, out, err), (0, b"got 'from the stream'\n", b""))
        finally:
            if p.poll() is None:
                p.kill()
                p.communicate()
            for fd in (hold, r, w):
                os.close(fd)


# ---- sockets with a CPython peer in another process --------------------------

# A CPython server: greets, echoes each line in upper case, and on b"bye"
# drops the connection with a reset (SO_LINGER 0), as a crashed peer would.
PEER_SERVER = r"""
import socket, struct, sys
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
print(srv.getsockname()[1], flush=True)
c, _ = srv.accept()
c.sendall(b"hello\n")
f = c.makefile("rb")
for line in f:
    if line == b"bye\n":
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        break
    c.sendall(line.upper())
c.close()
"""

CLIENT = r"""
import socket, sys
s = socket.socket()
s.connect(socket.getaddrinfo("localhost", int(sys.argv[1]), socket.AF_INET, socket.SOCK_STREAM)[0][-1])
print(s.readline())
for word in (b"one", b"two"):
    s.write(word + b"\n")
    print(s.readline())
s.write(b"bye\n")
try:
    print(s.recv(10))
    s.recv(10)
except OSError as e:
    print(type(e).__name__)
s.close()
"""


@test
def socket_client_cpython_server():
    peer = subprocess.Popen([sys.executable, "-c", PEER_SERVER], stdout=subprocess.PIPE, text=True)
    try:
        port = peer.stdout.readline().strip()
        expect_run(["-c", CLIENT, port],
                   out="b'hello\\n'\nb'ONE\\n'\nb'TWO\\n'\nConnectionResetError\n")
    finally:
        peer.kill()
        peer.communicate()


# Our server: one connection at a time, echoing what it reads reversed,
# until the peer disconnects; it reports each disconnection.
SERVER = r"""
import socket
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(2)
print(srv.getsockname()[1])
for i in range(2):
    c, addr = srv.accept()
    c.settimeout(5)
    while True:
        data = c.recv(100)
        if not data:
            break
        c.sendall(data[::-1])
    print("peer", i, "left", addr[0])
    c.close()
"""

PEER_CLIENT = r"""
import socket, sys
port = int(sys.argv[1])
for n in range(2):
    c = socket.create_connection(("127.0.0.1", port), timeout=5)
    c.sendall(b"abc%d" % n)
    print(c.recv(100))
    c.close()
"""


@test
def socket_server_cpython_client():
    p = subprocess.Popen([BIN, "-c", SERVER], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        port = p.stdout.readline().strip()
        peer = subprocess.run([sys.executable, "-c", PEER_CLIENT, port], capture_output=True, text=True,
                              timeout=10)
        expect(peer.stdout, "b'0cba'\nb'1cba'\n", "the CPython client's output")
        out, err = p.communicate(timeout=5)
        expect((p.returncode, out, err), (0, "peer 0 left 127.0.0.1\npeer 1 left 127.0.0.1\n", ""))
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()


# ---- TLS against openssl s_server / s_client -----------------------------------

def make_certs(d):
    """A CA, a server certificate for localhost and 127.0.0.1 signed by it,
    the same one expired (signed with the clock in 2020, libfaketime), and a
    second CA nobody trusts. Files in d."""
    if shutil.which("openssl") is None:
        raise Fail("no openssl command: install Debian's openssl package")
    if not os.path.exists(LIBFAKETIME):
        raise Fail("no libfaketime: install Debian's libfaketime package")
    key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    def sh(args, env=None):
        e = dict(os.environ)
        e.update(env or {})
        r = subprocess.run(["openssl"] + args, cwd=d, capture_output=True, text=True, env=e)
        if r.returncode != 0:
            raise Fail(f"openssl {' '.join(args)}: {r.stderr}")
    for ca in ("ca", "other"):
        sh(["req", "-x509"] + key + ["-keyout", ca + ".key", "-out", ca + ".pem", "-subj", "/CN=px " + ca,
                                     "-days", "2"])
    sh(["req"] + key + ["-keyout", "srv.key", "-out", "srv.csr", "-subj", "/CN=localhost"])
    with open(os.path.join(d, "ext"), "w") as f:
        f.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    sign = ["x509", "-req", "-in", "srv.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
            "-extfile", "ext"]
    sh(sign + ["-out", "srv.pem"])
    sh(sign + ["-out", "old.pem"], env={"LD_PRELOAD": LIBFAKETIME, "FAKETIME": "@2020-01-01 00:00:00"})


def free_port():
    s = __import__("socket").socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class OpenSSLServer:
    """openssl s_server answering HTTP-ish requests (-www) with `cert`."""
    def __init__(self, d, cert):
        self.port = free_port()
        self.p = subprocess.Popen(["openssl", "s_server", "-accept", f"127.0.0.1:{self.port}", "-cert", cert,
                                   "-key", "srv.key", "-www", "-quiet"], cwd=d, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        deadline = time.time() + 5
        while time.time() < deadline:
            c = __import__("socket").socket()
            try:
                c.connect(("127.0.0.1", self.port))
                return
            except OSError:
                time.sleep(0.05)
            finally:
                c.close()
        raise Fail("openssl s_server did not start")

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.p.kill()
        self.p.wait()


TLS_CLIENT = r"""
import socket, ssl, sys
port = int(sys.argv[1])
def connect(host, **ca):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(**ca)
    s = socket.socket()
    s.connect(("127.0.0.1", port))
    try:
        return ctx.wrap_socket(s, server_hostname=host)
    except OSError as e:
        s.close()
        print(type(e).__name__, e)
t = connect("localhost", cafile="ca.pem")
if t:
    print(t.version(), t.getpeercert()["subject"])
    t.write(b"GET / HTTP/1.0\r\n\r\n")
    print(t.readline())
    print(len(t.read()) > 100)
    t.close()
for host, ca in (("wrong.example", {"cafile": "ca.pem"}), ("127.0.0.1", {"cadata": open("ca.pem").read()}),
                 ("localhost", {"cafile": "other.pem"})):
    t = connect(host, **ca)
    if t:
        print("connected to", host)
        t.close()
"""


@test
def tls_client_openssl_server():
    with TempDir() as d:
        make_certs(d.path)
        with OpenSSLServer(d.path, "srv.pem") as srv:
            o, _ = expect_run(["-c", TLS_CLIENT, str(srv.port)], cwd=d.path)
        addr = f"127.0.0.1:{srv.port}"
        expect(o.splitlines()[3:], [
            f"OSError [Errno 5] certificate verify failed: hostname mismatch (the certificate is not valid for "
            f"'wrong.example'): '{addr}'",
            "connected to 127.0.0.1",
            f"OSError [Errno 5] certificate verify failed: unable to get local issuer certificate: '{addr}'"])
        expect(o.splitlines()[:2], ["TLSv1.3 ((('commonName', 'localhost'),),)", "b'HTTP/1.0 200 ok\\r\\n'"])
        with OpenSSLServer(d.path, "old.pem") as srv:
            o, _ = expect_run(["-c", TLS_CLIENT, str(srv.port)], cwd=d.path)
        expect(o.splitlines()[0], f"OSError [Errno 5] certificate verify failed: certificate has expired: "
                                  f"'127.0.0.1:{srv.port}'")


# MicroPython's API: ssl.wrap_socket with certificate data (a DER CA in
# cadata), a deferred handshake done by the first write, no ssl.SSLError
TLS_MPY_CLIENT = r"""
import socket, ssl, sys
print(hasattr(ssl, "SSLError"))
der = open("ca.der", "rb").read()
for reqs, ca in ((ssl.CERT_REQUIRED, der), (ssl.CERT_REQUIRED, None), (ssl.CERT_NONE, None)):
    s = socket.socket()
    s.connect(("127.0.0.1", int(sys.argv[1])))
    try:
        t = ssl.wrap_socket(s, cert_reqs=reqs, cadata=ca, server_hostname="localhost", do_handshake=False)
        print(t.version())
        t.write(b"GET / HTTP/1.0\r\n\r\n")
        print(t.version(), t.readline())
        t.read()
        t.close()
    except OSError as e:
        print(e.errno, e.args[1])
        s.close()
"""


@test
def tls_micropython_api():
    with TempDir() as d:
        make_certs(d.path)
        subprocess.run(["openssl", "x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der"], cwd=d.path,
                       check=True)
        with OpenSSLServer(d.path, "srv.pem") as srv:
            expect_run(["-c", TLS_MPY_CLIENT, str(srv.port)], cwd=d.path, out="False\nNone\n"
                       "TLSv1.3 b'HTTP/1.0 200 ok\\r\\n'\n"
                       "None\n5 certificate verify failed: unable to get local issuer certificate\n"
                       "None\nTLSv1.3 b'HTTP/1.0 200 ok\\r\\n'\n")


TLS_SERVER = r"""
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
# the chain and key as data (MicroPython's extension)
ctx.load_cert_chain(open("srv.pem", "rb").read(), open("srv.key", "rb").read())
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
print(srv.getsockname()[1])
c, _ = srv.accept()
t = ctx.wrap_socket(c, server_side=True)
line = t.readline()
t.write(b"echo: " + line.upper())
t.close()
srv.close()
print("served", line)
"""


@test
def tls_server_openssl_client():
    with TempDir() as d:
        make_certs(d.path)
        p = subprocess.Popen([BIN, "-c", TLS_SERVER], cwd=d.path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
        try:
            port = p.stdout.readline().strip()
            cl = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-CAfile", "ca.pem",
                                 "-verify_return_error", "-servername", "localhost", "-verify_hostname", "localhost",
                                 "-quiet"],
                                input="hello tls\n", cwd=d.path, capture_output=True, text=True, timeout=10)
            expect(cl.stdout, "echo: HELLO TLS\n", "s_client's output")
            out, err = p.communicate(timeout=5)
            expect((p.returncode, out, err), (0, "served b'hello tls\\n'\n", ""))
        finally:
            if p.poll() is None:
                p.kill()
                p.communicate()


TLS_ASYNCIO = r"""
import asyncio, ssl
async def handle(r, w):
    while True:
        line = await r.readline()
        if not line:
            break
        w.write(line[:-1][::-1] + b"\n")
        await w.drain()
    w.close()
    await w.wait_closed()
async def client(port, ctx, n):
    r, w = await asyncio.open_connection("localhost", port, ssl=ctx)
    out = []
    for i in range(n):
        w.write(b"line %d\n" % i)
        await w.drain()
        out.append(await r.readline())
    w.close()
    await w.wait_closed()
    return out[-1]
async def main():
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain("srv.pem", "srv.key")
    srv = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=sctx)
    port = srv.sockets[0].getsockname()[1]
    cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    cctx.load_verify_locations("ca.pem")
    print(await asyncio.gather(*[client(port, cctx, 20 + i) for i in range(5)]))
    bad = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    bad.load_verify_locations("other.pem")
    try:
        await asyncio.open_connection("localhost", port, ssl=bad)
    except OSError as e:
        print("refused:", str(e).split(":")[1].strip())
    srv.close()
    await srv.wait_closed()
asyncio.run(main())
"""


@test
def tls_asyncio():
    with TempDir() as d:
        make_certs(d.path)
        expect_run(["-c", TLS_ASYNCIO], cwd=d.path, out="[b'91 enil\\n', b'02 enil\\n', b'12 enil\\n', "
                   "b'22 enil\\n', b'32 enil\\n']\nrefused: unable to get local issuer certificate\n")


# DTLS (MicroPython's extension) over connected UDP sockets
DTLS_CLIENT = r"""
import socket, ssl, sys, time
ctx = ssl.SSLContext(ssl.PROTOCOL_DTLS_CLIENT)
ctx.load_verify_locations("ca.pem")
for attempt in range(50):  # until s_server listens
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.connect(("127.0.0.1", int(sys.argv[1])))
    s.settimeout(5)
    try:
        t = ctx.wrap_socket(s, server_hostname="localhost")
        break
    except ConnectionRefusedError:
        s.close()
        time.sleep(0.1)
print(t.version())
t.write(b"ping\n")
print(t.recv(100))
t.close()
"""


@test
def dtls_client_openssl_server():
    with TempDir() as d:
        make_certs(d.path)
        port = free_port()
        srv = subprocess.Popen(["openssl", "s_server", "-dtls", "-accept", f"127.0.0.1:{port}", "-cert", "srv.pem",
                                "-key", "srv.key", "-quiet"], cwd=d.path, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        p = subprocess.Popen([BIN, "-c", DTLS_CLIENT, str(port)], cwd=d.path, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        try:
            expect(p.stdout.readline(), "DTLSv1.2\n", "after the handshake")
            expect(srv.stdout.readline(), "ping\n", "what s_server received")
            srv.stdin.write("pong\n")
            srv.stdin.flush()
            out, err = p.communicate(timeout=10)
            expect((p.returncode, out, err), (0, "b'pong\\n'\n", ""))
        finally:
            for q in (p, srv):
                if q.poll() is None:
                    q.kill()
                q.communicate()


DTLS_SERVER = r"""
import socket, ssl
ctx = ssl.SSLContext(ssl.PROTOCOL_DTLS_SERVER)
ctx.load_cert_chain("srv.pem", "srv.key")
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
s.settimeout(10)
print(s.getsockname()[1], flush=True)
_, client = s.recvfrom(1, socket.MSG_PEEK)
s.connect(client)
t = ctx.wrap_socket(s, server_side=True, client_id=repr(client).encode())
print(t.version(), t.recv(100))
t.write(b"pong\n")
t.close()
"""


@test
def dtls_server_openssl_client():
    with TempDir() as d:
        make_certs(d.path)
        p = subprocess.Popen([BIN, "-c", DTLS_SERVER], cwd=d.path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
        try:
            port = p.stdout.readline().strip()
            cl = subprocess.Popen(["openssl", "s_client", "-dtls", "-connect", f"127.0.0.1:{port}", "-CAfile",
                                   "ca.pem", "-verify_return_error", "-quiet"], cwd=d.path, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            cl.stdin.write("hello dtls\n")
            cl.stdin.flush()
            out, err = p.communicate(timeout=10)
            expect((p.returncode, out, err), (0, "DTLSv1.2 b'hello dtls\\n'\n", ""))
            expect(cl.stdout.readline(), "pong\n", "s_client's output")
            cl.kill()
            cl.communicate()
        finally:
            if p.poll() is None:
                p.kill()
                p.communicate()


# ---- OpenSSL loaded at first use (posix/openssl_lib.h) -------------------------

OPENSSL_MAPPED = r"""
def mapped():
    maps = open("/proc/self/maps").read()
    return "libcrypto.so" in maps, "libssl.so" in maps
print(*mapped())
import hashlib
print(*mapped(), hashlib.sha256(b"abc").hexdigest()[:16])
import ssl
print(*mapped(), ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).verify_mode == ssl.CERT_REQUIRED)
print([l.split()[-1] for l in open("/proc/self/maps") if "libcrypto.so" in l][0])
"""


def openssl_in_build():
    st, o, e = run(["-c", "import ssl"])
    if st != 0 and "No module named 'ssl'" in e:
        raise Skip("this build has no ssl module (no OpenSSL 3 to build with)")


@test
def openssl_loaded_on_use():
    """A run that imports nothing maps neither library; hashlib loads
    libcrypto alone, ssl both."""
    openssl_in_build()
    o, _ = expect_run(["-c", OPENSSL_MAPPED])
    expect(o.splitlines()[:3], ["False False", "True False ba7816bf8f01cfea", "True True True"])


@test
def openssl_missing():
    """Where libcrypto does not load (here: an empty file mounted over it,
    in a user namespace), hashlib falls back to the portable digests and
    `import ssl` is an ImportError naming the library and the package."""
    openssl_in_build()
    o, _ = expect_run(["-c", OPENSSL_MAPPED])
    lib = o.splitlines()[3]
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        raise Skip("no user namespaces here (unshare -rm): cannot hide libcrypto")
    script = ("import hashlib; print(hashlib.sha256(b'abc').hexdigest()[:16], "
              "'libcrypto' in open('/proc/self/maps').read())\n"
              "try:\n import ssl\nexcept ImportError as e:\n print(e)\n")
    p = subprocess.run(["unshare", "-rm", "sh", "-c", 'mount --bind /dev/null "$1" && exec "$2" -c "$3"', "sh",
                        lib, BIN, script], capture_output=True, text=True, timeout=10)
    expect((p.returncode, p.stderr), (0, ""), "status and stderr")
    # the reason in parentheses is the dynamic loader's (its path may be /lib's or /usr/lib's)
    if not re.fullmatch(r"ba7816bf8f01cfea False\nssl: OpenSSL 3's libcrypto\.so\.3 did not load \(.*libcrypto\.so\.3: "
                        r"file too short\): install it \(Debian: apt install libssl3\)\n", p.stdout):
        raise Fail(f"unexpected output: {p.stdout!r}")


# ---- a real client: micropython-lib's os.path ----------------------------------

@test
def micropython_lib_os_path():
    mplib = shared("micropython-lib")
    if mplib is None:
        raise Skip("micropython-lib is not in a shared/ beside the tree")
    src = os.path.join(mplib, "python-stdlib", "os-path")
    with TempDir() as d:
        shutil.copytree(src, os.path.join(d.path, "os-path"))
        expect_run([os.path.join(d.path, "os-path", "test_path.py")], out="")


def main():
    global BIN
    args = suitelib.arg_parser(__doc__).parse_args()
    BIN = suitelib.binary_or_exit(args.binary)
    suitelib.run_tests([(t.__name__, t) for t in TESTS] + mpy_files.tests(BIN), args.pattern, workers=4)
    return 0


if __name__ == "__main__":
    sys.exit(main())
