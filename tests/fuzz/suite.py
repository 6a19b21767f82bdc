#!/usr/bin/env python3
"""The fuzz targets as a script suite (tests/suitelib.py protocol), run by
tests/run.py against the libFuzzer build (build-fuzz: clang, ASan+UBSan,
-Dfuzz=enabled):

    python3 tests/fuzz/suite.py --binary build-fuzz/micropython [-k NAME]

Each target (fuzz_compile, fuzz_number, fuzz_vm next to the binary) runs
over its corpus in tests/fuzz/corpus/<target> and then for a fixed number
of mutations with a fixed seed, so a CI run is bounded and repeatable; a
crash, sanitizer report or finding fails it. `vm_diff` runs every program
of the fuzz_vm corpus with us and with CPython and compares the output.
Long runs (hours, growing the corpus) are tests/fuzz/long.py.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import suitelib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TARGETS = ["compile", "number", "vm", "json", "re", "struct", "deflate"]
MUTATIONS = 3000  # per target, after the corpus
# The options every run uses (docs/reliability.md says why).
FLAGS = ["-entropic=0", "-timeout=10", "-rss_limit_mb=2048", "-max_len=8192", "-print_final_stats=0"]


def corpus(target):
    return os.path.join(HERE, "corpus", target)


def fuzz_test(exe, target):
    def test():
        n = len(os.listdir(corpus(target)))
        with tempfile.TemporaryDirectory() as scratch:
            # new units go to the scratch directory (the first one given), not the tree
            r = subprocess.run([exe, f"-runs={n + MUTATIONS}", "-seed=1", f"-artifact_prefix={scratch}/"] + FLAGS +
                               [scratch, corpus(target)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, timeout=600)
        out = r.stdout.decode("utf-8", "replace")
        if r.returncode != 0 or "ERROR:" in out or "runtime error:" in out:
            lines = [l for l in out.splitlines() if not l.startswith("#") and not l.startswith("INFO:")]
            raise suitelib.Fail(f"exit status {r.returncode}\n" + "\n".join(lines[-50:]))
    return test


def vm_diff_test(binary):
    def test():
        r = subprocess.run([sys.executable, os.path.join(HERE, "vm_diff.py"), "--binary", binary, corpus("vm")],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, timeout=900)
        if r.returncode != 0:
            raise suitelib.Fail(r.stdout.decode("utf-8", "replace"))
    return test


def main():
    args = suitelib.arg_parser(__doc__).parse_args()
    binary = suitelib.binary_or_exit(args.binary)
    bdir = os.path.dirname(binary)
    tests = []
    for t in TARGETS:
        exe = os.path.join(bdir, "fuzz_" + t)
        if not os.access(exe, os.X_OK):
            sys.exit(f"{exe} is missing: configure {bdir} with -Dfuzz=enabled (clang)")
        tests.append(("fuzz_" + t, fuzz_test(exe, t)))
    tests.append(("vm_diff", vm_diff_test(binary)))
    suitelib.run_tests(tests, args.pattern)


if __name__ == "__main__":
    main()
