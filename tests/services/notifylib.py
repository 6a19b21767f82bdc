"""A real sd_notify listener, as systemd's manager has one: an AF_UNIX
datagram socket (abstract or on a path) with SO_PASSCRED, so each message
comes with the sender's pid as the kernel saw it (what NotifyAccess=main
checks). And a way to run the interpreter under it."""
import os
import select
import signal
import socket
import struct
import subprocess
import tempfile
import time

from suitelib import Fail


class Listener:
    def __init__(self, abstract=True):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
        self.tmp = None
        if abstract:
            name = f"px-notify-test-{os.getpid()}-{id(self)}"
            self.sock.bind("\0" + name)
            self.address = "@" + name
        else:
            self.tmp = tempfile.TemporaryDirectory(prefix="px-notify-")
            self.address = os.path.join(self.tmp.name, "notify")
            self.sock.bind(self.address)
        self.start = time.monotonic()
        self.got = []  # (seconds since start, sender pid, text)

    def receive(self, timeout):
        """The next message (seconds, pid, text), or None after timeout s."""
        self.sock.settimeout(max(timeout, 0.001))
        try:
            data, anc, _, _ = self.sock.recvmsg(4096, socket.CMSG_SPACE(12))
        except socket.timeout:
            return None
        pid = None
        for level, kind, payload in anc:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = struct.unpack("iII", payload[:12])[0]
        m = (time.monotonic() - self.start, pid, data.decode("utf-8", "replace"))
        self.got.append(m)
        return m

    def collect(self, seconds):
        """Everything that arrives within the next `seconds`."""
        end = time.monotonic() + seconds
        out = []
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return out
            m = self.receive(left)
            if m:
                out.append(m)

    def wait_for(self, text, timeout):
        """The first message equal to text within timeout s; Fail otherwise."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            m = self.receive(left) if left > 0 else None
            if m is None:
                raise Fail(f"no {text!r} within {timeout} s; got {[x[2] for x in self.got]}")
            if m[2] == text:
                return m

    def close(self):
        self.sock.close()
        if self.tmp:
            self.tmp.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


def service_env(binary_env=None, **extra):
    """The environment of a service: ours minus what systemd would not set."""
    env = dict(os.environ)
    for k in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "LISTEN_FDS",
              "LISTEN_PID", "LISTEN_FDNAMES", "MICROPYPATH", "MICROPYINSPECT"):
        env.pop(k, None)
    env.update({k: str(v) for k, v in extra.items()})
    return env


class Proc:
    """The interpreter running a script, killed at the end if still alive."""

    def __init__(self, binary, code, env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                 cmd=None):
        """Runs `binary -c code`, or the command cmd if given."""
        self.p = subprocess.Popen(cmd or [binary, "-c", code], env=env, stdin=stdin, stdout=stdout, bufsize=0,
                                  stderr=stderr)
        self.pid = self.p.pid

    def line(self, timeout=5):
        """The next stdout line (bytes), waiting at most timeout s."""
        fd = self.p.stdout
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            raise Fail(f"no output line within {timeout} s")
        return fd.readline().decode()

    def signal(self, sig):
        self.p.send_signal(sig)

    def finish(self, timeout=10):
        """(returncode, stdout, stderr) once it has ended."""
        try:
            out, err = self.p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.communicate()
            raise Fail(f"did not end within {timeout} s")
        return self.p.returncode, (out or b"").decode(), (err or b"").decode()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGKILL)
        self.p.communicate()
