"""Boot the kernel under qemu-system-x86_64 (TCG: software emulation) with
the console on a serial port read through a pipe, and parse the markers
init.sh prints (see there)."""
import base64
import hashlib
import os
import re
import select
import shutil
import subprocess
import time

from .common import BenchError

_B64 = re.compile(rb"^[A-Za-z0-9+/=]+$")


def find_qemu():
    qemu = shutil.which("qemu-system-x86_64")
    if not qemu:
        raise BenchError("qemu-system-x86_64 not found: apt-get install qemu-system-x86")
    return qemu


def qemu_command(kernel, initrd, smp=1, serial_socket=None):
    """serial_socket: a path for a unix socket that wires two more UARTs to
    each other, a null-modem cable between them (a PCI card with two 16550
    ports: the guest's ttyS4 and ttyS5, whose interrupts are shareable)."""
    qemu = find_qemu()
    append = "console=ttyS0 quiet loglevel=1 panic=-1 rdinit=/init"
    cmd = [qemu, "-accel", "tcg", "-cpu", "max", "-m", "512M", "-smp", str(smp),
           "-nodefaults", "-no-user-config", "-display", "none", "-serial", "stdio", "-no-reboot",
           "-kernel", kernel.vmlinuz, "-initrd", initrd, "-append", append]
    if serial_socket:
        cmd += ["-chardev", f"socket,id=uart_a,path={serial_socket},server=on,wait=off",
                "-chardev", f"socket,id=uart_b,path={serial_socket}",
                "-device", "pci-serial-2x,chardev1=uart_a,chardev2=uart_b"]
    return cmd


def run_vm(cmd, deadline_s, log_path):
    """Run qemu until it exits or deadline_s passes; return (console bytes, timed_out)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    chunks, timed_out = [], False
    try:
        fd = proc.stdout.fileno()
        while True:
            left = deadline_s - (time.monotonic() - start)
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if ready:
                data = os.read(fd, 65536)
                if not data:
                    break
                chunks.append(data)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stdout.close()
    console = b"".join(chunks)
    with open(log_path, "wb") as f:
        f.write(console)
    return console, timed_out


class Result:
    def __init__(self):
        self.streams = {}  # stream name -> bytes
        self.rc = None  # exit status; None if the test never finished
        self.seconds = None  # guest time the test took
        self.problems = []  # framing errors seen on the console


def parse_console(console):
    """(booted release or None, {module: Result}, {test: Result}, done)."""
    booted, modules, tests, done = None, {}, {}, False
    frame = None  # (result, stream, length, md5, lines)
    current = None

    def result(table, name):
        return table.setdefault(name, Result())

    for raw in console.replace(b"\r", b"").split(b"\n"):
        if frame is not None:
            if raw == b"@@PX-DATAEND":
                res, stream, length, md5, lines = frame
                try:
                    data = base64.b64decode(b"".join(lines))
                except ValueError:
                    data = None
                if data is None or len(data) != length or hashlib.md5(data).hexdigest() != md5:
                    res.problems.append(f"{stream} was corrupted on the console")
                res.streams[stream] = data if data is not None else b""
                frame = None
            elif _B64.match(raw):
                frame[4].append(raw)
            continue
        line = raw.decode(errors="replace")
        if not line.startswith("@@PX-"):
            continue
        word, *args = line.split()
        if word == "@@PX-BOOTED" and args:
            booted = args[0]
        elif word == "@@PX-DATA" and len(args) == 4:
            table = tests if current == args[0] else modules
            frame = (result(table, args[0]), args[1], int(args[2]), args[3], [])
        elif word == "@@PX-INSMOD" and len(args) == 2:
            result(modules, args[0]).rc = int(args[1])
        elif word == "@@PX-BEGIN" and args:
            current = args[0]
            result(tests, current)
        elif word == "@@PX-STRAY" and args:
            result(tests, args[0]).problems.append("left processes running (killed after the test)")
        elif word == "@@PX-END" and len(args) == 4:
            res = result(tests, args[0])
            res.rc = int(args[1])
            res.seconds = float(args[3]) - float(args[2])
            current = None
        elif word == "@@PX-DONE":
            done = True
    return booted, modules, tests, done
