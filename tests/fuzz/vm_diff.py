#!/usr/bin/env python3
"""Differential check of the VM: programs made by the fuzz_vm generator
(vm_gen.c, printed by the fuzz_vm_gen tool) run with our micropython and
with CPython; stdout and the exit status must be the same.

    python3 tests/fuzz/vm_diff.py --binary build/micropython DIR_OR_FILE...
    python3 tests/fuzz/vm_diff.py --binary build/micropython --random 1000 [--seed S]

The first form checks the programs of the given inputs (the corpus in
tests/fuzz/corpus/vm, or one grown by a long fuzz_vm run); the second
generates programs from random bytes. A difference prints the program's
file (kept in --keep, default /tmp/px-vm-diff) and a diff; the exit status
is the number of differences (capped at 100).
"""
import argparse
import concurrent.futures as cf
import difflib
import os
import random
import subprocess
import sys
import tempfile


def gen_tool(binary):
    tool = os.path.join(os.path.dirname(os.path.abspath(binary)), "fuzz_vm_gen")
    if not os.access(tool, os.X_OK):
        sys.exit(f"{tool} is missing: build it (ninja -C {os.path.dirname(binary)})")
    return tool


def run(cmd, path, timeout):
    try:
        r = subprocess.run(cmd + [path], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def check_input(data, binary, tool, keep, timeout=20):
    """None if both interpreters agree on the program for `data`, else the report."""
    with tempfile.NamedTemporaryFile(delete=False) as f:
        f.write(data)
        inp = f.name
    try:
        prog = subprocess.run([tool, inp], stdout=subprocess.PIPE, check=True).stdout
    finally:
        os.unlink(inp)
    os.makedirs(keep, exist_ok=True)
    path = os.path.join(keep, "prog_%d_%d.py" % (os.getpid(), abs(hash(data))))
    with open(path, "wb") as f:
        f.write(prog)
    env = dict(os.environ, PYTHONHASHSEED="0")
    ours = run([binary], path, timeout)
    ref = subprocess.run([sys.executable, path], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, timeout=60, env=env)
    ref = (ref.returncode, ref.stdout.decode("utf-8", "replace"), ref.stderr.decode("utf-8", "replace"))
    problems = []
    if ours[0] != ref[0]:
        problems.append(f"exit status {ours[0]}, CPython {ref[0]}")
    if ours[1] != ref[1]:
        diff = difflib.unified_diff(ref[1].splitlines(), ours[1].splitlines(), "CPython", "micropython",
                                    lineterm="", n=1)
        problems.append("\n".join(list(diff)[:30]))
    if "runtime error:" in ours[2] or "AddressSanitizer" in ours[2]:
        problems.append("sanitizer:\n" + ours[2][:2000])
    if not problems:
        os.unlink(path)
        return None
    return f"program: {path}\n" + "\n".join(problems) + ("\nstderr: " + ours[2][-800:] if ours[2] else "")


def inputs_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                with open(os.path.join(p, name), "rb") as f:
                    yield name, f.read()
        else:
            with open(p, "rb") as f:
                yield os.path.basename(p), f.read()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--random", type=int, default=0, help="check this many random programs")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--keep", default=os.path.join(tempfile.gettempdir(), "px-vm-diff"))
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    tool = gen_tool(args.binary)
    if args.random:
        rng = random.Random(args.seed)
        work = [(f"random{i}", bytes(rng.randrange(256) for _ in range(rng.randrange(50, 1500))))
                for i in range(args.random)]
    else:
        work = list(inputs_of(args.paths))
    bad = 0
    with cf.ThreadPoolExecutor(args.jobs) as ex:
        for (name, _), problem in zip(work, ex.map(lambda w: check_input(w[1], args.binary, tool, args.keep), work)):
            if problem:
                bad += 1
                print(f"DIFF {name}\n" + "\n".join("    " + l for l in problem.splitlines()))
    print(f"{len(work) - bad} of {len(work)} programs agree with CPython")
    sys.exit(min(bad, 100))


if __name__ == "__main__":
    main()
