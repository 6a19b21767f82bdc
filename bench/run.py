#!/usr/bin/env python3
"""The benchmark command: our release build against Debian's CPython.

    python3 bench/run.py               everything, 5 repetitions
    python3 bench/run.py -n 3 -k aes   only programs whose name contains "aes"
    python3 bench/run.py --only suite  one section: suite, startup, memory, size, scaling

Each program in bench/programs/ times its own work (start-up excluded) and
checks its answer; a wrong answer or a crash is reported as an error.
Programs at the top of bench/ print their results instead: they are timed
as whole processes (marked *) and must print the same under both. The
two interpreters run interleaved (ours, theirs, ours, ... with the order
flipped on every repetition) so that a slow moment of the machine hits
both. Reported per program: the median seconds of each, the ratio of the
medians ours/python3 and the spread (lowest..highest) of the ratios of the
single repetitions; then the geometric mean of the ratios. Below 1.0 means
we are faster.

Also measured: start-up (`-c pass`, median wall time), peak RSS of
`-c pass` and of bench/memheavy.py, the stripped binary size, and scaling
probes (bench/scaling.py at n and 10n: about 10x is linear, 100x quadratic).

The reference is /usr/bin/python3 (Debian's PGO+LTO build), not whatever
`python3` comes first on PATH. Benchmarks are not tests: nothing here
fails because the machine is slow, only because an answer is wrong.
"""
import argparse
import ctypes
import glob
import math
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
PROGRAMS = os.path.join(BENCH, "programs")
BDIR = os.path.join(ROOT, "build-release")
REFERENCE = "/usr/bin/python3"

SCALING_OPS = ["str_iadd", "str_iadd_unicode", "bytes_iadd", "list_append", "bytearray_grow", "dict_grow",
               "str_join", "slice_list", "slice_str", "slice_str_unicode", "index_str_unicode"]
SCALING_N = 100000
TIMEOUT = 60


def build():
    if not os.path.exists(os.path.join(BDIR, "build.ninja")):
        subprocess.run(["meson", "setup", BDIR, "-Dbuildtype=release", "-Dunit_tests=disabled"], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", BDIR, "micropython"], check=True, stdout=subprocess.DEVNULL)
    return os.path.join(BDIR, "micropython")


def run_measured(cmd, cwd=None, timeout=TIMEOUT):
    """Run cmd; return (wall seconds, exit status, output)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=cwd)
        deadline = t0 + timeout
        while True:
            pid, status = os.waitpid(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                os.waitpid(p.pid, 0)
                return None, "timeout", ""
            time.sleep(0.0005)
        wall = time.perf_counter() - t0
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, p.returncode, text


def bench_seconds(cmd, cwd=None, timeout=TIMEOUT):
    """The program's own time, or an error string."""
    wall, rc, text = run_measured(cmd, cwd, timeout)
    if rc == "timeout":
        return f"timeout (> {timeout} s)"
    for line in text.splitlines():
        if line.startswith("bench-seconds "):
            if rc == 0:
                return float(line.split()[1])
    lines = text.strip().splitlines()
    return (lines[-1] if lines else f"exit status {rc}")[:100]


def version_of(cmd):
    r = subprocess.run(cmd + ["-c", "import sys; print(sys.implementation.name, sys.version.split()[0])"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return r.stdout.strip()


# Programs at the top of bench/ (added with modules: struct, json, re, ...)
# print their results instead of timing themselves: they are timed as whole
# processes (start-up included, marked * below) and their output must be
# the same under both interpreters.
NOT_PROGRAMS = {"run", "icount", "scaling", "memheavy", "size"}


def whole_process_seconds(cmd, outputs):
    wall, rc, text = run_measured(cmd, BENCH)
    if rc == "timeout":
        return f"timeout (> {TIMEOUT} s)"
    if rc != 0:
        lines = text.strip().splitlines()
        return (lines[-1] if lines else f"exit status {rc}")[:100]
    outputs.add(text)
    return wall if len(outputs) == 1 else "output differs from the other interpreter's"


def suite(ours, ref, reps, pattern):
    paths = {os.path.basename(p)[:-3]: p for p in glob.glob(os.path.join(PROGRAMS, "*.py"))}
    paths.pop("benchlib", None)
    whole = {os.path.basename(p)[:-3]: p for p in glob.glob(os.path.join(BENCH, "*.py"))}
    for n in NOT_PROGRAMS:
        whole.pop(n, None)
    paths.update(whole)
    names = sorted(n for n in paths if pattern is None or pattern in n)
    times = {n: ([], []) for n in names}  # (ours, python3)
    outputs = {n: set() for n in names}
    errors = {}
    for rep in range(reps):
        for n in names:
            if n in errors:
                continue
            order = [(0, ours), (1, ref)] if rep % 2 == 0 else [(1, ref), (0, ours)]
            for which, interp in order:
                if n in whole:
                    r = whole_process_seconds([interp, paths[n]], outputs[n])
                else:
                    r = bench_seconds([interp, paths[n]], cwd=PROGRAMS)
                if isinstance(r, str):
                    errors[n] = ("ours: " if which == 0 else "python3: ") + r
                    break
                times[n][which].append(r)
        print(f"  repetition {rep + 1}/{reps} done", file=sys.stderr)
    print(f"\n{'benchmark':<16} {'python3 s':>10} {'ours s':>10} {'ratio':>7}  spread")
    ratios = []
    for n in names:
        if n in errors:
            print(f"{n:<16} {'':>10} {'':>10} {'error':>7}  {errors[n]}")
            continue
        o, p = times[n]
        mo, mp = statistics.median(o), statistics.median(p)
        r = mo / mp
        ratios.append(r)
        each = sorted(a / b for a, b in zip(o, p))
        flag = "  > 1.5" if r > 1.5 else ""
        label = n + ("*" if n in whole else "")
        print(f"{label:<16} {mp:>10.3f} {mo:>10.3f} {r:>7.2f}  {each[0]:.2f}..{each[-1]:.2f}{flag}")
    if ratios:
        gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"{'geometric mean':<16} {'':>10} {'':>10} {gm:>7.2f}  over {len(ratios)} programs, "
              f"{sum(1 for r in ratios if r > 1.5)} above 1.5, {len(errors)} errors"
              + ("; * timed as whole processes, start-up included" if any(n in whole for n in names) else ""))


def startup(ours, ref, reps=21):
    walls = ([], [])
    for _ in range(reps):
        for which, interp in ((0, ours), (1, ref)):
            t0 = time.perf_counter()  # a blocking wait: no polling delay in the figure
            subprocess.run([interp, "-c", "pass"], check=True)
            walls[which].append(time.perf_counter() - t0)
    print(f"\nstart-up (-c pass, median of {reps}): ours {statistics.median(walls[0]) * 1000:.2f} ms, "
          f"python3 {statistics.median(walls[1]) * 1000:.2f} ms")


# Peak RSS must be read from the child's own memory map: ru_maxrss of a
# forked child also counts the memory of this Python process before exec.
# So the child is traced, stopped just before it exits, and its VmHWM read.
_PTRACE_TRACEME, _PTRACE_CONT, _PTRACE_SETOPTIONS = 0, 7, 0x4200
_PTRACE_O_TRACEEXIT, _PTRACE_EVENT_EXIT = 0x40, 6


def peak_rss_kib(cmd):
    libc = ctypes.CDLL(None, use_errno=True)
    libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
    pid = os.fork()
    if pid == 0:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            libc.ptrace(_PTRACE_TRACEME, 0, None, None)
            os.execv(cmd[0], cmd)
        finally:
            os._exit(127)
    os.waitpid(pid, 0)  # stopped at the exec
    libc.ptrace(_PTRACE_SETOPTIONS, pid, None, ctypes.c_void_p(_PTRACE_O_TRACEEXIT))
    libc.ptrace(_PTRACE_CONT, pid, None, None)
    hwm = None
    while True:
        _, st = os.waitpid(pid, 0)
        if os.WIFEXITED(st) or os.WIFSIGNALED(st):
            return hwm if os.WIFEXITED(st) and os.WEXITSTATUS(st) == 0 else None
        sig = os.WSTOPSIG(st)
        if st >> 16 == _PTRACE_EVENT_EXIT:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm = int(line.split()[1])
            sig = 0
        elif sig == signal.SIGTRAP:
            sig = 0
        libc.ptrace(_PTRACE_CONT, pid, None, ctypes.c_void_p(sig))


def memory(ours, ref):
    print("\npeak RSS            ours     python3")
    for label, args in (("-c pass", ["-c", "pass"]), ("memheavy.py", [os.path.join(BENCH, "memheavy.py")])):
        rss = []
        for interp in (ours, ref):
            kib = peak_rss_kib([interp] + args)
            rss.append(f"{kib / 1024:.2f} MiB" if kib is not None else "error")
        print(f"{label:<14} {rss[0]:>12} {rss[1]:>11}")


def size(ours):
    with tempfile.TemporaryDirectory() as d:
        dst = os.path.join(d, "micropython")
        shutil.copy(ours, dst)
        subprocess.run(["strip", dst], check=True)
        print(f"\nbinary: {os.path.getsize(ours)} bytes, stripped {os.path.getsize(dst)} bytes "
              f"({os.path.getsize(dst) / 1000:.0f} KB)")


def fmt_cell(v):
    return f"{v:.3f}" if isinstance(v, float) else v.split(" ")[0]


def scaling(ours, ref, pattern):
    print(f"\nscaling (seconds at n={SCALING_N} and 10n; x10 is linear, x100 quadratic)")
    print(f"{'operation':<18} {'ours n':>8} {'ours 10n':>9} {'x':>6}   {'py n':>8} {'py 10n':>8} {'x':>6}")
    script = os.path.join(BENCH, "scaling.py")
    for op in SCALING_OPS:
        if pattern is not None and pattern not in op:
            continue
        cells = []
        for interp in (ours, ref):
            a = bench_seconds([interp, script, op, str(SCALING_N)])
            b = "-" if isinstance(a, str) else bench_seconds([interp, script, op, str(SCALING_N * 10)])
            if isinstance(a, str) or isinstance(b, str):
                cells.append(f"{fmt_cell(a):>8} {fmt_cell(b):>9} {'':>6}")
            else:
                cells.append(f"{a:>8.3f} {b:>9.3f} {b / a:>6.1f}")
        print(f"{op:<18} {cells[0]}   {cells[1]}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=5, help="repetitions of the suite (default 5)")
    ap.add_argument("-k", help="only programs / scaling operations whose name contains this")
    ap.add_argument("--only", choices=["suite", "startup", "memory", "size", "scaling"])
    ap.add_argument("--binary", help="our interpreter (default: build and use build-release/micropython)")
    ap.add_argument("--python", default=REFERENCE, help=f"the reference CPython (default {REFERENCE})")
    a = ap.parse_args()
    ours = os.path.abspath(a.binary) if a.binary else build()
    ref = a.python
    print(f"ours: {ours} ({version_of([ours])}); reference: {ref} ({version_of([ref])})")
    print(f"date: {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores")
    if a.only in (None, "suite"):
        suite(ours, ref, a.n, a.k)
    if a.only in (None, "startup"):
        startup(ours, ref)
    if a.only in (None, "memory"):
        memory(ours, ref)
    if a.only in (None, "size"):
        size(ours)
    if a.only in (None, "scaling"):
        scaling(ours, ref, a.k)


if __name__ == "__main__":
    main()
