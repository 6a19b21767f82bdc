#!/usr/bin/env python3
"""micropython-lib, MicroPython's package library, run on our binary.

    python3 tests/mplib/suite.py --binary build/micropython [-k PAT]

Uses the copy in ../shared/micropython-lib unchanged (never copied into
the project). For every package outside unix-ffi (which needs a C FFI):

- import:NAME    the package, installed with what its manifest requires
                 into a fresh lib directory (MICROPYPATH), imports;
- test:PATH      each of its test scripts runs from its own directory, as
                 micropython-lib's CI runs them (with the packages that CI
                 installs for every test), and exits 0;
- unittest:DIR   a directory of unittest test modules passes
                 `micropython -m unittest` (discovery), with unittest
                 installed;

and our installer, `micropython -m mip` and `mip.install()`, against an
index of the same packages (tests/mplib/index.py) served over loopback by
an HTTP server in this process (mip:* tests).

Packages that cannot pass here are listed in docs/compat.md, table "Known
failures", with the reason; such a test must still fail (a listed test
that passes fails as stale, so the list stays true). A reason starting
"not run:" skips a test whose outcome is not decided by the interpreter.
"""
import atexit
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
from suitelib import Fail, Skip, arg_parser, binary_or_exit, run_tests, shared  # noqa: E402
import index  # noqa: E402
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


# What micropython-lib's CI (tools/ci.sh) installs for every test run,
# beside the package under test (unix-ffi's ffilib aside).
TEST_LIBS = ["ucontextlib", "fnmatch", "hashlib-core", "hashlib-sha224", "hashlib-sha256", "hashlib-sha384",
             "hashlib-sha512", "shutil", "tempfile", "unittest", "unittest-discover"]


def installed(library, names):
    """A temporary lib directory with the packages (and requirements)."""
    tmp = tempfile.TemporaryDirectory(prefix="px-mplib-")
    seen = set()
    for n in names:
        library.install(n, tmp.name, seen=seen)
    return tmp


def expecting(name, reason, passed, output):
    """Pass or fail a test by its outcome and the known-failures list."""
    if reason is not None and reason.startswith("not run:"):
        raise Skip(reason)
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


def copied(directory, lib):
    """A copy of a test directory inside lib's temporary folder: tests
    write files where they run, and the shared copy stays untouched."""
    dest = os.path.join(lib, "_run", os.path.basename(directory))
    shutil.copytree(directory, dest)
    return dest


def script_test(library, pkg, path, reason):
    def t():
        with installed(library, TEST_LIBS + [pkg.name]) as lib:
            st, out = run([os.path.basename(path)], copied(os.path.dirname(path), lib), lib)
            expecting(path, reason, st == 0, out)
    return t


def unittest_test(library, pkg, directory, reason):
    def t():
        with installed(library, TEST_LIBS + [pkg.name]) as lib:
            st, out = run(["-m", "unittest"], copied(directory, lib), lib)
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


# ---- mip against a local index ------------------------------------------------

class Served:
    """The index, and a self-hosted package beside it, over HTTP on
    127.0.0.1 from a thread of this process; made at first use."""
    _lock = threading.Lock()
    _made = None

    @classmethod
    def get(cls, library):
        with cls._lock:
            if cls._made is None:
                cls._made = cls(library)
            return cls._made

    def __init__(self, library):
        self.dir = tempfile.mkdtemp(prefix="px-mip-index-")
        atexit.register(shutil.rmtree, self.dir, True)
        # "pi" with the source and the .mpy form (made by px-mpy-cross beside
        # the binary), "pi-src" with the source only (as micropython.org is
        # for our .mpy version)
        index.build(library, os.path.join(self.dir, "pi"), mpy_cross())
        index.build(library, os.path.join(self.dir, "pi-src"))
        own = os.path.join(self.dir, "own")
        os.makedirs(os.path.join(own, "pkg", "shpkg"))
        with open(os.path.join(own, "pkg", "shpkg", "__init__.py"), "w") as f:
            f.write("from shpkg.util import twice\nimport hmac\n")
        with open(os.path.join(own, "pkg", "shpkg", "util.py"), "w") as f:
            f.write("def twice(x):\n    return 2 * x\n")
        with open(os.path.join(own, "pkg", "package.json"), "w") as f:
            f.write('{"urls": [["shpkg/__init__.py", "shpkg/__init__.py"], ["shpkg/util.py", "shpkg/util.py"]],'
                    ' "deps": [["hmac", "latest"]], "version": "0.1"}')
        with open(os.path.join(own, "single.py"), "w") as f:
            f.write("VALUE = 42\n")
        handler = functools.partial(_QuietHandler, directory=self.dir)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def mpy_cross():
    """px-mpy-cross of the binary's build."""
    path = os.path.join(os.path.dirname(BIN), "px-mpy-cross")
    if not os.access(path, os.X_OK):
        raise Fail(f"{path} is not built (meson builds it beside micropython)")
    return path


def mip_run(home, args, timeout=TIMEOUT):
    """micropython with HOME=home (so ~/.micropython/lib is home's)."""
    env = dict(os.environ)
    for k in ("MICROPYPATH", "MICROPYINSPECT"):
        env.pop(k, None)
    env["HOME"] = home
    p = subprocess.run([BIN] + args, cwd=home, env=env, capture_output=True, text=True, errors="replace",
                       timeout=timeout, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def mip_expect(home, args, status=0, out_has=(), err_has=()):
    st, out, err = mip_run(home, args)
    if st != status or any(o not in out for o in out_has) or any(e not in err for e in err_has):
        raise Fail(f"micropython {' '.join(args)}: status {st} (want {status})\nstdout: {out}\nstderr: {err}")
    return out


def same_file(a, b):
    with open(a, "rb") as fa, open(b, "rb") as fb:
        if fa.read() != fb.read():
            raise Fail(f"{a} differs from {b}")


def mip_tests(library):
    def home():
        return tempfile.TemporaryDirectory(prefix="px-mip-home-")

    def index_package():
        srv = Served.get(library)
        source = library.get("hmac").files[0][0]
        with home() as h:
            lib = os.path.join(h, ".micropython", "lib")
            # the .mpy form: the file is what px-mpy-cross makes of the source
            out = mip_expect(h, ["-m", "mip", "install", "--index", srv.url + "/pi", "hmac"],
                             out_has=["Installing hmac (latest)", "Copying: hmac.mpy", "Done"])
            made = os.path.join(h, "made.mpy")
            subprocess.run([mpy_cross(), "-s", "hmac.py", "-o", made, source], check=True)
            same_file(os.path.join(lib, "hmac.mpy"), made)
            mip_expect(h, ["-c", "import hmac, sys; print(hmac.__file__ == sys.path[2] + '/hmac.mpy')"],
                       out_has=["True"])
            # again: the file is there with the right hash, nothing is fetched
            out = mip_expect(h, ["-m", "mip", "install", "--index", srv.url + "/pi", "hmac"],
                             out_has=["Exists: hmac.mpy"])
            if "Copying" in out:
                raise Fail("a second install downloaded again:\n" + out)
        with home() as h:
            lib = os.path.join(h, ".micropython", "lib")
            mip_expect(h, ["-m", "mip", "install", "--no-mpy", "--index", srv.url + "/pi", "hmac"],
                       out_has=["Copying: hmac.py", "Done"])
            same_file(os.path.join(lib, "hmac.py"), source)
        with home() as h:
            # an index without our .mpy version: the source form
            out = mip_expect(h, ["-c", f"import mip; mip.install('hmac', index={srv.url + '/pi-src'!r})"],
                             out_has=["No .mpy form (version ", "Copying: hmac.py", "Done"])
            same_file(os.path.join(h, ".micropython", "lib", "hmac.py"), source)

    def requirements_and_version():
        srv = Served.get(library)
        version = library.get("os-path").metadata["version"]
        with home() as h:
            lib = os.path.join(h, ".micropython", "lib")
            mip_expect(h, ["-m", "mip", "install", "--index", srv.url + "/pi", f"os-path@{version}"],
                       out_has=[f"Installing os-path ({version})", "Copying: os/__init__.mpy", "Copying: os/path.mpy"])
            mip_expect(h, ["-c", "import os.path; print(os.path.join('a', 'b'), os.path.basename('/x/y.py'))"],
                       out_has=["a/b y.py"])
            if not os.path.isfile(os.path.join(lib, "os", "__init__.mpy")):
                raise Fail("the requirement os was not installed")
            mip_expect(h, ["-m", "mip", "install", "--index", srv.url + "/pi", "os-path@0.0.0"], status=1,
                       err_has=["package not found", "os-path/0.0.0.json"])
            mip_expect(h, ["-m", "mip", "install", "--index", srv.url + "/pi", "no-such-package-x"], status=1,
                       err_has=["package not found"])

    def self_hosted_and_target():
        srv = Served.get(library)
        with home() as h:
            target = os.path.join(h, "third-party")
            mip_expect(h, ["-m", "mip", "install", "--index", srv.url + "/pi", "--target", target,
                           srv.url + "/own/pkg/"],
                       out_has=["Copying: shpkg/__init__.py", "Copying: shpkg/util.py", "Copying: hmac.mpy"])
            mip_expect(h, ["-c", f"import sys; sys.path.append({target!r}); import shpkg; print(shpkg.twice(21))"],
                       out_has=["42"])
            # from Python, a single file by URL
            code = f"import mip; mip.install({srv.url + '/own/single.py'!r}, target={target!r})"
            mip_expect(h, ["-c", code], out_has=["Done"])
            same_file(os.path.join(target, "single.py"), os.path.join(srv.dir, "own", "single.py"))
            leftovers = [n for _, _, names in os.walk(target) for n in names if n.endswith(".mip-part")]
            if leftovers:
                raise Fail(f"temporary files left: {leftovers}")

    def errors():
        with home() as h:
            # nothing listens on port 9 of loopback (discard is not run here)
            mip_expect(h, ["-m", "mip", "install", "--index", "http://127.0.0.1:9/pi", "hmac"], status=1,
                       err_has=["mip: cannot install hmac", "127.0.0.1"])
            mip_expect(h, ["-m", "mip", "install", "--bogus", "hmac"], status=2, err_has=["unknown option --bogus"])
            mip_expect(h, ["-m", "mip"], status=2, err_has=["usage: micropython -m mip install"])
            mip_expect(h, ["-m", "mip", "install", "--index", "ftp://example/pi", "hmac"], status=1,
                       err_has=["unsupported URL"])
            mip_expect(h, ["-c", "import mip; mip.install('github:onlyorg')"], status=1,
                       err_has=["must be github:org/repo"])

    return [("mip:index_package", index_package), ("mip:requirements_and_version", requirements_and_version),
            ("mip:self_hosted_and_target", self_hosted_and_target), ("mip:errors", errors)]


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
    tests += mip_tests(library)
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
