#!/usr/bin/env python3
"""Fault injection over the language tests: every allocation failure must
become a MemoryError the program can catch, and the heap must stay
consistent after it.

Needs a build with -Dgc_debug=true (docs/reliability.md), whose binary reads
PX_FAIL_ALLOC=N[,LIMIT] (every Nth allocation fails, at most LIMIT times)
and checks the collector's invariants after every collection and before
every injected failure; a broken invariant is a fatal error.

    python3 tests/faults/sweep.py --binary build-gcdebug/micropython [-k NAME] [--points 8]

For each test it counts the program's allocations A, then runs it once per
failure point N spread over 1..A (one failure each, then a run failing every
Nth allocation). A run passes when the process ends by itself (no signal,
no sanitizer report, no invariant failure, no time-out) with status 0 or 1,
and a status of 1 ends in the line `MemoryError` (not caught) or in the
test's own exception line (a test that ends so without failures): whatever
the program did with the MemoryError, it was a MemoryError, and the
interpreter stayed alive and consistent (the collection at exit checks the
heap's invariants once more).
Prints `ok NAME`, `FAIL NAME` (details indented) as the other suites do.
"""
import argparse
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANG = os.path.join(ROOT, "tests", "lang")


def run(binary, test, env_extra, timeout):
    env = dict(os.environ, **env_extra)
    try:
        r = subprocess.run([binary, test], cwd=LANG, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out"
    return r.returncode, r.stdout, r.stderr


def last_line(err):
    lines = [l for l in err.decode(errors="replace").splitlines() if l.strip() and not l.startswith("px: ")]
    return lines[-1] if lines else ""


def count_allocs(binary, test, timeout):
    """(allocations, seconds, exception line) of a run without failures;
    the exception line is the last of stderr if it ended with status 1
    (a test that ends in an uncaught exception on purpose), else None."""
    start = time.monotonic()
    status, _, err = run(binary, test, {"PX_COUNT_ALLOCS": "1"}, timeout)
    m = re.search(rb"px: (\d+) allocations", err)
    return (int(m.group(1)) if m else 0), time.monotonic() - start, last_line(err) if status == 1 else None


def problem(status, err, own_exc=None):
    """What is wrong with a run that had allocations fail, or None. An
    uncaught exception must be the MemoryError (the program did not catch
    it) or the test's own (own_exc: it caught it and went on to end as it
    always does); anything else means a failure became another error."""
    text = err.decode(errors="replace")
    if status is None:
        return "timed out"
    if "GC invariant" in text or "Sanitizer" in text or "runtime error:" in text:
        return text[-2000:]
    if status < 0:
        return f"killed by signal {-status}\n{text[-2000:]}"
    if status not in (0, 1):
        return f"exit status {status}\n{text[-2000:]}"
    if status == 1:
        last = text.rstrip().splitlines()[-1:] or [""]
        if not re.match(r"^[A-Za-z_][\w.]*(: .*)?$", last[0]):
            return f"status 1 without an exception line\n{text[-2000:]}"
        if last[0] != "MemoryError" and last[0] != own_exc:
            return f"an allocation failure became another exception\n{text[-2000:]}"
    return None


def failure_points(total, points):
    """`points` allocation numbers spread evenly over 1..total (the middle
    of each of `points` equal parts): the same numbers for the same count."""
    return sorted({max(1, total * (2 * i + 1) // (2 * points)) for i in range(points)})


def sweep_one(binary, test, points, timeout):
    """Run one language test failing at each point, once a single failure
    and once every Nth; (allocations, failure points, problems). An
    allocation count of 0 means the binary does not count (no gc_debug)."""
    total, took, own_exc = count_allocs(binary, test, 5 * timeout)
    timeout = max(timeout, 3 * took)  # a loaded machine is slow, not wrong
    if total == 0:
        return 0, [], []
    chosen = failure_points(total, points)
    failures = []
    for n in chosen:
        for spec in (f"{n},1", str(max(n, 50))):
            status, _, err = run(binary, test, {"PX_FAIL_ALLOC": spec}, timeout)
            p = problem(status, err, own_exc)
            if p:
                failures.append(f"PX_FAIL_ALLOC={spec} ({total} allocations): {p}")
    return total, chosen, failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("-k", dest="pattern", default="")
    ap.add_argument("--points", type=int, default=6, help="failure points per test")
    ap.add_argument("--timeout", type=float, default=60)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    tests = sorted(f for f in os.listdir(LANG) if f.endswith(".py") and args.pattern in f)
    for test in tests:
        total, _, failures = sweep_one(binary, test, args.points, args.timeout)
        if total == 0:
            print(f"skip {test}: no allocation count (not a -Dgc_debug=true build?)")
        elif failures:
            print(f"FAIL {test}")
            for f in failures[:3]:
                print("\n".join("    " + l for l in f.splitlines()[:20]))
        else:
            print(f"ok {test}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
