"""The package and the installation: packaging/build-deb and lintian, what
the .deb holds, the static musl build, and `meson install` into a prefix.
Each test is a function taking a State (the binary, and the .deb once
built)."""
import glob
import json
import os
import re
import subprocess
import tempfile

from harness.initramfs import _is_static
from suitelib import Fail, Skip

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TESTS = []


def test(f):
    TESTS.append(f)
    return f


class State:
    def __init__(self, binary):
        self.binary = binary
        self.deb = None  # the micropython-px .deb, once deb_build passed


def sh(cmd, timeout, **kw):
    """(status, output) of a command; a missing program fails the test."""
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
                           stdin=subprocess.DEVNULL, **kw)
    except FileNotFoundError:
        raise Fail(f"{cmd[0]} not found")
    return p.returncode, p.stdout


def has_symtab(path):
    st, out = sh(["readelf", "-S", "-W", path], 60)
    if st != 0:
        raise Fail(f"readelf -S {path}: {out}")
    return ".symtab" in out


@test
def deb_build(state):
    """packaging/build-deb makes the .deb files in build-deb/."""
    st, out = sh([os.path.join(ROOT, "packaging", "build-deb")], 900, cwd=ROOT)
    if st != 0:
        raise Fail(f"packaging/build-deb failed ({st}):\n{out[-4000:]}")
    debs = glob.glob(os.path.join(ROOT, "build-deb", "micropython-px_*.deb"))
    if len(debs) != 1:
        raise Fail(f"expected one micropython-px .deb, found {debs}; output:\n{out}")
    state.deb = debs[0]


@test
def deb_lintian(state):
    """lintian finds no error and no warning in the package."""
    if not state.deb:
        raise Fail("no .deb (deb_build failed)")
    changes = glob.glob(os.path.join(ROOT, "build-deb", "*.changes"))
    st, out = sh(["lintian", "--fail-on", "error,warning"] + changes, 600)
    bad = [l for l in out.splitlines() if re.match(r"[EW]: ", l)]
    if st != 0 or bad:
        raise Fail(f"lintian (status {st}):\n{out}")


@test
def deb_contents(state):
    """The package holds the binary (stripped; symbols in -dbgsym), man
    page, unit, udev rules, sysusers file and docs, in the system's
    directories (pkg-config); its relations to Debian's micropython; its
    postinst creates the groups."""
    if not state.deb:
        raise Fail("no .deb (deb_build failed)")
    st, listing = sh(["dpkg-deb", "-c", state.deb], 60)
    files = {l.split()[-1].lstrip(".") for l in listing.splitlines()}
    want = ["/usr/bin/micropython", "/usr/share/man/man1/micropython.1.gz", "/lib/systemd/system/micropython@.service",
            "/lib/udev/rules.d/60-micropython.rules", "/usr/lib/sysusers.d/micropython.conf",
            "/usr/share/doc/micropython-px/services.md", "/usr/share/doc/micropython-px/copyright",
            "/usr/lib/micropython/", "/etc/micropython/"]
    missing = [w for w in want if w not in files]
    if missing:
        raise Fail(f"missing {missing}; the package has:\n{listing}")
    st, fields = sh(["dpkg-deb", "-f", state.deb, "Package", "Conflicts", "Replaces", "Provides"], 60)
    if fields.split("\n")[:4] != ["Package: micropython-px", "Conflicts: micropython", "Replaces: micropython",
                                  "Provides: micropython"]:
        raise Fail(f"control fields:\n{fields}")
    with tempfile.TemporaryDirectory(prefix="px-deb-") as d:
        sh(["dpkg-deb", "-x", state.deb, d], 60)
        sh(["dpkg-deb", "-e", state.deb, os.path.join(d, "DEBIAN")], 60)
        if has_symtab(os.path.join(d, "usr/bin/micropython")):
            raise Fail("the packaged binary is not stripped")
        with open(os.path.join(d, "DEBIAN", "postinst")) as f:
            post = f.read()
        if "systemd-sysusers" not in post or "micropython.conf" not in post:
            raise Fail(f"postinst does not create the groups:\n{post}")
        with open(os.path.join(d, "lib/systemd/system/micropython@.service")) as f:
            unit = f.read()
        if "ExecStart=/usr/bin/micropython /etc/micropython/%i.py" not in unit:
            raise Fail(f"unit:\n{unit}")
        for doc in re.findall(r"file://(/\S+)", unit):
            if not os.path.isfile(d + doc):
                raise Fail(f"the unit's Documentation= names {doc}, which the package lacks")


@test
def static_musl(state):
    """packaging/build-static: a static musl binary that runs, without
    OpenSSL (no ssl module); its size."""
    out_dir = os.path.join(ROOT, "build-static")
    st, out = sh([os.path.join(ROOT, "packaging", "build-static"), out_dir], 900, cwd=ROOT)
    if st != 0:
        raise Fail(f"packaging/build-static failed ({st}):\n{out[-4000:]}")
    exe = os.path.join(out_dir, "micropython")
    if not _is_static(exe):
        raise Fail(f"{exe} has a program interpreter: not static")
    st, got = sh([exe, "-c", "import machine, systemd, select; print(sum(range(10)))"], 30)
    if (st, got) != (0, "45\n"):
        raise Fail(f"the static binary: status {st}, {got!r}")
    st, got = sh([exe, "-c", "import ssl"], 30)
    if st == 0 or "No module named 'ssl'" not in got:
        raise Fail(f"the static binary has ssl (it must link no OpenSSL): status {st}, {got!r}")
    print(f"static musl binary: {os.path.getsize(exe)} bytes, stripped", flush=True)


@test
def meson_install(state):
    """`meson install` into a prefix: everything under it (nothing
    elsewhere), the binary stripped, the unit naming the prefix's paths,
    and the default sys.path directories there."""
    bdir = os.path.dirname(state.binary)
    if not os.path.exists(os.path.join(bdir, "build.ninja")):
        raise Skip(f"{bdir} is not a meson build directory")
    with tempfile.TemporaryDirectory(prefix="px-install-") as dest:
        env = dict(os.environ, DESTDIR=dest)
        st, out = sh(["meson", "install", "-C", bdir, "--no-rebuild", "--quiet"], 300, env=env)
        if st != 0:
            raise Fail(f"meson install failed ({st}):\n{out}")
        with open(os.path.join(bdir, "meson-info", "intro-buildoptions.json"), encoding="utf-8") as f:
            prefix = next(o["value"] for o in json.load(f) if o["name"] == "prefix")
        root = dest + prefix
        outside = []
        for d, dirs, names in os.walk(dest):
            for n in dirs + names:
                p = os.path.join(d, n)
                if not (p + "/").startswith(root + "/") and not (root + "/").startswith(p + "/"):
                    outside.append(p[len(dest):])
        if outside:
            raise Fail(f"installed outside the prefix {prefix}: {outside}")
        want = ["bin/micropython", "share/man/man1/micropython.1", "lib/systemd/system/micropython@.service",
                "lib/udev/rules.d/60-micropython.rules", "lib/sysusers.d/micropython.conf",
                "share/doc/micropython-px/services.md", "lib/micropython", "etc/micropython"]
        missing = [w for w in want if not os.path.exists(os.path.join(root, w))]
        if missing:
            raise Fail(f"not installed under {prefix}: {missing}")
        if has_symtab(os.path.join(root, "bin/micropython")):
            raise Fail("the installed binary is not stripped (meson's strip option)")
        with open(os.path.join(root, "lib/systemd/system/micropython@.service")) as f:
            unit = f.read()
        if f"ExecStart={prefix}/bin/micropython {prefix}/etc/micropython/%i.py" not in unit:
            raise Fail(f"unit's ExecStart does not name {prefix}:\n{unit}")
