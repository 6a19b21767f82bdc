"""Shared pieces: the cache directory, the bench's own error, running tools."""
import os
import shutil
import subprocess
import tempfile


class BenchError(Exception):
    """The bench itself cannot run (missing tool, failed download, no boot)."""


def cache_dir():
    """Where kernels, built modules and logs are kept between runs.

    $PX_KERNEL_CACHE if set, else $XDG_CACHE_HOME/px-kernel-bench, else
    ~/.cache/px-kernel-bench.
    """
    d = os.environ.get("PX_KERNEL_CACHE")
    if not d:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        d = os.path.join(base, "px-kernel-bench")
    os.makedirs(d, exist_ok=True)
    return d


def run_tool(cmd, timeout, what, **kw):
    """Run a host command; a failure or time-out becomes a BenchError saying what failed."""
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              stdin=subprocess.DEVNULL, timeout=timeout, **kw)
    except FileNotFoundError:
        raise BenchError(f"{what}: {cmd[0]} not found")
    except subprocess.TimeoutExpired:
        raise BenchError(f"{what}: timed out after {timeout} s: {' '.join(cmd)}")
    if proc.returncode != 0:
        tail = "\n".join(proc.stdout.splitlines()[-40:])
        raise BenchError(f"{what} failed (exit {proc.returncode}): {' '.join(cmd)}\n{tail}")
    return proc.stdout


def publish(build, dest):
    """Move a finished scratch directory into place. Another run may have
    published the same thing meanwhile: then keep theirs."""
    try:
        os.rename(build, dest)
    except OSError:
        shutil.rmtree(build, ignore_errors=True)
        if not os.path.isdir(dest):
            raise


def scratch_dir(prefix):
    """A private directory in the cache, on the same file system as the
    final place, so publish() is an atomic rename."""
    d = tempfile.mkdtemp(prefix=prefix, dir=cache_dir())
    os.chmod(d, 0o755)
    return d
