#!/usr/bin/env python3
"""Run each bench/*.py with our micropython (a release build in
build-release/) and with python3 in the same run; print best-of-N times and
the ratio ours/python3 (below 1.0 means we are faster)."""
import glob
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BDIR = os.path.join(ROOT, "build-release")
# The interpreter running this script: `python3` may be a slow wrapper (pyenv shims).
PYTHON = sys.executable


def best_time(cmd, path, repeat):
    best = None
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        r = subprocess.run(cmd + [path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        dt = time.perf_counter() - t
        if r.returncode != 0:
            return None, r.stdout.strip().splitlines()[-1:] or ["failed"]
        best = dt if best is None else min(best, dt)
        out = r.stdout
    return best, out


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    if not os.path.exists(os.path.join(BDIR, "build.ninja")):
        subprocess.run(["meson", "setup", BDIR, "-Dbuildtype=release", "-Dunit_tests=disabled"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", BDIR, "micropython"], check=True, stdout=subprocess.DEVNULL)
    ours = os.path.join(BDIR, "micropython")
    print(f"{'benchmark':<12} {'python3 s':>10} {'ours s':>10} {'ratio':>7}")
    for path in sorted(glob.glob(os.path.join(ROOT, "bench", "*.py"))):
        name = os.path.basename(path)[:-3]
        if name == "run":
            continue
        tp, outp = best_time([PYTHON], path, repeat)
        to, outo = best_time([ours], path, repeat)
        if to is None:
            print(f"{name:<12} {tp:>10.3f} {'error':>10}  {outo[0]}")
            continue
        note = "" if outo == outp else "  (output differs!)"
        print(f"{name:<12} {tp:>10.3f} {to:>10.3f} {to / tp:>7.2f}{note}")


if __name__ == "__main__":
    main()
