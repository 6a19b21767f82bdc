#!/usr/bin/env python3
"""Instruction counts (valgrind, repeatable on a noisy machine) of benchmark
programs under one or more interpreters, for deciding optimisations:

    python3 bench/icount.py BINARY [BINARY2 ...] [-k NAME ...]

Prints millions of instructions per program and binary, and the ratio of
each later binary to the first."""
import argparse
import glob
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

PROGRAMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "programs")


def icount(binary, program):
    r = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                        binary, program], cwd=PROGRAMS, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    m = re.search(r"I\s+refs:\s+([\d,]+)", r.stderr)
    ok = r.returncode == 0 and "bench-seconds" in r.stdout
    return int(m.group(1).replace(",", "")) if m and ok else None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("-k", action="append", help="programs whose name contains this (repeatable)")
    ap.add_argument("-j", type=int, default=2)
    a = ap.parse_args()
    names = sorted(os.path.basename(p)[:-3] for p in glob.glob(os.path.join(PROGRAMS, "*.py")))
    names = [n for n in names if n != "benchlib" and (not a.k or any(k in n for k in a.k))]
    bins = [os.path.abspath(b) for b in a.binaries]
    jobs = {(n, b): None for n in names for b in bins}
    with ThreadPoolExecutor(a.j) as ex:
        futs = {key: ex.submit(icount, key[1], os.path.join(PROGRAMS, key[0] + ".py")) for key in jobs}
    print(f"{'program':<16}" + "".join(f"{'Minstr ' + str(i):>14}" for i in range(len(bins))) + "   ratios")
    for n in names:
        counts = [futs[(n, b)].result() for b in bins]
        cells = "".join(f"{c / 1e6:>14.1f}" if c else f"{'error':>14}" for c in counts)
        ratios = " ".join(f"{c / counts[0]:.3f}" if c and counts[0] else "-" for c in counts[1:])
        print(f"{n:<16}{cells}   {ratios}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
