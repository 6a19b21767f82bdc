"""The boot test: Debian's kernel under QEMU with a fresh bookworm tree
(rootfs.py) as its initramfs and systemd as PID 1. The package under test
and guest/ are added on top; guest/px-bench.service runs
guest/run-tests.sh when the system is up, which installs the .deb with
dpkg, uses it, starts, watches and stops micropython@ services, loads the
kernel bench's GPIO, I2C, SPI and PWM devices (tests/kernel/modules) to
check the udev rules and use them from services (the documented
button/LED example among them), prints its results on the serial console
and powers off."""
import os
import re
import time

from harness.common import BenchError
from harness.cpio import CpioWriter
from harness.kernel import get_kernel, intree_modules
from harness.kmod import build_modules
from harness.vm import find_qemu, run_vm
from rootfs import cache_dir, get_rootfs_cpio

HERE = os.path.dirname(os.path.abspath(__file__))
GUEST = os.path.join(HERE, "guest")
BOOT_DEADLINE = 420  # seconds of wall clock for the whole boot and every test
MEMORY = "1536M"     # the tree lives in RAM (about 140 MB, unpacked once more)

# the guest's tests, in the order run-tests.sh runs them
GUEST_TESTS = ["install", "command", "man_page", "groups", "paths", "verify", "start_active_running",
               "journal_priorities", "stop_clean", "watchdog_restart", "script_that_ends",
               "script_that_ends_unready", "socket_activation", "udev_device_groups", "devices_service", "button_led_service"]


def _overlay(deb, modules, path):
    """The package, the kernel bench's device modules (and the kernel's
    i2c-dev) and the test files, added over the tree."""
    with open(path, "wb") as out:
        w = CpioWriter(out)
        w.dir("px")
        for f_path in [deb] + modules:
            with open(f_path, "rb") as f:
                w.file("px/" + os.path.basename(f_path), f.read())
        for name in sorted(os.listdir(GUEST)):
            with open(os.path.join(GUEST, name), "rb") as f:
                w.file("px/" + name, f.read(), 0o755 if name.endswith(".sh") else 0o644)
        with open(os.path.join(GUEST, "px-bench.service"), "rb") as f:
            w.file("etc/systemd/system/px-bench.service", f.read())
        w.symlink("etc/systemd/system/multi-user.target.wants/px-bench.service", "/etc/systemd/system/px-bench.service")
        # the serial console is the tests' output: no login prompt there
        w.symlink("etc/systemd/system/serial-getty@ttyS0.service", "/dev/null")
        w.symlink("etc/systemd/system/getty@tty1.service", "/dev/null")
        w.file("etc/hostname", b"px-bench\n")
        w.close()


def boot(deb):
    """Boot once; ({test: (passed, detail lines)}, console text, seconds)."""
    kernel = get_kernel()
    modules, _ = build_modules(kernel)
    intree, _ = intree_modules(kernel)  # without i2c-dev.ko the guest's device test says so
    modules += [intree[n] for n in ("i2c-dev",) if n in intree]
    base = get_rootfs_cpio()
    run_dir = os.path.join(cache_dir(), "run")
    os.makedirs(run_dir, exist_ok=True)
    initrd = os.path.join(run_dir, "initrd.cpio")
    overlay = os.path.join(run_dir, "overlay.cpio")
    _overlay(deb, modules, overlay)
    with open(initrd, "wb") as out:
        for part in (base, overlay):  # the kernel unpacks concatenated archives in turn
            with open(part, "rb") as f:
                while chunk := f.read(1 << 20):
                    out.write(chunk)
    append = "console=ttyS0 quiet loglevel=3 panic=-1 systemd.show_status=0 rdinit=/init"
    cmd = [find_qemu(), "-accel", "tcg", "-cpu", "max", "-m", MEMORY, "-smp", "2", "-nodefaults",
           "-no-user-config", "-display", "none", "-serial", "stdio", "-no-reboot",
           "-kernel", kernel.vmlinuz, "-initrd", initrd, "-append", append]
    start = time.monotonic()
    console, timed_out = run_vm(cmd, BOOT_DEADLINE, os.path.join(run_dir, "console.log"))
    took = time.monotonic() - start
    text = console.decode("utf-8", "replace").replace("\r", "")
    results, current = {}, None
    for line in text.split("\n"):
        m = re.match(r"@@SV (ok|FAIL) (\S+)$", line)
        if m:
            current = m.group(2)
            results[current] = (m.group(1) == "ok", [])
        elif line.startswith("@@SV | ") and current:
            results[current][1].append(line[len("@@SV | "):])
    done = "@@SV-DONE" in text
    if not results:
        tail = "\n".join(text.splitlines()[-30:])
        why = "timed out" if timed_out else "ended"
        raise BenchError(f"the VM {why} after {took:.0f} s without test results; console:\n{tail}")
    if not done:
        results.setdefault("(end)", (False, [f"the VM {'timed out' if timed_out else 'ended'} before the "
                                             f"tests finished; see {run_dir}/console.log"]))
    return results, text, took
