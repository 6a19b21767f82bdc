"""Out-of-tree build of our kernel modules (tests/kernel/modules/) against
the cached headers. The sources are copied to a scratch directory first, so
the tree stays clean; the resulting .ko files are cached, keyed by kernel
release and a hash of the sources."""
import glob
import hashlib
import os
import shutil
import tempfile

from .common import BenchError, cache_dir, publish, run_tool, scratch_dir

MODULES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "modules")


def _sources():
    return sorted(f for f in os.listdir(MODULES) if f.endswith((".c", ".h")) or f in ("Kbuild", "Makefile"))


def build_modules(kernel):
    """(paths of the built .ko files, compiler warnings), building them if
    the cache has none."""
    if not any(name.endswith(".c") for name in _sources()):
        return [], ""
    h = hashlib.sha256(kernel.release.encode())
    for name in _sources():
        h.update(name.encode() + b"\0")
        with open(os.path.join(MODULES, name), "rb") as f:
            h.update(f.read())
    out = os.path.join(cache_dir(), "modules", f"{kernel.release}-{h.hexdigest()[:16]}")
    if not glob.glob(os.path.join(out, "*.ko")):
        _build(kernel, out)
    # Builds of older sources are not needed again.
    for old in glob.glob(os.path.join(os.path.dirname(out), f"{kernel.release}-*")):
        if old != out:
            shutil.rmtree(old, ignore_errors=True)
    with open(os.path.join(out, "build.log")) as f:
        warnings = "\n".join(line for line in f.read().splitlines() if "warning:" in line)
    return sorted(glob.glob(os.path.join(out, "*.ko"))), warnings


def _build(kernel, out):
    if not shutil.which("make"):
        raise BenchError("make not found: apt-get install make")
    with tempfile.TemporaryDirectory(prefix="px-kmod-") as tmp:
        for name in _sources():
            shutil.copy(os.path.join(MODULES, name), tmp)
        log = run_tool(["make", "-C", kernel.headers, f"M={tmp}", "modules"], 600,
                       f"building the kernel modules against {kernel.headers}")
        built = glob.glob(os.path.join(tmp, "*.ko"))
        if not built:
            raise BenchError("the module build produced no .ko\n" + log)
        part = scratch_dir(".modules-")
        for ko in built:
            shutil.copy(ko, part)
        with open(os.path.join(part, "build.log"), "w") as f:
            f.write(log.replace(tmp + "/", "tests/kernel/modules/"))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        publish(part, out)
