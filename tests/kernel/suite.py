#!/usr/bin/env python3
"""The real-kernel bench: boot Debian's kernel in qemu-system-x86_64 with our
micropython, our kernel modules (a loopback GPIO chip) and the tests of
tests/kernel/tests/ inside, run them all in one boot, and report each one.

    python3 tests/kernel/suite.py --binary build/micropython [-k PAT]

A test is tests/NAME.py (run as `micropython NAME.py`) or tests/NAME.sh (run
by /bin/sh with $MPY and $AS_USER set), run as root in the VM's /tests;
NAME.exp is its exact expected stdout, NAME.err its exact stderr (without
one, stderr must be empty), and it must exit 0. Exit status 77 means skip
(the first line of stdout says why), except under PX_CI=1 (.ci/run), where
a skip fails: CI installs every tool a test needs. Kernel warnings logged
during a test fail it. Prints `ok NAME`, `FAIL NAME` with indented detail
lines, or `skip NAME: why`; exits 1 only if the bench itself could not run.
See tests/kernel/README.md.
"""
import difflib
import fnmatch
import glob
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from harness.common import BenchError, cache_dir  # noqa: E402
from harness.initramfs import build_initramfs, find_busybox  # noqa: E402
from harness.kernel import get_kernel, intree_modules  # noqa: E402
from harness.kmod import build_modules  # noqa: E402
from harness.vm import Result, find_qemu, parse_console, qemu_command, run_vm  # noqa: E402
from suitelib import arg_parser, fail, ok, skip  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "tests")
BOOT_BUDGET = 120  # seconds for boot, module loading and power-off under TCG
KERNEL_TROUBLE = ("BUG:", "WARNING:", "Oops", "Call Trace", "general protection fault", "INFO: task")


def collect(pattern):
    tests = []
    for f in sorted(os.listdir(TESTS)):
        name, ext = os.path.splitext(f)
        if ext not in (".py", ".sh"):
            continue
        if pattern and pattern not in name and not fnmatch.fnmatch(name, pattern):
            continue
        tests.append((name, f))
    return tests


def text(data):
    return (data or b"").decode("utf-8", errors="replace")


def report(name, res, timeout):
    """Print the verdict for one test; True if it passed or was skipped."""
    out, err, kmsg = (text(res.streams.get(s)) for s in ("out", "err", "kmsg"))
    if res.rc is None:
        fail(name, "did not finish: the VM stopped or timed out while it ran", err and "stderr:\n" + err)
        return False
    if res.rc == 77:
        why = (out.splitlines() or ['no reason given'])[0]
        if os.environ.get("PX_CI") == "1":  # CI installs every tool: a skip there hides a gap
            fail(name, f"skipped, which CI does not allow (PX_CI=1): {why}")
            return False
        skip(name, why)
        return True
    problems = list(res.problems)
    if res.rc in (124, 143):
        problems.append(f"timed out after {timeout} s (exit status {res.rc})")
    elif res.rc != 0:
        problems.append(f"exit status {res.rc}")
    exp_path = os.path.join(TESTS, name + ".exp")
    if os.path.exists(exp_path):
        with open(exp_path, encoding="utf-8") as f:
            expected = f.read()
        if out != expected:
            diff = difflib.unified_diff(expected.splitlines(), out.splitlines(), "expected", "got", lineterm="")
            problems.append("stdout differs:\n" + "\n".join(list(diff)[:80]))
    else:
        problems.append(f"no {name}.exp; stdout was:\n{out}")
    # stderr is part of the behaviour (warnings such as an edge queue's
    # overflow): NAME.err holds it exactly; without one it must be empty
    err_path = os.path.join(TESTS, name + ".err")
    want_err = ""
    if os.path.exists(err_path):
        with open(err_path, encoding="utf-8") as f:
            want_err = f.read()
    if err != want_err:
        diff = difflib.unified_diff(want_err.splitlines(), err.splitlines(), "expected stderr", "got", lineterm="")
        problems.append("stderr differs:\n" + "\n".join(list(diff)[:80]))
        err = ""  # (shown in the diff)
    if any(word in kmsg for word in KERNEL_TROUBLE):
        problems.append("the kernel complained:\n" + kmsg)
    if not problems:
        ok(name)
        return True
    fail(name, *problems, err and "stderr:\n" + err)
    return False


def run_bench(args, tests):
    t0 = time.monotonic()
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        raise BenchError(f"no binary at {binary}: build it first")
    find_qemu()
    find_busybox()
    kernel = get_kernel()
    intree, intree_problem = intree_modules(kernel)
    if intree_problem:
        print(f"note: {intree_problem} (the tests that need them skip)")
    t_kernel = time.monotonic()
    modules, module_failure = [], None
    try:
        modules, warnings = build_modules(kernel)
        if warnings:
            module_failure = "compiler warnings:\n" + warnings
    except BenchError as e:
        module_failure = str(e)
    t_build = time.monotonic()
    run_dir = os.path.join(cache_dir(), "run")
    os.makedirs(run_dir, exist_ok=True)
    for stale in glob.glob(os.path.join(run_dir, "initramfs-*.cpio")):  # of killed runs
        if time.time() - os.path.getmtime(stale) > 3600:
            os.remove(stale)
    initrd = os.path.join(run_dir, f"initramfs-{os.getpid()}.cpio")
    serial_socket = os.path.join(run_dir, f"uart-{os.getpid()}.sock")
    try:
        build_initramfs(binary, modules, intree, tests, args.timeout, initrd, args.env)
        cmd = qemu_command(kernel, initrd, args.smp, serial_socket)
        deadline = BOOT_BUDGET + len(tests) * (args.timeout + 5)
        log = os.path.join(run_dir, "console.log")
        console, timed_out = run_vm(cmd, deadline, log)
    finally:
        for path in (initrd, serial_socket):
            if os.path.exists(path):
                os.remove(path)
    t_vm = time.monotonic()
    booted, mods, results, done = parse_console(console)
    if args.verbose:
        sys.stderr.write(console.decode(errors="replace"))
    if booted is None:
        tail = "\n".join(console.decode(errors="replace").splitlines()[-30:])
        raise BenchError(f"the VM did not boot ({'timed out' if timed_out else 'qemu exited'}); "
                         f"console in {log}:\n{tail}")

    if module_failure:
        fail("module build", module_failure)
    for name, res in sorted(mods.items()):
        kmsg = text(res.streams.get("kmsg"))
        if res.rc != 0 or any(word in kmsg for word in KERNEL_TROUBLE):
            fail(f"insmod {name}", f"exit status {res.rc}", text(res.streams.get("out")), kmsg)
    for name, _ in tests:
        report(name, results.get(name) or Result(), args.timeout)
    if not done:
        tail = "\n".join(console.decode(errors="replace").splitlines()[-20:])
        fail("power-off", f"the VM {'timed out' if timed_out else 'stopped'} before finishing; "
             f"console in {log}:\n{tail}")
    timed = sorted(((r.seconds, n) for n, r in results.items() if r.seconds is not None), reverse=True)
    slowest = ", ".join(f"{n} {sec:.1f} s" for sec, n in timed[:3])
    print(f"bench: kernel {booted}, {len(tests)} tests; kernel ready {t_kernel - t0:.1f} s, "
          f"modules {t_build - t_kernel:.1f} s, VM {t_vm - t_build:.1f} s (tests {sum(t for t, _ in timed):.1f} s; "
          f"slowest: {slowest})")


def env_setting(text):
    name, eq, value = text.partition("=")
    if not eq or not name.isidentifier() or "'" in value:
        raise ValueError(text)
    return name, value


def main():
    ap = arg_parser(__doc__, "only tests whose name contains (or globs) this")
    ap.add_argument("--timeout", type=int, default=60, help="seconds each test may run (default 60)")
    ap.add_argument("--smp", type=int, default=1, help="virtual CPUs (default 1)")
    ap.add_argument("-v", dest="verbose", action="store_true", help="copy the VM console to stderr")
    ap.add_argument("--env", action="append", default=[], type=env_setting, metavar="NAME=VALUE",
                    help="an environment variable for the tests (repeatable), e.g. PX_SOAK_SECONDS=600")
    args = ap.parse_args()
    tests = collect(args.pattern)
    if not tests:
        return 0
    try:
        run_bench(args, tests)
    except (BenchError, OSError) as e:
        fail("bench", str(e))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
