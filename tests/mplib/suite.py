#!/usr/bin/env python3
"""micropython-lib, MicroPython's package library, run on our binary.

    python3 tests/mplib/suite.py --binary build/micropython [-k PAT]

Uses the copy in ../shared/micropython-lib unchanged (never copied into
the project). For every package outside unix-ffi (which needs a C FFI):

- import:NAME    the package, installed with what its manifest requires
                 into a fresh lib directory (MICROPYPATH), imports;
- test:PATH      each of its test scripts runs from its own directory, as
                 micropython-lib's CI runs them, and exits 0;
- unittest:DIR   a directory of unittest test modules passes
                 `micropython -m unittest` (discovery), with unittest
                 installed.

Packages that cannot pass here are listed in docs/compat.md, table "Known
failures", with the reason; such a test must still fail (a listed test
that passes fails as stale, so the list stays true).
"""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
from suitelib import Fail, arg_parser, binary_or_exit, run_tests, shared  # noqa: E402
import manifest  # noqa: E402

MPLIB = shared("micropython-lib")
COMPAT = os.path.join(ROOT, "docs", "compat.md")
BIN = None
TIMEOUT = 60


def known_failures():
    """docs/compat.md's "Known failures" table: test name -> reason."""
    out = {}
    with open(COMPAT, encoding="utf-8") as f:
        text = f.read()
    section = text.split("## Known failures", 1)[1].split("\n## ", 1)[0]
    for line in section.splitlines():
        m = re.match(r"\|\s*`([^`]+)`\s*\|(.*)\|\s*$", line)
        if m:
            out[m.group(1)] = m.group(2).strip()
    return out


def run(args, cwd, lib):
    env = dict(os.environ)
    env.pop("MICROPYINSPECT", None)
    env["MICROPYPATH"] = lib
    env["HOME"] = lib  # nothing from the user's ~/.micropython
    p = subprocess.run([BIN] + args, cwd=cwd, env=env, capture_output=True, text=True, errors="replace",
                       timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout + p.stderr


def installed(library, names):
    """A temporary lib directory with the packages (and requirements)."""
    tmp = tempfile.TemporaryDirectory(prefix="px-mplib-")
    seen = set()
    for n in names:
        library.install(n, tmp.name, seen=seen)
    return tmp


def expecting(name, reason, passed, output):
    """Pass or fail a test by its outcome and the known-failures list."""
    if reason is None and not passed:
        raise Fail(output[-3000:])
    if reason is not None and passed:
        raise Fail(f"listed in docs/compat.md as failing ({reason}) but passes: remove it from the list")


def import_test(library, pkg, reason):
    def t():
        with installed(library, [pkg.name]) as lib:
            code = "\n".join(f"import {m}" for m in pkg.modules())
            st, out = run(["-c", code], lib, lib)
            expecting(f"import:{pkg.name}", reason, st == 0, out)
    return t


def script_test(library, pkg, path, reason):
    def t():
        with installed(library, [pkg.name]) as lib:
            st, out = run([os.path.basename(path)], os.path.dirname(path), lib)
            expecting(path, reason, st == 0, out)
    return t


def unittest_test(library, pkg, directory, reason):
    def t():
        with installed(library, [pkg.name, "unittest", "unittest-discover"]) as lib:
            st, out = run(["-m", "unittest"], directory, lib)
            # unittest ends with "OK" or "FAILED (...)"; a discovery that
            # found nothing runs 0 tests and proves nothing
            ran = re.search(r"^Ran (\d+) tests?", out, re.M)
            good = st == 0 and ran is not None and int(ran.group(1)) > 0 and re.search(r"^OK", out, re.M)
            expecting(directory, reason, bool(good), out)
    return t


def owner(library, path):
    """The package whose manifest is nearest above path."""
    d = os.path.dirname(path)
    while d.startswith(MPLIB) and d != MPLIB:
        if os.path.isfile(os.path.join(d, "manifest.py")):
            return library.get(os.path.basename(d), "unix-ffi" in os.path.relpath(d, MPLIB).split(os.sep)[:1])
        d = os.path.dirname(d)
    return None


def collect(library, known):
    tests = []
    used = set()

    def reason_for(name):
        used.add(name)
        return known.get(name)

    for name in library.names():
        pkg = library.get(name)
        if pkg.modules():
            tests.append((f"import:{name}", import_test(library, pkg, reason_for(f"import:{name}"))))
    files = []
    for d in manifest.LIBRARY_DIRS:
        for dirpath, _, names in os.walk(os.path.join(MPLIB, d)):
            files += [os.path.join(dirpath, n) for n in names if re.match(r"test_.*\.py$", n)]
    unittest_dirs = set()
    for path in sorted(files):
        pkg = owner(library, path)
        if pkg is None:
            continue
        with open(path, encoding="utf-8") as f:
            uses_unittest = "unittest" in f.read()
        rel = os.path.relpath(path, MPLIB)
        if uses_unittest:
            top = os.path.dirname(path)
            # discovery runs from the package's test directory (a `tests`
            # folder's parent would import it as a package)
            unittest_dirs.add((top, pkg.name))
        else:
            tests.append((f"test:{rel}", script_test(library, pkg, path, reason_for(f"test:{rel}"))))
    for top, name in sorted(unittest_dirs):
        rel = os.path.relpath(top, MPLIB)
        if any(top.startswith(o + os.sep) for o, _ in unittest_dirs):
            continue  # a sub-folder: discovery from its parent finds it
        tests.append((f"unittest:{rel}", unittest_test(library, library.get(name), top, reason_for(f"unittest:{rel}"))))
    stale = sorted(set(known) - used)
    if stale:
        def t():
            raise Fail("docs/compat.md lists tests that do not exist: " + ", ".join(stale))
        tests.append(("compat_list", t))
    return tests


def main():
    global BIN
    ap = arg_parser(__doc__)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    BIN = binary_or_exit(args.binary)
    if MPLIB is None:
        print("skip mplib: micropython-lib is not in a shared/ beside the tree")
        return
    library = manifest.Library(MPLIB)
    run_tests(collect(library, known_failures()), args.pattern, args.jobs)


if __name__ == "__main__":
    main()
