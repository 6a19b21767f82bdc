"""A fresh Debian bookworm tree for the boot test, made by mmdebstrap from
Debian's packages and kept in the cache as a tar file:

    $PX_SERVICES_CACHE, else $XDG_CACHE_HOME/px-services-bench, else
    ~/.cache/px-services-bench
        rootfs-KEY.tar     the tree (KEY: a hash of what it is made of)
        rootfs-KEY.cpio    the same as an initramfs, with docs and locales left out

The tree is the `essential` variant plus systemd and what the tests use
(udev, man-db, nss-systemd, kmod to load the GPIO test chip); it has no
kernel: the boot uses the kernel bench's (tests/kernel/harness/kernel.py).
mmdebstrap takes the host's apt sources, runs as root in root mode and
otherwise in unshare mode (a user namespace: needs the uidmap package and
/etc/subuid ranges), and needs no network but Debian's mirror. The first
run takes one to three minutes; later runs reuse the files, and trees of
an older KEY are removed.
"""
import glob
import hashlib
import os
import shutil
import stat
import tarfile

from harness.common import BenchError, run_tool
from harness.cpio import CpioWriter

SUITE = "bookworm"
VARIANT = "essential"
PACKAGES = ["systemd", "systemd-sysv", "udev", "man-db", "libnss-systemd", "kmod"]
BUILD_TIMEOUT = 900  # seconds; a download of about 60 MB and the unpacking

# left out of the initramfs: not needed to boot or test, and RAM is scarce
DROP = ("usr/share/locale/", "usr/share/doc/", "usr/share/info/", "usr/lib/udev/hwdb.bin",
        "usr/lib/udev/hwdb.d/", "usr/share/man/de/", "usr/share/man/fr/", "usr/share/man/es/",
        "usr/share/man/it/", "usr/share/man/ja/", "usr/share/man/pl/", "usr/share/man/pt/",
        "usr/share/man/ru/", "usr/share/man/sv/", "usr/share/man/zh_CN/", "usr/share/man/nl/",
        "usr/share/man/ko/", "usr/share/man/uk/", "usr/share/man/cs/", "usr/share/man/da/",
        "usr/share/man/fi/", "usr/share/man/hu/", "usr/share/man/id/", "usr/share/man/pt_BR/",
        "usr/share/man/ro/", "usr/share/man/sr/", "usr/share/man/tr/", "usr/share/man/zh_TW/")


def cache_dir():
    d = os.environ.get("PX_SERVICES_CACHE")
    if not d:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        d = os.path.join(base, "px-services-bench")
    os.makedirs(d, exist_ok=True)
    return d


def _key():
    text = f"{SUITE} {VARIANT} {' '.join(PACKAGES)} {' '.join(DROP)} v1"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _mmdebstrap(dest):
    if not shutil.which("mmdebstrap"):
        raise BenchError("mmdebstrap not found: apt-get install mmdebstrap")
    mode = "root" if os.geteuid() == 0 else "unshare"
    tmp = dest[:-len(".tar")] + f".part{os.getpid()}.tar"  # mmdebstrap goes by the extension
    try:
        run_tool(["mmdebstrap", f"--mode={mode}", f"--variant={VARIANT}", "--include=" + ",".join(PACKAGES),
                  SUITE, tmp], BUILD_TIMEOUT, f"making a {SUITE} tree with mmdebstrap ({mode} mode)")
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _rel(name):
    """A tar member's name without its leading "./" (or "/")."""
    return name[2:] if name.startswith("./") else name.lstrip("/")


def _keep(name):
    return not any(name == d.rstrip("/") or name.startswith(d) for d in DROP)


def _to_cpio(tar_path, dest):
    """The tar as a newc cpio the kernel unpacks (owners and modes kept;
    hard links become copies)."""
    tmp = dest + f".part{os.getpid()}"
    data_of = {}  # the data of files that hard links point to
    try:
        with tarfile.open(tar_path) as tar, open(tmp, "wb") as out:
            members = tar.getmembers()
            linked = {_rel(m.linkname) for m in members if m.islnk()}
            w = CpioWriter(out)
            for m in members:
                name = _rel(m.name) if m.name not in (".", "./") else ""
                if not name or not _keep(name):
                    continue
                perm = m.mode & 0o7777
                if m.isdir():
                    w.entry(name, stat.S_IFDIR | perm, uid=m.uid, gid=m.gid)
                elif m.issym():
                    w.entry(name, stat.S_IFLNK | 0o777, m.linkname.encode(), uid=m.uid, gid=m.gid)
                elif m.islnk():
                    target = _rel(m.linkname)
                    if target in data_of:
                        w.entry(name, stat.S_IFREG | perm, data_of[target], uid=m.uid, gid=m.gid)
                elif m.isreg():
                    data = tar.extractfile(m).read()
                    if name in linked:
                        data_of[name] = data
                    w.entry(name, stat.S_IFREG | perm, data, uid=m.uid, gid=m.gid)
                elif m.ischr() or m.isblk():
                    kind = stat.S_IFCHR if m.ischr() else stat.S_IFBLK
                    w.entry(name, kind | perm, uid=m.uid, gid=m.gid, rdev=(m.devmajor, m.devminor))
                elif m.isfifo():
                    w.entry(name, stat.S_IFIFO | perm, uid=m.uid, gid=m.gid)
            # the kernel starts /init; systemd is it
            w.entry("init", stat.S_IFLNK | 0o777, b"/lib/systemd/systemd")
            w.close()
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def get_rootfs_cpio():
    """The path of the tree as an initramfs, made on first use."""
    d = cache_dir()
    key = _key()
    tar_path = os.path.join(d, f"rootfs-{key}.tar")
    cpio_path = os.path.join(d, f"rootfs-{key}.cpio")
    if not os.path.exists(cpio_path):
        if not os.path.exists(tar_path):
            _mmdebstrap(tar_path)
        _to_cpio(tar_path, cpio_path)
    # trees made from an older package list are not needed again (each
    # pair is about 350 MB); files being written (.part) are left alone
    for old in glob.glob(os.path.join(d, "rootfs-*.tar")) + glob.glob(os.path.join(d, "rootfs-*.cpio")):
        if not os.path.basename(old).startswith(f"rootfs-{key}.") and ".part" not in old:
            os.unlink(old)
    return cpio_path
