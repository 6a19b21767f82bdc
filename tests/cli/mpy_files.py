"""Precompiled .mpy files (docs/mpy.md), for tests/cli/suite.py: the
px-mpy-cross tool beside the binary, import of .mpy files (order, packages,
-m, tracebacks), and files that are damaged, truncated or of another
version, which must be a ValueError and never a crash.

tests(binary) gives the (name, callable) pairs; each raises suitelib.Fail.
"""
import hashlib
import os
import re
import shutil
import subprocess
import tempfile

from suitelib import Fail

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = None
CROSS = None

# The opcode list (bytecode.h's PX_OPCODES: names and operand kinds) each
# .mpy version was made for. A bytecode change needs a new PX_MPY_VERSION
# (src/compiler/mpy.h) and its line here.
OPCODE_FINGERPRINTS = {80: "7675fd4104768662"}


def _run(cmd, cwd=None, env_path=None, timeout=20):
    env = dict(os.environ)
    env.pop("MICROPYPATH", None)
    env.pop("MICROPYINSPECT", None)
    env["HOME"] = cwd or tempfile.gettempdir()  # nothing from ~/.micropython
    if env_path is not None:
        env["MICROPYPATH"] = env_path
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, errors="replace", timeout=timeout,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def _expect(got, want, what):
    if got != want:
        raise Fail(f"{what}: expected {want!r}, got {got!r}")


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def _cross(*args, cwd=None, status=0):
    if "-o" in args:  # like mpy-cross, the tool writes into an existing directory
        os.makedirs(os.path.dirname(os.path.join(cwd or ".", args[args.index("-o") + 1])), exist_ok=True)
    st, out, err = _run([CROSS] + list(args), cwd=cwd)
    if st != status:
        raise Fail(f"px-mpy-cross {' '.join(args)}: status {st}, expected {status}\nstdout {out!r}\nstderr {err!r}")
    return out, err


class _Dir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="px-mpy-")
        return self.path

    def __exit__(self, *a):
        shutil.rmtree(self.path, ignore_errors=True)


# A module using every kind of constant and code object the compiler makes.
SAMPLE = '''\
import sys
BIG = 12345678901234567890123
NEG = -(2 ** 40)
F = 1.25e-3
C = 2 - 3j
T = (1, "two", b"three", None, True, ..., (4.5,))
S = frozenset({1, 2})


def gen(n):
    for i in range(n):
        yield i * i


def closure(k):
    def inner(x, *, scale=2):
        return (x + k) * scale
    return inner


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y:>3})"


async def agen():
    return "async"


def run():
    try:
        {}["missing"]
    except KeyError as e:
        caught = repr(e)
    finally:
        done = "finally"
    with open(__file__ if "__file__" in globals() else sys.argv[0], "rb") as f:
        head = len(f.read(1))
    co = agen()
    try:
        co.send(None)
    except StopIteration as e:
        aval = e.value
    print(BIG, NEG, F, C, T, 2 in S, list(gen(4)), closure(3)(1, scale=5))
    print(Point(1, 2), caught, done, head, aval, [x for x in "ab"], {k: v for k, v in [(1, 2)]})
    print(sorted(globals().keys() - {"__file__"}))


run()
'''


def round_trip():
    with _Dir() as d:
        _write(os.path.join(d, "src", "sample.py"), SAMPLE)
        _cross("-o", os.path.join(d, "lib", "sample.mpy"), "src/sample.py", cwd=d)
        want = _run([BIN, "-c", "import sample"], cwd=d, env_path=os.path.join(d, "src"))
        got = _run([BIN, "-c", "import sample"], cwd=d, env_path=os.path.join(d, "lib"))
        _expect(got, want, "import sample.mpy against sample.py")
        if want[0] != 0 or "12345678901234567890123" not in want[1]:
            raise Fail(f"the sample itself failed: {want}")
        # one format: marshal.dumps of the same code is the same file
        with open(os.path.join(d, "lib", "sample.mpy"), "rb") as f:
            data = f.read()
        p = subprocess.run([BIN, "-c", "import marshal, sys\n"
                                       "src = open('src/sample.py').read()\n"
                                       "sys.stdout.buffer.write(marshal.dumps(compile(src, 'src/sample.py', 'exec')))"],
                           cwd=d, capture_output=True)
        _expect(p.stdout == data, True, "marshal.dumps(compile(...)) equals px-mpy-cross's file")
        # the header: 'M', our version (sys.implementation._mpy), no native code
        st, out, _ = _run([BIN, "-c", "import sys; print(sys.implementation._mpy)"])
        _expect((data[0:1], data[1], data[2]), (b"M", int(out) & 0xFF, int(out) >> 8 & 3), "header")
        if data[1] <= 6:
            raise Fail(f"version {data[1]} is one of MicroPython's")


def tool_options():
    with _Dir() as d:
        _write(os.path.join(d, "m.py"), "assert False, 'kept'\nprint('after')\n")
        out, _ = _cross("--version")
        st, v, _ = _run([BIN, "-c", "import sys; print(sys.implementation._mpy & 255)"])
        if not re.fullmatch(r"MicroPython v\S+ \(px\); px-mpy-cross emitting mpy v%s\.0\n" % v.strip(), out):
            raise Fail(f"--version: {out!r}")
        _cross("m.py", cwd=d)  # default output: m.mpy beside it
        _expect(_run([BIN, "-c", "import m"], cwd=d, env_path=d)[2].splitlines()[-1],
                "AssertionError: kept", "without -O")
        _, err = _cross("-O", "-march=armv7m", "-X", "emit=bytecode", "m.py", cwd=d)
        if "-march=armv7m ignored" not in err:
            raise Fail(f"-march: {err!r}")
        os.rename(os.path.join(d, "m.py"), os.path.join(d, "m.txt"))
        _expect(_run([BIN, "-c", "import m"], cwd=d, env_path=d), (0, "after\n", ""), "-O drops asserts")
        _cross("-X", "emit=native", "m.txt", cwd=d, status=2)
        _cross("--bogus", "m.txt", cwd=d, status=2)
        _cross(cwd=d, status=2)
        _, err = _cross("nothere.py", cwd=d, status=1)
        if "No such file or directory" not in err or "nothere.py" not in err:
            raise Fail(f"missing input: {err!r}")
        _write(os.path.join(d, "bad.py"), "x = 1\ndef f(:\n")
        _, err = _cross("bad.py", cwd=d, status=1)
        if "SyntaxError" not in err or '"bad.py", line 2' not in err:
            raise Fail(f"syntax error: {err!r}")
        _expect(os.path.exists(os.path.join(d, "bad.mpy")), False, "no file after a syntax error")


def import_order():
    with _Dir() as d:
        a, b = os.path.join(d, "a"), os.path.join(d, "b")
        _write(os.path.join(d, "src", "both.py"), "print('both.mpy')\n")
        _write(os.path.join(d, "src", "later.py"), "print('later.mpy in a')\n")
        _write(os.path.join(d, "src", "pkg", "__init__.py"), "print('pkg/__init__.mpy')\n")
        _write(os.path.join(d, "src", "pkg", "sub.py"), "print('pkg/sub.mpy', __name__, __package__)\n")
        _write(os.path.join(d, "src", "runme.py"), "print('runme', __name__)\n")
        _cross("-o", os.path.join(a, "both.mpy"), "src/both.py", cwd=d)
        _cross("-o", os.path.join(a, "later.mpy"), "src/later.py", cwd=d)
        _cross("-o", os.path.join(a, "pkg", "__init__.mpy"), "src/pkg/__init__.py", cwd=d)
        _cross("-o", os.path.join(a, "pkg", "sub.mpy"), "src/pkg/sub.py", cwd=d)
        _cross("-o", os.path.join(a, "runme.mpy"), "src/runme.py", cwd=d)
        _write(os.path.join(a, "both.py"), "print('both.py')\n")
        _write(os.path.join(b, "later.py"), "print('later.py in b')\n")
        path = a + ":" + b
        # in one directory foo.py comes before foo.mpy; directories in sys.path order
        _expect(_run([BIN, "-c", "import both, later, pkg.sub; print(pkg.sub.__file__.endswith('/a/pkg/sub.mpy'))"], cwd=d,
                     env_path=path),
                (0, "both.py\nlater.mpy in a\npkg/__init__.mpy\npkg/sub.mpy pkg.sub pkg\nTrue\n", ""),
                "import order")
        _expect(_run([BIN, "-m", "runme"], cwd=d, env_path=path), (0, "runme __main__\n", ""), "-m with a .mpy")
        _expect(_run([BIN, os.path.join(a, "runme.mpy")], cwd=d), (0, "runme __main__\n", ""), "running a .mpy")


def tracebacks():
    with _Dir() as d:
        _write(os.path.join(d, "lib", "boom.py"), "def f(x):\n    return g(x)\n\n\ndef g(x):\n    return 1 // x\n")
        _cross("-s", "lib/boom.py", "-o", os.path.join(d, "boom.mpy"), "lib/boom.py", cwd=d)
        os.remove(os.path.join(d, "lib", "boom.py"))
        st, out, err = _run([BIN, "-c", "import boom\nboom.f(0)"], cwd=d, env_path=d)
        _expect((st, err), (1, 'Traceback (most recent call last):\n  File "<string>", line 2, in <module>\n'
                               '  File "lib/boom.py", line 2, in f\n  File "lib/boom.py", line 6, in g\n'
                               'ZeroDivisionError: integer division or modulo by zero\n'), "traceback")


# Runs inside micropython: every truncation and every flipped byte of a good
# .mpy is refused on import with ValueError; made-up files that pass the
# checksum (sealed) go to marshal.loads, whose checks must refuse or load
# them, never crash. Prints a summary line.
DAMAGE = '''\
import marshal, os, sys
good = open("good.mpy", "rb").read()


def fnv(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def try_import(data):
    with open("dmg.mpy", "wb") as f:
        f.write(data)
    sys.modules.pop("dmg", None)
    try:
        import dmg
        return "imported"
    except ValueError as e:
        return str(e).split(" (")[0].split(": ")[-1]


kinds = set()
for n in range(len(good)):
    kinds.add(try_import(good[:n]))
for i in range(len(good)):
    kinds.add(try_import(good[:i] + bytes([good[i] ^ 0x41]) + good[i + 1:]))
print(sorted(kinds))
loaded = refused = 0
body = good[:-4]
for i in range(4, len(body)):
    for v in (0, 1, 2, 0x7F, 0x80, 0xFF):
        b = body[:i] + bytes([v]) + body[i + 1:]
        try:
            marshal.loads(b + fnv(b).to_bytes(4, "little"))
            loaded += 1
        except ValueError:
            refused += 1
print(loaded + refused == (len(body) - 4) * 6, refused > loaded)
'''


def damaged_files():
    with _Dir() as d:
        _write(os.path.join(d, "src.py"), SAMPLE)
        _cross("-o", "good.mpy", "src.py", cwd=d)
        _write(os.path.join(d, "damage.py"), DAMAGE)
        st, out, err = _run([BIN, "damage.py"], cwd=d, env_path=d, timeout=120)
        _expect((st, out, err), (0, "['bad .mpy data', 'incompatible .mpy file']\nTrue True\n", ""), "damaged files")


def other_versions():
    with _Dir() as d:
        _write(os.path.join(d, "src.py"), "print('hi')\n")
        _cross("-o", "ours.mpy", "src.py", cwd=d)
        with open(os.path.join(d, "ours.mpy"), "rb") as f:
            ours = f.read()
        # MicroPython's own header (v6.3, 31-bit small ints) and an older one of ours
        for name, data in (("theirs", b"M\x06\x03\x1f" + ours[4:]), ("older", b"M\x4f" + ours[2:])):
            with open(os.path.join(d, name + ".mpy"), "wb") as f:
                f.write(data)
            st, out, err = _run([BIN, "-c", f"import {name}"], cwd=d, env_path=d)
            last = err.splitlines()[-1] if err else ""
            if st != 1 or not last.startswith(f"ValueError: incompatible .mpy file ('{name}.mpy': version "):
                raise Fail(f"{name}: status {st}, stderr {err!r}")
            # -X compile-only loads and checks a .mpy without running it
            st, out, err = _run([BIN, "-X", "compile-only", f"{name}.mpy"], cwd=d)
            if st != 1 or "ValueError: incompatible .mpy file" not in err:
                raise Fail(f"-X compile-only {name}.mpy: status {st}, stderr {err!r}")
        _expect(_run([BIN, "-X", "compile-only", "ours.mpy"], cwd=d), (0, "", ""), "-X compile-only ours.mpy")
        with open(os.path.join(d, "native.mpy"), "wb") as f:
            f.write(ours[:2] + bytes([ours[2] | 4 << 2]) + ours[3:])
        st, out, err = _run([BIN, "-c", "import native"], cwd=d, env_path=d)
        if "ValueError: incompatible .mpy arch" not in err:
            raise Fail(f"native code: {err!r}")


def version_guard():
    with open(os.path.join(ROOT, "src", "compiler", "bytecode.h"), encoding="utf-8") as f:
        text = f.read()
    block = text[text.index("#define PX_OPCODES(X)"):text.index("typedef enum")]
    ops = re.findall(r"\bX\((\w+),\s*(\w+)\)", block)
    fp = hashlib.sha256(" ".join(f"{a}:{b}" for a, b in ops).encode()).hexdigest()[:16]
    with open(os.path.join(ROOT, "src", "compiler", "mpy.h"), encoding="utf-8") as f:
        version = int(re.search(r"#define PX_MPY_VERSION (\d+)", f.read()).group(1))
    if OPCODE_FINGERPRINTS.get(version) != fp:
        raise Fail(f"the opcode list (fingerprint {fp}) is not the one .mpy version {version} was made for "
                   f"({OPCODE_FINGERPRINTS.get(version)}): raise PX_MPY_VERSION in src/compiler/mpy.h and add "
                   f"{{NEW: {fp!r}}} to OPCODE_FINGERPRINTS in tests/cli/mpy_files.py")


def tests(binary):
    global BIN, CROSS
    BIN = binary
    CROSS = os.path.join(os.path.dirname(binary), "px-mpy-cross")
    found = os.access(CROSS, os.X_OK)
    out = [("mpy_version_guard", version_guard)]
    for t in (round_trip, tool_options, import_order, tracebacks, damaged_files, other_versions):
        out.append(("mpy_" + t.__name__, t if found else _missing))
    return out


def _missing():
    raise Fail(f"{CROSS} is not built (meson builds it beside micropython)")
