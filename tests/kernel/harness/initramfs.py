"""The VM's whole userland, as one uncompressed cpio archive:

    /init                  tests/kernel/init.sh (the bench's PID 1)
    /bin/busybox, /bin/sh  static busybox; init installs the other applets
    /usr/bin/micropython   the binary under test, with the shared libraries
                           and dynamic loader that ldd lists, at their paths
    /usr/bin/gpio*         Debian's libgpiod v1 tools, if the host has them
    /modules/*.ko          our kernel modules and the kernel's own ones
                           loaded at boot (i2c-dev), loaded by init
    /modules/kernel/*.ko   the kernel's own modules tests load (i2c-stub)
    /tests/                tests/kernel/tests/, and LIST: the tests to run
    /examples/             docs/examples/ (tests run the documented examples)
    /etc/passwd, group     root, and `tester` (uid 1000) for permission tests
"""
import io
import os
import re
import shutil
import struct
import subprocess

from .common import BenchError
from .cpio import CpioWriter
from .kernel import INTREE_MODULES

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GPIOD_TOOLS = ["gpiodetect", "gpioinfo", "gpioget", "gpioset", "gpiomon", "gpiofind"]


def _is_static(path):
    """True if the ELF file has no program interpreter (PT_INTERP)."""
    with open(path, "rb") as f:
        head = f.read(64)
        if head[:4] != b"\x7fELF" or head[4] != 2:
            return False
        phoff, = struct.unpack_from("<Q", head, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", head, 0x36)
        f.seek(phoff)
        table = f.read(phentsize * phnum)
    return all(struct.unpack_from("<I", table, i * phentsize)[0] != 3 for i in range(phnum))


def _shared_libs(binary):
    """Absolute paths of the libraries and loader a dynamic binary needs."""
    proc = subprocess.run(["ldd", binary], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=60)
    if proc.returncode != 0:
        if "not a dynamic executable" in proc.stdout:
            return []
        raise BenchError(f"ldd {binary} failed: {proc.stdout.strip()}")
    libs = []
    for line in proc.stdout.splitlines():
        m = re.search(r"(?:=>\s*)?(/\S+)\s+\(0x", line)
        if m:
            libs.append(m.group(1))
        elif "not found" in line:
            raise BenchError(f"{binary} needs a library the host lacks: {line.strip()}")
    return libs


def find_busybox():
    for path in ("/bin/busybox", "/usr/bin/busybox"):
        if os.path.exists(path) and _is_static(path):
            return path
    raise BenchError("a static busybox was not found: apt-get install busybox-static")


class _Tree:
    """The archive being written, creating parent directories on the way."""

    def __init__(self):
        self.buf = io.BytesIO()
        self.cpio = CpioWriter(self.buf)

    def _parents(self, path):
        parts = path.strip("/").split("/")[:-1]
        for i in range(1, len(parts) + 1):
            self.cpio.dir("/".join(parts[:i]))

    def dir(self, path, perm=0o755):
        self._parents(path)
        self.cpio.dir(path, perm)

    def data(self, path, data, perm=0o644):
        self._parents(path)
        self.cpio.file(path, data, perm)

    def copy(self, path, src, perm=None):
        with open(src, "rb") as f:
            data = f.read()
        self.data(path, data, perm if perm is not None else os.stat(src).st_mode & 0o777)

    def program(self, path, src):
        """A host executable and everything ldd says it loads."""
        self.copy(path, src, 0o755)
        for lib in _shared_libs(src):
            self.copy(lib, lib, 0o755)

    def symlink(self, path, target):
        self._parents(path)
        self.cpio.symlink(path, target)


def build_initramfs(binary, modules, intree, tests, timeout, out_path, env=()):
    """Write the archive to out_path. `modules` are our .ko files, `intree`
    maps names of INTREE_MODULES to their .ko. `tests` lists (name, file)
    to run, in order; each may run `timeout` seconds."""
    t = _Tree()
    for d in ("dev", "proc", "sys", "tmp", "root", "sbin", "usr/sbin", "usr/bin", "etc"):
        t.dir(d, 0o1777 if d == "tmp" else 0o755)
    t.cpio.chardev("dev/console", 5, 1)
    t.cpio.chardev("dev/null", 1, 3, 0o666)
    t.copy("init", os.path.join(HERE, "init.sh"), 0o755)
    t.copy("bin/busybox", find_busybox(), 0o755)
    t.symlink("bin/sh", "busybox")
    t.program("usr/bin/micropython", binary)
    for tool in GPIOD_TOOLS:
        path = shutil.which(tool)
        if path:
            t.program(f"usr/bin/{tool}", path)
    for ko in modules:
        t.copy(f"modules/{os.path.basename(ko)}", ko, 0o644)
    for name, ko in sorted(intree.items()):
        t.copy(f"modules/{name}.ko" if INTREE_MODULES[name][1] else f"modules/kernel/{name}.ko", ko, 0o644)
    src = os.path.join(HERE, "tests")
    for root, dirs, files in os.walk(src):
        dirs.sort()
        rel = os.path.relpath(root, src)
        for name in sorted(files):
            dest = "tests/" + (name if rel == "." else f"{rel}/{name}")
            t.copy(dest, os.path.join(root, name), 0o755 if name.endswith(".sh") else 0o644)
    # the documentation's examples, for tests that run them as they are
    examples = os.path.join(os.path.dirname(os.path.dirname(HERE)), "docs", "examples")
    for name in sorted(os.listdir(examples)):
        t.copy(f"examples/{name}", os.path.join(examples, name), 0o644)
    t.data("tests/LIST", "".join(f"{name} {file}\n" for name, file in tests).encode())
    conf = f"TIMEOUT={int(timeout)}\n" + "".join(f"export {name}='{value}'\n" for name, value in env)
    t.data("etc/bench.conf", conf.encode())
    t.data("etc/passwd", b"root:x:0:0:root:/root:/bin/sh\ntester:x:1000:1000:tester:/tmp:/bin/sh\n")
    t.data("etc/group", b"root:x:0:\ntester:x:1000:\n")
    t.cpio.close()
    with open(out_path, "wb") as f:
        f.write(t.buf.getvalue())
