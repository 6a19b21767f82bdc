"""Boards for mpremote to talk to: the Linux `micropython` made to look
like a board's serial port, or a device that already is one (QEMU's).

A board here is what mpremote connects to (`.device`: a pty path such as
/dev/pts/7, or a pyserial URL such as socket://127.0.0.1:4321) and, for
the Linux one, the host folder that is the board's working directory
(`.files`), so a test can look at what mpremote wrote.

The Linux `micropython` runs on the slave side of a pseudo-terminal, as
its controlling terminal, with its own temporary folder as working
directory and HOME (so ~/.micropython/lib, sys.path's lib folder, is in
it). A relay thread copies bytes between that terminal's master and the
port mpremote opens:

- "pty":    a second pseudo-terminal, whose slave path is the device (as
            QEMU's `-serial pty` gives one);
- "socket": a TCP listener on 127.0.0.1, the device being
            socket://127.0.0.1:PORT (as QEMU's `-serial tcp::PORT,server`).

The board keeps running between mpremote commands, as a real one does.

A sandboxed board (`sandbox=True`, for mpremote's own test scripts, which
were written for a board's flash: test_filesystem.sh runs `rm -r :/`)
starts with nothing of the host mounted: its folder is VfsPosix(folder) at
/flash, the current directory, sys.path is a board's ("", ".frozen",
"/flash/lib"), and "/" is the VFS's own root, which lists
the mount points, as on a board with a flash file system at /flash. The
board checks this before any test runs (it prints "/"'s listing), a soft
reset returns to it (it is what the REPL started with), and when the tests
run as root the board runs as nobody, so nothing outside its folder can
be removed even if the sandbox failed.
"""
import fcntl
import os
import pwd
import pty
import select
import shutil
import signal
import socket
import subprocess
import tempfile
import termios
import threading
import time
import tty


def _child_env(home):
    keep = ("PATH", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.setdefault("PATH", "/usr/bin:/bin")
    env.update(HOME=home, TERM="dumb")
    return env


class Device:
    """A serial device given on the command line (a QEMU board)."""

    files = None  # its filesystem is not on this host
    sandboxed = True  # its file system is its own

    def __init__(self, device):
        self.device = device

    def log(self):
        return ""

    def close(self):
        pass


class LinuxBoard:
    """`micropython` on a pty, reachable at .device (see the module doc)."""

    files = None
    sandboxed = False

    def __init__(self, binary, transport="pty", sandbox=False):
        self.dir = tempfile.mkdtemp(prefix="px-mpremote-")
        self.files = self.dir
        self._stop = False
        self._client = None  # the socket transport's connection
        self._boot = None
        self.sandboxed = sandbox
        argv, user = [binary], None
        if sandbox:
            fd, self._boot = tempfile.mkstemp(prefix="px-mpremote-boot-", suffix=".py")
            with os.fdopen(fd, "w") as f:
                f.write(SANDBOX_BOOT % {"dir": self.dir})
            argv += ["-i", self._boot]
            if os.geteuid() == 0:
                user = pwd.getpwnam("nobody")
                os.chown(self.dir, user.pw_uid, user.pw_gid)
                os.chmod(self._boot, 0o644)
        master, slave = pty.openpty()
        self.proc = subprocess.Popen(argv, cwd=self.dir, env=_child_env(self.dir), stdin=slave, stdout=slave,
                                     stderr=slave, start_new_session=True, close_fds=True,
                                     preexec_fn=lambda: _make_controlling(user))
        os.close(slave)
        self._board = master
        self._seen = bytearray()  # what the board wrote (for failure reports)
        if transport == "pty":
            self._outer, outer_slave = pty.openpty()
            tty.setraw(outer_slave)
            # held open, so the master never sees a hang-up between clients
            self._outer_slave = outer_slave
            self.device = os.ttyname(outer_slave)
            target = self._pty_relay
        elif transport == "socket":
            self._listener = socket.socket()
            self._listener.bind(("127.0.0.1", 0))
            self._listener.listen(1)
            self.device = "socket://127.0.0.1:%d" % self._listener.getsockname()[1]
            target = self._socket_relay
        else:
            raise ValueError("transport is 'pty' or 'socket', not %r" % transport)
        self._thread = threading.Thread(target=target, daemon=True)
        self._thread.start()
        if sandbox:
            self._wait_for(SANDBOX_READY, 10)
        self._wait_for(b">>> ", 10)

    def _wait_for(self, what, timeout):
        deadline = time.monotonic() + timeout
        while what not in self._seen:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("the board did not start: %r" % bytes(self._seen))
            time.sleep(0.01)

    def _from_board(self):
        """Bytes the board wrote, or None once it is gone."""
        try:
            data = os.read(self._board, 4096)
        except OSError:
            return None
        self._seen += data
        del self._seen[:-65536]
        return data or None

    def _pty_relay(self):
        while not self._stop:
            r, _, _ = select.select([self._board, self._outer], [], [], 0.1)
            if self._board in r:
                data = self._from_board()
                if data is None:
                    return
                os.write(self._outer, data)
            if self._outer in r:
                os.write(self._board, os.read(self._outer, 4096))

    def _socket_relay(self):
        while not self._stop:
            watch = [self._board, self._client or self._listener]
            r, _, _ = select.select(watch, [], [], 0.1)
            if self._board in r:
                data = self._from_board()
                if data is None:
                    return
                if self._client is not None:  # with no client, output is lost, as on a wire
                    try:
                        self._client.sendall(data)
                    except OSError:
                        self._drop_client()
            if self._listener in r and self._client is None:
                self._client, _ = self._listener.accept()
            elif self._client is not None and self._client in r:
                try:
                    data = self._client.recv(4096)
                except OSError:
                    data = b""
                if data:
                    os.write(self._board, data)
                else:
                    self._drop_client()

    def _drop_client(self):
        self._client.close()
        self._client = None

    def log(self):
        """The board's last output, for a failure's detail."""
        return bytes(self._seen[-2000:]).decode("utf-8", "replace")

    def close(self):
        self._stop = True
        self._thread.join(2)
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for fd in (self._board, getattr(self, "_outer", None), getattr(self, "_outer_slave", None)):
            if fd is not None:
                os.close(fd)
        if self._client is not None:
            self._client.close()
        if hasattr(self, "_listener"):
            self._listener.close()
        shutil.rmtree(self.dir, ignore_errors=True)
        if self._boot is not None:
            os.remove(self._boot)


# The sandboxed board's start: the host's files out of reach (module doc).
SANDBOX_BOOT = """\
import os, sys, vfs
vfs.umount("/")
vfs.mount(vfs.VfsPosix(%(dir)r), "/flash")
os.chdir("/flash")
sys.path[:] = ["", ".frozen", "/flash/lib"]  # a board's, not this file's folder first
print("sandbox:", os.listdir("/"), os.getcwd())
del os, sys, vfs
"""
SANDBOX_READY = b"sandbox: ['flash'] /flash\r\n"


def _make_controlling(user):
    """In the child (a new session): its stdin, the pty, becomes its
    controlling terminal, so Ctrl-C typed at the board is SIGINT; then it
    becomes `user` (a pwd entry), if given."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    if user is not None:
        os.setgroups([])
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)


def main():
    """Offer a Linux board until Ctrl-C, for mpremote by hand:
    python3 tests/mpremote/board.py build/micropython [pty|socket]"""
    import sys
    if len(sys.argv) not in (2, 3):
        sys.exit(main.__doc__)
    board = LinuxBoard(os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) == 3 else "pty")
    print(f"mpremote connect {board.device}    (its files: {board.files}; Ctrl-C ends it)", flush=True)
    try:
        while board.proc.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        board.close()


if __name__ == "__main__":
    main()
