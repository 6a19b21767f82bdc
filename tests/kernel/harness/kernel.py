"""Debian's kernel image and matching headers, unpacked into the cache.

The packages are fetched with `apt-get download` and unpacked with
`dpkg-deb`, not installed: nothing on the host changes and no root is
needed. The version is the one Debian's `linux-image-amd64` currently
depends on (6.1.0-N-amd64); set PX_KERNEL_RELEASE=6.1.0-N-amd64 to pin one
that is already in the cache, e.g. offline.

Layout under the cache:
    kernel-RELEASE/vmlinuz                           the kernel to boot
    kernel-RELEASE/intree/NAME.ko                    the kernel's own modules we use
    kernel-RELEASE/root/usr/src/linux-headers-...    headers for module builds
    kernel-RELEASE/root/usr/lib/linux-kbuild-X.Y     kbuild tools they link to
"""
import glob
import os
import re
import shutil
import subprocess
import tempfile

from .common import BenchError, cache_dir, publish, run_tool, scratch_dir

# Modules of Debian's kernel itself that the tests use: name -> (path under
# /lib/modules/RELEASE/ in linux-image-RELEASE, loaded at boot). The others
# are loaded by the tests that need them, with their parameters.
INTREE_MODULES = {
    "i2c-dev": ("kernel/drivers/i2c/i2c-dev.ko", True),
    "i2c-stub": ("kernel/drivers/i2c/i2c-stub.ko", False),
    "industrialio": ("kernel/drivers/iio/industrialio.ko", True),  # px_iio_sim needs it
    "watchdog": ("kernel/drivers/watchdog/watchdog.ko", True),  # the watchdog core
    "softdog": ("kernel/drivers/watchdog/softdog.ko", False),
}


class Kernel:
    def __init__(self, release, root):
        self.release = release  # e.g. 6.1.0-56-amd64
        self.root = root  # kernel-RELEASE directory in the cache
        self.vmlinuz = os.path.join(root, "vmlinuz")
        self.headers = os.path.join(root, "root", "usr", "src", f"linux-headers-{release}")
        self.intree = os.path.join(root, "intree")


def _candidate():
    """(release, version) of the kernel linux-image-amd64 depends on now, or None."""
    try:
        out = subprocess.run(["apt-cache", "show", "--no-all-versions", "linux-image-amd64"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r"^Depends:.*?linux-image-(\S+-amd64) \(= ([^)\s]+)\)", out, re.M)
    return (m.group(1), m.group(2)) if m else None


def _cached():
    """Releases already unpacked in the cache, newest (by ABI number) first."""
    found = []
    for d in glob.glob(os.path.join(cache_dir(), "kernel-*")):
        if os.path.exists(os.path.join(d, "vmlinuz")):
            rel = os.path.basename(d)[len("kernel-"):]
            m = re.match(r"(\d+)\.(\d+)\.(\d+)-(\d+)-", rel)
            found.append((tuple(int(x) for x in m.groups()) if m else (0,), rel))
    return [rel for _, rel in sorted(found, reverse=True)]


def _unpack(release, version, dest):
    """Download the four packages of one kernel version and unpack what we need."""
    stem = release[: -len("-amd64")]  # 6.1.0-56
    series = ".".join(stem.split(".")[:2])  # 6.1
    pkgs = [f"linux-image-{release}", f"linux-headers-{release}", f"linux-headers-{stem}-common",
            f"linux-kbuild-{series}"]
    with tempfile.TemporaryDirectory(dir=cache_dir(), prefix=".download-") as tmp:
        run_tool(["apt-get", "download"] + [f"{p}={version}" for p in pkgs], 600,
                 "downloading the kernel packages (apt-get download)", cwd=tmp)
        debs = {p: glob.glob(os.path.join(tmp, f"{p}_*.deb")) for p in pkgs}
        for p, found in debs.items():
            if len(found) != 1:
                raise BenchError(f"apt-get download did not produce {p}_*.deb")
        part = scratch_dir(".unpack-")
        try:
            _extract(release, pkgs, debs, part, dest)
        except BaseException:
            shutil.rmtree(part, ignore_errors=True)
            raise
    publish(part, dest)


def _extract(release, pkgs, debs, part, dest):
    """Unpack the headers and the kernel into `part`, which will become `dest`."""
    os.makedirs(os.path.join(part, "root"))
    for p in pkgs[1:]:
        run_tool(["dpkg-deb", "-x", debs[p][0], os.path.join(part, "root")], 300, f"unpacking {p}")
    # The image package is mostly modules we do not need: take the kernel
    # and the few modules of INTREE_MODULES.
    with open(os.path.join(part, "vmlinuz"), "wb") as out:
        _untar(debs[pkgs[0]][0], ["-xOf", "-", f"./boot/vmlinuz-{release}"], out)
    _extract_intree(debs[pkgs[0]][0], release, os.path.join(part, "intree"))
    # The arch headers' Makefile includes the common one by its absolute
    # /usr/src path; point it into the cache instead.
    stem = release[: -len("-amd64")]
    hdr = os.path.join(part, "root", "usr", "src", f"linux-headers-{release}", "Makefile")
    with open(hdr) as f:
        text = f.read()
    common = os.path.join(dest, "root", "usr", "src", f"linux-headers-{stem}-common")
    text = re.sub(r"^include /usr/src/\S+/Makefile$", f"include {common}/Makefile", text, flags=re.M)
    with open(hdr, "w") as f:
        f.write(text)


def _untar(deb, tar_args, stdout=None, cwd=None):
    """Run tar with tar_args on the file system tree of a .deb."""
    tar = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", deb], stdout=subprocess.PIPE)
    x = subprocess.run(["tar"] + tar_args, stdin=tar.stdout, stdout=stdout, stderr=subprocess.PIPE,
                       timeout=300, cwd=cwd)
    tar.stdout.close()
    tar.wait(timeout=60)
    if x.returncode != 0 or tar.returncode != 0:
        raise BenchError(f"could not extract {' '.join(tar_args[2:])} from {os.path.basename(deb)}: "
                         f"{x.stderr.decode(errors='replace')}")


def _extract_intree(deb, release, dest):
    """INTREE_MODULES from linux-image-RELEASE's .deb into dest/NAME.ko."""
    paths = [f"./lib/modules/{release}/{p}" for p, _ in INTREE_MODULES.values()]
    with tempfile.TemporaryDirectory(dir=cache_dir(), prefix=".intree-") as tmp:
        _untar(deb, ["-xf", "-"] + paths, cwd=tmp)
        os.makedirs(dest, exist_ok=True)
        for name, (path, _) in INTREE_MODULES.items():
            shutil.copy(os.path.join(tmp, "lib", "modules", release, path), os.path.join(dest, name + ".ko"))


def _fetch_intree(kernel):
    """Add the in-tree modules to a kernel cached before they were needed."""
    out = subprocess.run(["apt-cache", "show", "--no-all-versions", f"linux-image-{kernel.release}"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=60).stdout
    m = re.search(r"^Version: (\S+)", out, re.M)
    if not m:
        raise BenchError(f"apt-cache knows no linux-image-{kernel.release}")
    with tempfile.TemporaryDirectory(dir=cache_dir(), prefix=".download-") as tmp:
        run_tool(["apt-get", "download", f"linux-image-{kernel.release}={m.group(1)}"], 600,
                 "downloading the kernel image package (apt-get download)", cwd=tmp)
        debs = glob.glob(os.path.join(tmp, "linux-image-*.deb"))
        if len(debs) != 1:
            raise BenchError(f"apt-get download did not produce linux-image-{kernel.release}_*.deb")
        part = scratch_dir(".intree-")
        try:
            _extract_intree(debs[0], kernel.release, part)
        except BaseException:
            shutil.rmtree(part, ignore_errors=True)
            raise
    if not os.path.isdir(kernel.intree):
        publish(part, kernel.intree)
        return
    # an older set of modules is there (and may be in use by another run):
    # add the new ones file by file, each rename atomic
    for name in os.listdir(part):
        if not os.path.exists(os.path.join(kernel.intree, name)):
            os.replace(os.path.join(part, name), os.path.join(kernel.intree, name))
    shutil.rmtree(part, ignore_errors=True)


def intree_modules(kernel):
    """({name: path of the .ko} of INTREE_MODULES, problem or None). A
    kernel cached without them gets them now; offline, tests that need them
    skip."""
    problem = None
    if not all(os.path.exists(os.path.join(kernel.intree, n + ".ko")) for n in INTREE_MODULES):
        try:
            _fetch_intree(kernel)
        except (BenchError, OSError, subprocess.TimeoutExpired) as e:
            problem = f"the kernel's own modules ({', '.join(INTREE_MODULES)}) are missing: {e}"
    found = {n: os.path.join(kernel.intree, n + ".ko") for n in INTREE_MODULES}
    return {n: p for n, p in found.items() if os.path.exists(p)}, problem


def _refreshed_candidate():
    """Refresh the package lists (root only) and ask again."""
    if os.geteuid() != 0:
        return None
    try:
        subprocess.run(["apt-get", "update", "-qq"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return _candidate()


def _kernel(release):
    return Kernel(release, os.path.join(cache_dir(), f"kernel-{release}"))


def _download(release, version):
    k = _kernel(release)
    if not os.path.exists(k.vmlinuz):
        _unpack(release, version, k.root)
    return k


def get_kernel():
    """The kernel to boot, downloading and unpacking it on first use."""
    pinned = os.environ.get("PX_KERNEL_RELEASE")
    if pinned:
        if pinned not in _cached():
            raise BenchError(f"PX_KERNEL_RELEASE={pinned} is not in the cache {cache_dir()}")
        return _kernel(pinned)
    problem = "apt-cache knows no linux-image-amd64"
    cand = _candidate()
    if cand:
        try:
            return _download(*cand)
        except BenchError as e:
            problem = str(e)
    # Missing or stale package lists (naming a version the archive no
    # longer has): refresh them once.
    fresh = _refreshed_candidate()
    if fresh and fresh != cand:
        try:
            return _download(*fresh)
        except BenchError as e:
            problem = str(e)
    cached = _cached()
    if cached:
        return _kernel(cached[0])  # offline: an older kernel still serves
    raise BenchError(f"no kernel in the cache {cache_dir()} and none could be fetched: {problem}")
