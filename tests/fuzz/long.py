#!/usr/bin/env python3
"""Long fuzzing runs (hours), growing a work corpus outside the tree:

    python3 tests/fuzz/long.py --build build-fuzz --minutes 60 compile number vm
    python3 tests/fuzz/long.py --build build-fuzz --merge vm

A run fuzzes each named target in turn for --minutes (ASan+UBSan, as the
build was configured), starting from tests/fuzz/corpus/<target> and the
work corpus in ~/.cache/px-fuzz/<target>, and appends one line per run
(target, seconds, executions, outcome) to ~/.cache/px-fuzz/runs.log.
A crash leaves its input in ~/.cache/px-fuzz/ and stops that target.
--merge minimises the work corpus into the tree's (libFuzzer -merge=1),
keeping only inputs that add coverage; commit what it adds.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.expanduser("~/.cache/px-fuzz")
# -timeout is wall-clock time: on these shared machines (load averages of
# 20 on 2 cores) 10 s flagged inputs that take half a second of CPU time.
FLAGS = ["-entropic=0", "-timeout=60", "-rss_limit_mb=2048", "-max_len=8192"]


def exe_of(build, target):
    exe = os.path.join(build, "fuzz_" + target)
    if not os.access(exe, os.X_OK):
        sys.exit(f"{exe} is missing: configure {build} with -Dfuzz=enabled (clang)")
    return exe


def fuzz(build, target, seconds):
    work = os.path.join(WORK, target)
    os.makedirs(work, exist_ok=True)
    start = time.time()
    r = subprocess.run(["nice", "-n", "10", exe_of(build, target), f"-max_total_time={seconds}",
                        f"-artifact_prefix={WORK}/{target}-"] + FLAGS + [work, os.path.join(HERE, "corpus", target)],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    out = r.stdout.decode("utf-8", "replace")
    took = time.time() - start
    m = re.findall(r"^#(\d+)\s", out, re.M)
    execs = int(m[-1]) if m else 0
    outcome = "clean" if r.returncode == 0 else f"FINDING (status {r.returncode})"
    line = f"{time.strftime('%Y-%m-%d %H:%M')} {target} {took:.0f} s {execs} execs {outcome}"
    with open(os.path.join(WORK, "runs.log"), "a") as f:
        f.write(line + "\n")
    print(line, flush=True)
    if r.returncode != 0:
        print("\n".join(out.splitlines()[-60:]))
    return r.returncode == 0


def merge(build, target):
    tree = os.path.join(HERE, "corpus", target)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe_of(build, target), "-merge=1"] + FLAGS + [tmp, tree, os.path.join(WORK, target)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        kept = set(os.listdir(tmp))
        before = set(os.listdir(tree))
        for name in kept - before:
            shutil.copy(os.path.join(tmp, name), os.path.join(tree, name))
        print(f"{target}: {len(kept - before)} inputs added to {tree} ({len(before)} before)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build-fuzz")
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--merge", action="store_true")
    ap.add_argument("targets", nargs="+")
    args = ap.parse_args()
    ok = True
    for t in args.targets:
        if args.merge:
            merge(args.build, t)
        else:
            ok &= fuzz(args.build, t, int(args.minutes * 60))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
