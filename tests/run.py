#!/usr/bin/env python3
"""The whole test suite: builds, C unit tests, and the Python language tests.

    python3 tests/run.py            everything CI runs
    python3 tests/run.py --quick    the default build only (no ASan, no -m32)
    python3 tests/run.py -k str_    only language tests whose name contains str_

Language tests (tests/lang/*.py) run with our `micropython` and are compared
with CPython 3 (`python3`) running the same file, or with the file's .exp
when there is one (where MicroPython differs on purpose, or CPython 3.11
lacks the feature). Compared: stdout, and for a script ending in an
uncaught exception, the exception line (the last line of stderr). Where a
NAME.err file exists, stderr must equal it exactly (traceback format).
A test that uses a feature a build may leave out says so in a comment line
`# needs: complex` (features as named in a configuration's "without");
builds without that feature skip it. A test of what a build without a
feature does instead says `# needs: no-float`: only such builds run it.

Script suites (tests/<suite>/suite.py, for the suites in SUITES) drive the
built binary from outside: the command line, the REPL through a
pseudo-terminal, the HAL in a QEMU-booted kernel, scripts as systemd
services and the Debian package (booted with systemd under QEMU). Each is run as
`python3 tests/<suite>/suite.py --binary build/micropython [-k PAT]` and
prints one line per test, `ok NAME` or `FAIL NAME` (details indented on the
lines below) or `skip NAME: why`; it exits non-zero only if it could not run. The suites
share that protocol's code in tests/suitelib.py.

The last line printed is `N passed, N failed` (plus `, N skipped`); the exit
status is non-zero if anything failed.
"""
import argparse
import concurrent.futures as cf
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANG = os.path.join(ROOT, "tests", "lang")

# Build configurations: name -> meson options. "lang" says whether the
# language tests run on it.
CONFIGS = {
    # the language tests run a second time in a 2 MiB heap (frequent
    # collections), but for those that say "# big heap: why" in a line
    "build": {"opts": [], "lang": True, "timeout": 30, "small_heap": "2M"},
    # clang, with the portable switch dispatch instead of computed goto
    "build-clang": {"opts": ["-Dc_args=-DPX_COMPUTED_GOTO=0"], "env": {"CC": "clang"}, "lang": True, "timeout": 30},
    # with gc_debug: heap invariants checked after every collection, freed
    # blocks poisoned, and allocation failures on request for the fault
    # suite's sample (tests/faults/suite.py)
    "build-asan": {
        "opts": ["-Db_sanitize=address,undefined", "-Db_lundef=false", "-Dunit_tests=enabled", "-Dgc_debug=true"],
        "lang": True,
        "timeout": 120,
        "suites": ["faults"],
        # the GC's unit tests collect all the time, each collection checked
        "unit_env": {"CK_TIMEOUT_MULTIPLIER": "5"},
    },
    # ThreadSanitizer (clang) on the thread tests; tests/tsan.supp holds the
    # one race we mean to have, each with why it is benign
    "build-tsan": {
        "opts": ["-Db_sanitize=thread", "-Db_lundef=false", "-Dunit_tests=disabled"],
        "env": {"CC": "clang"},
        "run_env": {"TSAN_OPTIONS": "suppressions=" + os.path.join(ROOT, "tests", "tsan.supp")},
        "lang": True,
        "lang_only": "thread_",
        "timeout": 120,
    },
    "build-m32": {
        "opts": ["-Dc_args=-m32 -msse2 -mfpmath=sse", "-Dc_link_args=-m32", "-Dunit_tests=disabled"],
        "lang": True,
        "timeout": 60,
        # where the kernel cannot run 32-bit programs: qemu-i386 runs them
        "emulated": {"opts": ["--cross-file", os.path.join(ROOT, "tests", "cross", "i386-qemu.ini")],
                     "wrapper": ["qemu-i386"], "timeout": 240},
    },
    # libFuzzer targets (clang, ASan+UBSan): the fuzz suite runs each for a
    # fixed number of mutations; no language tests (the default build has them)
    "build-fuzz": {
        "opts": ["-Dfuzz=enabled", "-Db_sanitize=address,undefined", "-Db_lundef=false", "-Dunit_tests=disabled"],
        "env": {"CC": "clang"},
        "lang": False,
        "timeout": 120,
        "suites": ["fuzz"],
    },
    # every feature switch off (tests/configs/minimal.h) and the modules that
    # need them left out; language tests needing a missing feature are
    # skipped. hashlib's portable digests (an MCU's) are tested here: the
    # other 64-bit builds take OpenSSL's
    "build-minimal": {
        "opts": ["-Dconfig_header=tests/configs/minimal.h", "-Dexclude_modules=cmath,math", "-Dunit_tests=disabled",
                 "-Dhashlib=portable"],
        "without": ["bigint", "complex", "float", "unicode"],
        # what a user meets instead of a missing feature:
        # (arguments, exit status, the end of stderr's last line)
        "missing": [
            (["-c", "x = 1j"], 1, "SyntaxError: complex numbers are not supported in this build"),
            (["-c", "complex(1)"], 1, "NameError: name 'complex' is not defined"),
            (["-c", "import cmath"], 1, "ModuleNotFoundError: No module named 'cmath'"),
            (["-c", "x = 1.5"], 1, "SyntaxError: floats are not supported in this build"),
            (["-c", "x = 1e3"], 1, "SyntaxError: floats are not supported in this build"),
            (["-c", "float(1)"], 1, "NameError: name 'float' is not defined"),
            (["-c", "7 / 2"], 1, "TypeError: unsupported operand type(s) for /: 'int' and 'int' "
                                 "(no floats in this build: use //)"),
            (["-c", "2 ** -1"], 1, "ValueError: negative power: this build has no floats (PX_HAS_FLOAT=0)"),
            (["-c", "import math"], 1, "ModuleNotFoundError: No module named 'math'"),
            (["-v", "-c", "1"], 2, "micropython: -v: this build has no bytecode listing (built with PX_HAS_COMPILER_DEBUG=0)"),
            (["-c", "x = 2 ** 64"], 1, "OverflowError: int too big: this build has no big ints (PX_HAS_BIGINT=0)"),
            (["-c", "x = 123456789012345678901234567890"], 1,
             "OverflowError: int too big: this build has no big ints (PX_HAS_BIGINT=0)"),
            (["-c", "import sys; sys.maxsize + 1"], 1, "OverflowError: int too big: this build has no big ints (PX_HAS_BIGINT=0)"),
            (["-c", "import sys; (-sys.maxsize - 1) // -1"], 1,
             "OverflowError: int too big: this build has no big ints (PX_HAS_BIGINT=0)"),
            # the ints it has, to the edge (sys.maxsize is the largest, as the docs say)
            (["-c", "import sys; m = sys.maxsize; assert m == 562949953421311 and str(-m - 1) == '-562949953421312' "
                    "and divmod(-m - 1, 7) == (-80421421917331, 5) and (-m - 1) >> 3 == -70368744177664 "
                    "and hex(m) == '0x1ffffffffffff' and int(str(m)) == m and m & -256 == 562949953421056"], 0, ""),
            # no Unicode tables: case and classes of ASCII only (an answer, not an error)
            (["-c", "import sys; print('\u00e9'.upper(), '\u00e9'.isalpha(), 'Ab'.swapcase(), file=sys.stderr)"], 0,
             "\u00e9 False aB"),
        ],
        "lang": True,
        "timeout": 30,
    },
    # terse error text (tests/configs/terse.h): exceptions raised by C code
    # carry no message; the language tests print messages, so only the
    # checks below run (the message is what is missing)
    "build-terse": {
        "opts": ["-Dconfig_header=tests/configs/terse.h", "-Dunit_tests=disabled"],
        "missing": [
            # the type alone (a full build's line goes on with ": message")
            (["-c", "[][1]"], 1, "IndexError"),
            (["-c", "int('x')"], 1, "ValueError"),
            (["-c", "1 // 0"], 1, "ZeroDivisionError"),
            (["-c", "len(1)"], 1, "TypeError"),
            (["-c", "nosuchname"], 1, "NameError"),
            # a program's own messages stay
            (["-c", "raise ValueError('a message of our own')"], 1, "ValueError: a message of our own"),
        ],
        "lang": False,
        "timeout": 30,
    },
    # the Raspberry Pi Pico's firmware, cross-built with gcc-arm-none-eabi:
    # it cannot run here, so it must build warning-free and its image is
    # checked (check_firmware); its drivers' and machine module's unit
    # tests (unit_rp2040_*) run in the default build, on a register model
    "build-rp2040": {
        "opts": ["--cross-file", os.path.join(ROOT, "mcu", "rp2040", "cross.ini"), "-Dunit_tests=disabled"],
        "lang": False,
        "timeout": 30,
        "firmware": {"target": "rp2040", "uf2_base": "0x10000000"},
    },
    # the mps2-an385 firmware without floats (a second cross file names its
    # header, which turns PX_HAS_FLOAT off, and leaves math out): it must
    # build warning-free, and a quick
    # boot in QEMU checks what such a user meets (check_boot): no floats,
    # and the integer paths of time, select, asyncio and machine.Timer
    "build-an385-nofloat": {
        "opts": ["--cross-file", os.path.join(ROOT, "mcu", "mps2-an385", "cross.ini"),
                 "--cross-file", os.path.join(ROOT, "mcu", "mps2-an385", "nofloat.ini"), "-Dunit_tests=disabled"],
        "lang": False,
        "timeout": 30,
        # (code run through the raw REPL, its stdout, the end of its stderr)
        "boot": [
            (b"x = 1.5\n", "", "SyntaxError: floats are not supported in this build"),
            (b"print(7 / 2)\n", "", "TypeError: unsupported operand type(s) for /: 'int' and 'int' "
                                     "(no floats in this build: use //)"),
            (b"import time\nt = time.ticks_ms()\ntime.sleep_ms(30)\ntime.sleep_us(500)\ntime.sleep(0)\n"
             b"print(time.ticks_diff(time.ticks_ms(), t) >= 30)\n", "True\n", ""),
            (b"import select, sys\np = select.poll()\np.register(sys.stdin, select.POLLIN)\n"
             b"print(p.poll(20), select.select([sys.stdin], [], [], 0))\n", "[] ([], [], [])\n", ""),
            (b"import asyncio\nasync def t(n, log):\n    await asyncio.sleep_ms(n)\n    log.append(n)\n"
             b"async def main():\n    log = []\n    await asyncio.gather(t(20, log), t(10, log))\n"
             b"    await asyncio.sleep(0)\n    return log\nprint(asyncio.run(main()))\n", "[10, 20]\n", ""),
            # machine.Timer's arguments without floats (freq is an int)
            (b"import machine, time\nn = []\n"
             b"a = machine.Timer(-1, mode=machine.Timer.ONE_SHOT, freq=50, callback=n.append)\n"
             b"b = machine.Timer(0, period=10, callback=n.append)\ntime.sleep_ms(100)\nb.deinit()\n"
             b"print(a, n.count(a), n.count(b) > 2)\n", "Timer(-1, stopped) 1 True\n", ""),
        ],
    },
}


# Script suites, run once against the default build.
SUITES = ["cli", "repl", "mpremote", "mplib", "kernel", "services", "mcu"]


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []

    def ok(self):
        self.passed += 1

    def fail(self, name, detail=""):
        self.failed += 1
        self.failures.append(name)
        print(f"FAIL {name}")
        if detail:
            print("\n".join("    " + line for line in detail.rstrip().splitlines()[:60]))


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)


def runs_32bit_programs():
    """Can this kernel run 32-bit x86 programs? (An x86-64 kernel built
    without IA32 emulation, or booted with ia32_emulation=0, cannot.)
    PX_M32_EMULATE=1 answers no, to try the emulated way anywhere."""
    if os.environ.get("PX_M32_EMULATE") == "1":
        return False
    with tempfile.TemporaryDirectory() as d:
        src, exe = os.path.join(d, "t.c"), os.path.join(d, "t")
        with open(src, "w") as f:
            f.write("int main(void) { return 0; }\n")
        if run([os.environ.get("CC", "cc"), "-m32", src, "-o", exe]).returncode != 0:
            return True  # no 32-bit compiler: the build itself says so
        try:
            return subprocess.run([exe]).returncode == 0
        except OSError:  # ENOEXEC: exec format error
            return False


def m32_setup(cfg, tally):
    """Choose how build-m32 runs; False if it cannot run here. A build
    directory configured the other way is made again."""
    native = runs_32bit_programs()
    cmdline = os.path.join(ROOT, "build-m32", "meson-private", "cmd_line.txt")
    if os.path.exists(cmdline):
        with open(cmdline) as f:
            if ("i386-qemu.ini" in f.read()) == native:
                shutil.rmtree(os.path.join(ROOT, "build-m32"))
    if native:
        return True
    if shutil.which("qemu-i386") is None:
        tally.fail("build-m32: setup", "this kernel cannot run 32-bit programs and qemu-i386 is missing:\n"
                   "install Debian's qemu-user (see the README)")
        return False
    print("     build-m32: the kernel cannot run 32-bit programs; running them under qemu-i386")
    emu = cfg["emulated"]
    cfg["opts"] = cfg["opts"] + emu["opts"]
    cfg["wrapper"] = emu["wrapper"]
    cfg["timeout"] = emu["timeout"]
    return True


def build(name, cfg, tally, clean):
    """Configure and build one configuration; a warning or error fails it."""
    bdir = os.path.join(ROOT, name)
    env = dict(os.environ)
    env.update(cfg.get("env", {}))
    if not os.path.exists(os.path.join(bdir, "build.ninja")):
        r = run(["meson", "setup", bdir] + cfg["opts"], cwd=ROOT, env=env)
        if r.returncode != 0:
            tally.fail(f"{name}: meson setup", r.stdout)
            return False
    else:
        # a directory made before its configuration here changed (say
        # gc_debug turned on) gets the options it now has
        dopts = [o for o in cfg["opts"] if o.startswith("-D")]
        if dopts:
            r = run(["meson", "configure", bdir] + dopts, cwd=ROOT, env=env)
            if r.returncode != 0:
                tally.fail(f"{name}: meson configure", r.stdout)
                return False
        if clean:
            run(["ninja", "-C", bdir, "-t", "clean"], cwd=ROOT)
    r = run(["ninja", "-C", bdir], cwd=ROOT, env=env)
    if r.returncode != 0:
        tally.fail(f"{name}: compile", "\n".join(l for l in r.stdout.splitlines() if "error" in l or "warning" in l) or r.stdout[-3000:])
        return False
    warnings = [l for l in r.stdout.splitlines() if "warning:" in l]
    if warnings:
        tally.fail(f"{name}: warnings", "\n".join(warnings))
    else:
        tally.ok()
        print(f"ok   {name}: compile")
    return True


def unit_tests(name, cfg, tally):
    """Each Check executable reports 'Checks: N, Failures: F, Errors: E'."""
    bdir = os.path.join(ROOT, name)
    exes = sorted(f for f in os.listdir(bdir)
                  if f.startswith("unit_") and os.path.isfile(os.path.join(bdir, f)) and os.access(os.path.join(bdir, f), os.X_OK))
    if not exes and "-Dunit_tests=disabled" not in cfg["opts"]:
        tally.fail(f"{name}: unit tests", "no C unit test was built: the Check library is missing\n"
                   "(apt-get install check, see the README; then rm -r " + name + " to configure again)")
        return
    for exe in exes:
        try:
            r = run([os.path.join(bdir, exe)], cwd=ROOT, timeout=300 * int(cfg.get("unit_env", {}).get("CK_TIMEOUT_MULTIPLIER", 1)),
                    stdin=subprocess.DEVNULL, env=dict(os.environ, **cfg.get("unit_env", {})))
        except subprocess.TimeoutExpired:
            tally.fail(f"{name}/{exe}", "timed out")
            continue
        m = re.search(r"Checks: (\d+), Failures: (\d+), Errors: (\d+)", r.stdout)
        if not m:
            tally.fail(f"{name}/{exe}", r.stdout[-2000:] or f"exit status {r.returncode}")
            continue
        checks, failures, errors = map(int, m.groups())
        tally.passed += checks - failures - errors
        if failures or errors or r.returncode != 0:
            tally.failed += failures + errors or 1
            tally.failures.append(f"{name}/{exe}")
            print(f"FAIL {name}/{exe}")
            print("\n".join("    " + l for l in r.stdout.splitlines() if ":F:" in l or ":E:" in l))
        else:
            print(f"ok   {name}/{exe}: {checks} checks")


def lang_tests(pattern):
    names = []
    for f in sorted(os.listdir(LANG)):
        if f.endswith(".py") and (not pattern or pattern in f):
            names.append(f)
    return names


NEEDS = re.compile(r"^# needs: *(.*)$", re.M)


def needs(name):
    """The features a language test says it needs (`# needs: a, b`)."""
    with open(os.path.join(LANG, name), encoding="utf-8") as f:
        return {w.strip() for m in NEEDS.finditer(f.read()) for w in m.group(1).split(",") if w.strip()}


def runs_without(test, without):
    """Does a build without these features run the test? Not if it needs
    one of them, nor if it needs `no-X` (it tests the build without X)
    and the build has X."""
    want = needs(test)
    absent = {w[3:] for w in want if w.startswith("no-")}
    return not (want & without) and absent <= without


def outcome(cmd, path, timeout, env=None):
    """(stdout, exception line or None, exit status) of running a script."""
    try:
        r = subprocess.run(cmd + [os.path.basename(path)], cwd=os.path.dirname(path), stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, "timed out", -1, ""
    out = r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace")
    exc = None
    if r.returncode != 0:
        lines = [l for l in err.splitlines() if l.strip()]
        exc = lines[-1] if lines else ""
    return out, exc, r.returncode, err


def expected_for(name, cache):
    if name in cache:
        return cache[name]
    path = os.path.join(LANG, name)
    exp = path[:-3] + ".exp"
    if os.path.exists(exp):
        with open(exp, encoding="utf-8") as f:
            res = (f.read(), None, 0, "")
    else:
        # (no warnings: CPython's SyntaxWarnings are its compiler's advice)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONWARNINGS="ignore")
        res = outcome([sys.executable], path, 60, env)
    cache[name] = res
    return res


def check_one(name, cmd, timeout, cache, env=None):
    path = os.path.join(LANG, name)
    exp_out, exp_exc, exp_status, exp_err = expected_for(name, cache)
    out, exc, status, err = outcome(cmd, path, timeout, env)
    if out is None:
        return name, "timed out"
    if exp_out is None:
        return name, "python3 timed out on this test"
    problems = []
    if out != exp_out:
        diff = difflib.unified_diff(exp_out.splitlines(), out.splitlines(), "expected", "got", lineterm="", n=1)
        problems.append("\n".join(list(diff)[:40]))
    if (exp_status == 0) != (status == 0):
        problems.append(f"exit status {status}, expected {exp_status}")
    if exp_exc is not None and exc != exp_exc:
        problems.append(f"exception: {exc!r}\nexpected:  {exp_exc!r}")
    if status != 0 and exp_status == 0:
        problems.append("stderr:\n" + "\n".join(err.splitlines()[-12:]))
    errfile = path[:-3] + ".err"
    if os.path.exists(errfile):
        with open(errfile, encoding="utf-8") as f:
            want = f.read()
        if err != want:
            diff = difflib.unified_diff(want.splitlines(), err.splitlines(), "expected stderr", "got", lineterm="", n=1)
            problems.append("\n".join(list(diff)[:40]))
    elif status == 0 and exp_status == 0 and err != exp_err:
        # warnings (a HAL test's lost edges) are behaviour too: a program
        # that succeeds writes to stderr what CPython does (nothing for a
        # .exp test), or what its NAME.err says
        diff = difflib.unified_diff(exp_err.splitlines(), err.splitlines(), "expected stderr", "got", lineterm="", n=1)
        problems.append("\n".join(list(diff)[:40]))
    if "runtime error:" in err or "AddressSanitizer" in err or "ThreadSanitizer" in err:
        problems.append("sanitizer:\n" + "\n".join(err.splitlines()[:20]))
    return name, "\n".join(problems)


def needs_big_heap(test):
    with open(os.path.join(LANG, test), encoding="utf-8") as f:
        return any(line.startswith("# big heap:") for line in f)


def run_lang(name, cfg, tally, pattern, cache, jobs, heap=None):
    cmd = cfg.get("wrapper", []) + [os.path.join(ROOT, name, "micropython")]
    tests = [t for t in lang_tests(pattern) if cfg.get("lang_only", "") in t]
    without = set(cfg.get("without", []))
    skipped = [t for t in tests if not runs_without(t, without)]
    tests = [t for t in tests if t not in skipped]
    tally.skipped += len(skipped)
    if heap:
        cmd += ["-X", "heapsize=" + heap]
        tests = [t for t in tests if not needs_big_heap(t)]
        name = f"{name} heapsize={heap}"
    # CPython's outputs first (in parallel), then ours.
    with cf.ThreadPoolExecutor(jobs) as ex:
        list(ex.map(lambda t: expected_for(t, cache), tests))
        env = dict(os.environ, **cfg["run_env"]) if cfg.get("run_env") else None
        results = list(ex.map(lambda t: check_one(t, cmd, cfg["timeout"], cache, env), tests))
    npass = 0
    for test, problem in results:
        if problem:
            tally.fail(f"{name}/{test}", problem)
        else:
            tally.ok()
            npass += 1
    print(f"ok   {name}: {npass}/{len(tests)} language tests passed"
          + (f", {len(skipped)} skipped by their # needs:" if skipped else "")
          + (f" (this build is without {', '.join(sorted(without))})" if skipped and without else ""))


def check_missing(name, cfg, tally):
    """A build without a feature refuses its use with a clear error."""
    binary = os.path.join(ROOT, name, "micropython")
    npass = 0
    for argv, status, want in cfg.get("missing", []):
        r = subprocess.run([binary] + argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=30)
        lines = [l for l in r.stderr.splitlines() if l.strip()]
        got = lines[-1] if lines else ""
        if r.returncode != status or not got.endswith(want):
            tally.fail(f"{name}: missing feature: {' '.join(argv)}",
                       f"exit status {r.returncode}, stderr ends {got!r}\nexpected: {status}, {want!r}")
        else:
            tally.ok()
            npass += 1
    if cfg.get("missing"):
        print(f"ok   {name}: {npass}/{len(cfg['missing'])} checks of what the build leaves out passed")


def check_firmware(name, cfg, tally):
    """A cross-built firmware image: its UF2 file reads back block by block
    as the binary, its boot stage carries the CRC the boot ROM checks, and
    it fits the board's flash and RAM and its budgets (tests/mcu/sizes.py)."""
    fw = cfg["firmware"]
    bdir = os.path.join(ROOT, name)
    binf, uf2 = (os.path.join(bdir, "firmware." + ext) for ext in ("bin", "uf2"))
    r = run([sys.executable, os.path.join(ROOT, "tools", "uf2.py"), "check", uf2, "--bin", binf,
             "--base", fw["uf2_base"]])
    if r.returncode != 0:
        tally.fail(f"{name}: firmware.uf2", r.stdout)
    else:
        tally.ok()
        print(f"ok   {name}: {r.stdout.strip()}")
    # and the checker finds what a boot loader would refuse
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import uf2 as uf2_tool
    with open(uf2, "rb") as f:
        good = f.read()
    bad = {"a magic number": good[:4] + b"X" + good[5:],
           "the family": good[:512 + 28] + b"\0\0\0\0" + good[512 + 32:],
           "the numbering": good[:512 + 20] + (7).to_bytes(4, "little") + good[512 + 24:],
           "a missing block": good[:512] + good[1024:]}
    missed = []
    for what, data in bad.items():
        try:
            uf2_tool.check(data)
            missed.append(what)
        except ValueError:
            pass
    if missed:
        tally.fail(f"{name}: uf2.py check", "not refused: a UF2 file with a wrong " + ", ".join(missed))
    else:
        tally.ok()
        print(f"ok   {name}: uf2.py check refuses a broken file ({len(bad)} kinds of damage)")
    import rp2040_boot2
    with open(binf, "rb") as f:
        head = f.read(256)
    if len(head) != 256 or rp2040_boot2.crc32_mpeg2(head[:252]) != int.from_bytes(head[252:], "little"):
        tally.fail(f"{name}: boot stage", "the first 256 bytes of firmware.bin do not end with their CRC32")
    else:
        tally.ok()
        print(f"ok   {name}: boot stage sealed with its CRC32 (0x{int.from_bytes(head[252:], 'little'):08x})")
    # flash and RAM within the budgets of tests/mcu/sizes.py and the chip
    r = run([sys.executable, os.path.join(ROOT, "tests", "mcu", "sizes.py"), fw["target"]])
    if r.returncode != 0:
        tally.fail(f"{name}: size", r.stdout)
    else:
        tally.ok()
        print(f"ok   {name}: size")
        print("\n".join("     " + line for line in r.stdout.splitlines()))


def check_boot(name, cfg, tally):
    """A firmware for QEMU's mps2-an385: boot it and run cfg["boot"]'s
    checks through the raw REPL (tests/mcu/suite.py's Board), one soft
    reset between two."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("mcu_suite", os.path.join(ROOT, "tests", "mcu", "suite.py"))
    mcu = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mcu)
    if shutil.which("qemu-system-arm") is None:
        tally.fail(f"{name}: boot", "qemu-system-arm is not installed (see the README)")
        return
    board = None
    try:
        board = mcu.Board(os.path.join(ROOT, name, "firmware.elf"))
        npass = 0
        for code, want_out, want_err in cfg["boot"]:
            board.soft_reset()
            out, err = board.exec(code, 20)
            lines = [line for line in err.splitlines() if line.strip()]
            if out != want_out or (lines[-1] if lines else "") != want_err:
                tally.fail(f"{name}: boot: {code.decode()[:40]!r}", f"stdout {out!r}, stderr {err!r}\n"
                           f"expected {want_out!r} and an error ending {want_err!r}")
            else:
                tally.ok()
                npass += 1
        print(f"ok   {name}: {npass}/{len(cfg['boot'])} checks of the booted firmware passed")
    except (mcu.BoardGone, mcu.Fail) as e:
        tally.fail(f"{name}: boot", str(e))
    finally:
        if board is not None:
            board.close()


def run_suite(suite, binary, tally, pattern):
    script = os.path.join(ROOT, "tests", suite, "suite.py")
    if not os.path.exists(script):
        return
    cmd = [sys.executable, script, "--binary", binary] + (["-k", pattern] if pattern else [])
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            stdin=subprocess.DEVNULL)
    counts = [0, 0, 0]
    failing, detail = None, []

    def flush():
        if failing:
            tally.fail(f"{suite}/{failing}", "\n".join(detail))

    for line in proc.stdout:
        line = line.rstrip("\n")
        if line.startswith("    ") and failing:
            detail.append(line[4:])
            continue
        flush()
        failing, detail = None, []
        if line.startswith("ok "):
            tally.ok()
            counts[0] += 1
        elif line.startswith("FAIL "):
            failing = line[5:]
            counts[1] += 1
        elif line.startswith("skip "):
            tally.skipped += 1
            counts[2] += 1
            print(f"skip {suite}/{line[5:]}")
        elif line.strip():
            print(f"     {suite}: {line}")
    flush()
    status = proc.wait()
    if status != 0 and counts[1] == 0:
        tally.fail(f"{suite}: suite", f"exit status {status}")
    print(f"ok   {suite}: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="default build only")
    ap.add_argument("-k", dest="pattern", default="", help="only language tests containing this")
    ap.add_argument("--clean", action="store_true", help="rebuild from scratch (to see every warning)")
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--configs", default="", help="comma-separated build configurations")
    ap.add_argument("--suites", default=",".join(SUITES), help="comma-separated script suites ('' for none)")
    args = ap.parse_args()

    names = list(CONFIGS)
    if args.quick:
        names = ["build"]
    if args.configs:
        names = args.configs.split(",")
    tally = Tally()
    cache = {}
    start = time.time()
    for name in names:
        cfg = dict(CONFIGS[name])
        if name == "build-m32" and not m32_setup(cfg, tally):
            continue
        if not build(name, cfg, tally, args.clean):
            continue
        if not args.pattern:
            unit_tests(name, cfg, tally)
        if cfg["lang"]:
            run_lang(name, cfg, tally, args.pattern, cache, args.jobs)
            if cfg.get("small_heap"):
                run_lang(name, cfg, tally, args.pattern, cache, args.jobs, heap=cfg["small_heap"])
        if not args.pattern:
            check_missing(name, cfg, tally)
        if cfg.get("firmware") and not args.pattern:
            check_firmware(name, cfg, tally)
        if cfg.get("boot") and not args.pattern:
            check_boot(name, cfg, tally)
        if name == "build":
            for suite in filter(None, args.suites.split(",")):
                run_suite(suite, os.path.join(ROOT, name, "micropython"), tally, args.pattern)
        if args.suites and not args.pattern:
            for suite in cfg.get("suites", []):
                run_suite(suite, os.path.join(ROOT, name, "micropython"), tally, "")
    print(f"({time.time() - start:.0f} s)")
    if tally.failures:
        print("failed: " + " ".join(tally.failures[:50]) + (" ..." if len(tally.failures) > 50 else ""))
    line = f"{tally.passed} passed, {tally.failed} failed"
    if tally.skipped:
        line += f", {tally.skipped} skipped"
    print(line)
    sys.exit(1 if tally.failed else 0)


if __name__ == "__main__":
    main()
