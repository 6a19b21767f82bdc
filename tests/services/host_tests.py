"""The service runtime on the host, against a real NOTIFY_SOCKET listener:
readiness, the watchdog's timing, journal prefixes, the end after SIGTERM.
Each test is a function taking the binary's path."""
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import threading
import time

from notifylib import Listener, Proc, service_env
from suitelib import Fail

TESTS = []


def test(f):
    TESTS.append(f)
    return f


def check(cond, msg):
    if not cond:
        raise Fail(msg)


# A script's set-up that runs for about a second without waiting (a busy
# loop, no sleep), then its main loop, which waits.
SETUP_THEN_WAIT = """\
import sys, time
print('setup'); sys.stdout.flush()
t = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t) < 1000:
    pass
print('main loop'); sys.stdout.flush()
while True:
    time.sleep(1)
"""


@test
def notify_ready_at_first_wait(binary):
    """READY=1 comes when the script first waits, not during its set-up,
    from the main pid (what NotifyAccess=main accepts), only once."""
    with Listener() as ls, Proc(binary, SETUP_THEN_WAIT, service_env(NOTIFY_SOCKET=ls.address)) as p:
        check(p.line() == "setup\n", "no set-up line")
        early = ls.collect(0.4)
        check(early == [], f"messages during set-up: {early}")
        t, pid, text = ls.wait_for("READY=1", 5)
        check(pid == p.pid, f"READY=1 came from pid {pid}, not the main pid {p.pid}")
        check(p.line() == "main loop\n", "no main-loop line")
        more = ls.collect(0.5)
        check(all(m[2] != "READY=1" for m in more), f"READY=1 sent again: {more}")
        p.signal(signal.SIGTERM)
        ls.wait_for("STOPPING=1", 5)
        rc, _, err = p.finish()
        check(rc == -signal.SIGTERM, f"ended with {rc}, not by SIGTERM; stderr {err!r}")


@test
def notify_ready_at_clean_end(binary):
    """A script that does its work and ends without waiting: READY=1 then
    STOPPING=1 when it ends with status 0 (its start succeeded); none when
    it fails in its set-up, or when it left readiness to itself."""
    cases = [("print('work')\n", 0, ["READY=1", "STOPPING=1"]),
             ("import sys\nsys.exit(0)\n", 0, ["READY=1", "STOPPING=1"]),
             ("1/0\n", 1, ["STOPPING=1"]),
             ("import sys\nsys.exit(2)\n", 2, ["STOPPING=1"]),
             ("import systemd\nsystemd.auto_ready(False)\n", 0, ["STOPPING=1"])]
    for code, status, want in cases:
        with Listener() as ls, Proc(binary, code, service_env(NOTIFY_SOCKET=ls.address)) as p:
            rc, _, _ = p.finish()
            got = [m[2] for m in ls.collect(0.3)]
        check((rc, got) == (status, want), f"{code!r}: status {rc}, messages {got}; want {status}, {want}")


@test
def notify_path_socket(binary):
    """NOTIFY_SOCKET as a file-system path."""
    with Listener(abstract=False) as ls, Proc(binary, "import time\ntime.sleep(0.01)\n",
                                              service_env(NOTIFY_SOCKET=ls.address)) as p:
        ls.wait_for("READY=1", 5)
        ls.wait_for("STOPPING=1", 5)
        rc, out, err = p.finish()
        check((rc, out, err) == (0, "", ""), f"status {rc}, stdout {out!r}, stderr {err!r}")


@test
def notify_absent_or_unusable(binary):
    """Without NOTIFY_SOCKET, or with one that cannot be used (no listener,
    an unsupported address), a script runs as ever: no error, no output."""
    code = "import time\ntime.sleep(0.01)\nprint('done')\n"
    for value in (None, "@px-nobody-listens-here", "/nonexistent/notify", "vsock:2:1234", "relative"):
        env = service_env() if value is None else service_env(NOTIFY_SOCKET=value, WATCHDOG_USEC=100000)
        with Proc(binary, code, env) as p:
            rc, out, err = p.finish()
        check((rc, out, err) == (0, "done\n", ""), f"NOTIFY_SOCKET={value!r}: status {rc}, {out!r}, {err!r}")


def intervals(msgs, text="WATCHDOG=1"):
    times = [t for t, _, m in msgs if m == text]
    return times, [b - a for a, b in zip(times, times[1:])]


@test
def watchdog_pings_at_half_interval(binary):
    """WATCHDOG_USEC=400000: WATCHDOG=1 every 200 ms, in a busy loop with no
    calls and in a sleep alike; never a gap that would trip the watchdog."""
    code = """\
import time
t = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t) < 1200:
    pass
x = 0
t = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), t) < 1200:
    x += 1
time.sleep(1.2)
"""
    with Listener() as ls, Proc(binary, code, service_env(NOTIFY_SOCKET=ls.address, WATCHDOG_USEC=400000)) as p:
        msgs = ls.collect(3.4)
        rc, _, err = p.finish()
    times, gaps = intervals(msgs)
    check(rc == 0, f"status {rc}: {err}")
    check(13 <= len(times) <= 19, f"{len(times)} pings in 3.4 s (expected about 17): {times}")
    check(all(pid == p.pid for _, pid, m in msgs if m == "WATCHDOG=1"), "a ping from another pid")
    med = statistics.median(gaps)
    check(0.15 <= med <= 0.26, f"median interval {med:.3f} s, expected 0.2")
    check(max(gaps) < 0.4, f"a gap of {max(gaps):.3f} s: the watchdog (0.4 s) would have fired")
    ready = [t for t, _, m in msgs if m == "READY=1"]
    check(len(ready) == 1 and ready[0] < times[0] + 0.05, f"READY=1 not at the first ping: {msgs[:3]}")


@test
def watchdog_pid_of_another_process(binary):
    """WATCHDOG_PID naming another process: no pings from us."""
    code = "import time\ntime.sleep(0.8)\n"
    with Listener() as ls, Proc(binary, code, service_env(NOTIFY_SOCKET=ls.address, WATCHDOG_USEC=200000,
                                                          WATCHDOG_PID=1)) as p:
        msgs = ls.collect(1.0)
        p.finish()
    check([m for _, _, m in msgs] == ["READY=1", "STOPPING=1"], f"got {msgs}")


@test
def watchdog_own_pid(binary):
    """WATCHDOG_PID equal to our pid (as systemd sets it): pings."""
    code = "import time\ntime.sleep(0.8)\n"
    # the pid is known only after the fork: a shell that execs keeps its own
    cmd = ["/bin/sh", "-c", 'WATCHDOG_PID=$$ exec "$0" -c "$1"', binary, code]
    with Listener() as ls, Proc(binary, code, service_env(NOTIFY_SOCKET=ls.address, WATCHDOG_USEC=200000),
                                cmd=cmd) as p:
        msgs = ls.collect(1.0)
        p.finish()
    times, _ = intervals(msgs)
    check(5 <= len(times) <= 9, f"{len(times)} pings in 0.8 s at 0.1 s: {msgs}")


@test
def watchdog_stops_when_stuck(binary):
    """An interpreter stuck in a blocking call stops pinging (so systemd
    restarts it); SIGTERM still ends it."""
    with tempfile.TemporaryDirectory(prefix="px-stuck-") as d:
        fifo = os.path.join(d, "fifo")
        os.mkfifo(fifo)
        code = f"import time\ntime.sleep(0.3)\nprint(open({fifo!r}).read())\n"
        with Listener() as ls, Proc(binary, code, service_env(NOTIFY_SOCKET=ls.address, WATCHDOG_USEC=200000)) as p:
            before = ls.collect(0.25)
            times, _ = intervals(before)
            check(len(times) >= 1, f"no pings before it got stuck: {before}")
            time.sleep(0.3)  # now blocked in open() of the FIFO (no writer)
            ls.collect(0.15)
            stuck = ls.collect(1.0)
            check(stuck == [], f"messages while stuck in a blocking call: {stuck}")
            p.signal(signal.SIGTERM)
            rc, out, err = p.finish(5)
            check(rc == -signal.SIGTERM, f"ended with {rc}: {err}")


@test
def watchdog_pings_in_blocking_waits(binary):
    """Waits that go through the event poller (sleep, input()) keep pinging."""
    r, w = os.pipe()
    try:
        code = "import time\ntime.sleep(0.6)\ninput()\n"
        with Listener() as ls, Proc(binary, code, service_env(NOTIFY_SOCKET=ls.address, WATCHDOG_USEC=200000),
                                    stdin=r) as p:
            msgs = ls.collect(1.3)
            os.write(w, b"\n")
            rc, _, err = p.finish()
        times, gaps = intervals(msgs)
        check(rc == 0, f"status {rc}: {err}")
        check(len(times) >= 10 and max(gaps) < 0.2, f"pings {times}")
    finally:
        os.close(r)
        os.close(w)


def journal_pair():
    """A stream socket pair standing for journald's stream: (ours, the
    service's end, its JOURNAL_STREAM value)."""
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    st = os.fstat(b.fileno())
    return a, b, f"{st.st_dev}:{st.st_ino}"


class Reader(threading.Thread):
    def __init__(self, sock):
        super().__init__(daemon=True)
        self.sock, self.data, self.lines = sock, b"", []

    def run(self):
        while True:
            chunk = self.sock.recv(65536)
            if not chunk:
                return
            self.data += chunk
            while b"\n" in self.data:
                line, self.data = self.data.split(b"\n", 1)
                self.lines.append((time.monotonic(), line.decode()))


JOURNAL_SCRIPT = """\
import sys, time
print('info line')
print('an error', 42, file=sys.stderr)
print('<4>a warning', file=sys.stderr)
sys.stderr.write('in ')
sys.stderr.write('pieces\\n')
time.sleep(0.8)
print('after the sleep')
try:
    while True:
        pass
finally:
    print('cleanup')
    1/0
"""


@test
def journal_prefixes_and_line_buffering(binary):
    """stdout and stderr on the journal's stream: stderr lines carry <3>
    unless they have their own <N>, a traceback is <3> on every line, stdout
    lines arrive as printed, and nothing is lost when SIGTERM ends it."""
    ours, theirs, value = journal_pair()
    reader = Reader(ours)
    reader.start()
    with Proc(binary, JOURNAL_SCRIPT, service_env(JOURNAL_STREAM=value), stdout=theirs, stderr=theirs) as p:
        theirs.close()
        time.sleep(0.4)
        early = [l for _, l in reader.lines]
        check(early[:1] == ["info line"], f"stdout line not there at once (line-buffered): {early}")
        time.sleep(0.9)
        p.signal(signal.SIGTERM)
        rc, _, _ = p.finish()
    reader.join(5)
    lines = [l for _, l in reader.lines]
    want = ["info line", "<3>an error 42", "<4>a warning", "<3>in pieces", "after the sleep", "cleanup",
            "<3>Traceback (most recent call last):"]
    tb = lines[len(want) - 1:]
    check(lines[:len(want)] == want and all(l.startswith("<3>") for l in tb) and
          "<3>SystemExit: 143" in tb and tb[-1] == "<3>ZeroDivisionError: division by zero",
          "journal stream:\n" + "\n".join(lines))
    check(rc == 1, f"status {rc}: an exception in the clean-up decides the status")


@test
def journal_stream_not_ours(binary):
    """JOURNAL_STREAM inherited but output redirected elsewhere: no prefixes."""
    ours, theirs, value = journal_pair()
    ours.close()
    theirs.close()
    code = "import sys\nprint('x', file=sys.stderr)\n"
    with Proc(binary, code, service_env(JOURNAL_STREAM=value)) as p:
        rc, out, err = p.finish()
    check((rc, err) == (0, "x\n"), f"status {rc}, stderr {err!r}")


STOP_SCRIPT = """\
import sys, time
print('ready'); sys.stdout.flush()
try:
    while True:
        pass
finally:
    print('released')
    {cleanup}
"""


@test
def sigterm_clean_stop(binary):
    """SIGTERM in a loop with no calls: SystemExit, finally runs, STOPPING=1,
    then the process dies by SIGTERM (systemd's clean stop) at once."""
    with Listener() as ls, Proc(binary, STOP_SCRIPT.format(cleanup="pass"),
                                service_env(NOTIFY_SOCKET=ls.address)) as p:
        check(p.line() == "ready\n", "not started")
        t = time.monotonic()
        p.signal(signal.SIGTERM)
        rc, out, err = p.finish()
        took = time.monotonic() - t
        ls.wait_for("STOPPING=1", 2)
    check((rc, out, err) == (-signal.SIGTERM, "released\n", ""), f"status {rc}, {out!r}, {err!r}")
    check(took < 2, f"took {took:.1f} s")


@test
def sigterm_second_one_kills(binary):
    """A clean-up that takes long: a second SIGTERM ends it at once."""
    with Proc(binary, STOP_SCRIPT.format(cleanup="sys.stdout.flush(); time.sleep(30)"), service_env()) as p:
        check(p.line() == "ready\n", "not started")
        p.signal(signal.SIGTERM)
        check(p.line() == "released\n", "finally did not run")
        t = time.monotonic()
        p.signal(signal.SIGTERM)
        rc, _, err = p.finish()
        took = time.monotonic() - t
    check(rc == -signal.SIGTERM and took < 1.5, f"status {rc} after {took:.1f} s: {err}")


@test
def sigterm_stuck_handler_ends(binary):
    """A clean-up stuck in a loop: the process still ends, by SIGTERM, about
    5 s after the first SIGTERM (inside systemd's stop timeout)."""
    with Proc(binary, STOP_SCRIPT.format(cleanup="sys.stdout.flush()\n    while True:\n        pass"),
              service_env()) as p:
        check(p.line() == "ready\n", "not started")
        t = time.monotonic()
        p.signal(signal.SIGTERM)
        check(p.line() == "released\n", "finally did not run")
        rc, _, err = p.finish(15)
        took = time.monotonic() - t
    check(rc == -signal.SIGTERM and 4.5 <= took <= 8, f"status {rc} after {took:.1f} s: {err}")


@test
def sighup_can_be_caught(binary):
    """SIGHUP has no deadline: a program may catch it and go on."""
    code = """\
import sys, time
print('ready'); sys.stdout.flush()
try:
    time.sleep(30)
except SystemExit as e:
    print('hup', e.args[0]); sys.stdout.flush()
time.sleep(6)
print('still here')
"""
    with Proc(binary, code, service_env()) as p:
        check(p.line() == "ready\n", "not started")
        p.signal(signal.SIGHUP)
        rc, out, err = p.finish(15)
    check((rc, out, err) == (0, "hup 129\nstill here\n", ""), f"status {rc}, {out!r}, {err!r}")


@test
def module_outside_a_service(binary):
    """Without NOTIFY_SOCKET the systemd module's messages do nothing and
    say so (False), so a service script also runs from a shell."""
    code = ("import systemd\n"
            "print(systemd.notify('X=1'), systemd.ready(), systemd.status('s'), systemd.watchdog())\n"
            "print(systemd.watchdog_usec(), systemd.listen_fds(), systemd.auto_ready(), systemd.auto_watchdog())\n")
    with Proc(binary, code, service_env()) as p:
        rc, out, err = p.finish()
    check((rc, out, err) == (0, "False False False False\n0 [] True False\n", ""), f"{rc} {out!r} {err!r}")


@test
def module_ready_status_notify(binary):
    """A script that signals readiness itself: nothing before its ready(),
    its STATUS= and other assignments as sent, READY=1 once."""
    code = """\
import sys, time, systemd
systemd.auto_ready(False)
time.sleep(0.4)
print(systemd.status('warming up')); sys.stdout.flush()
time.sleep(0.2)
print(systemd.ready())
systemd.notify('STATUS=running\\nEXTEND_TIMEOUT_USEC=1000000')
time.sleep(0.2)
for bad in ('a\\nb', 'nul\\x00'):
    try:
        systemd.status(bad)
    except ValueError as e:
        print('ValueError:', e)
"""
    with Listener() as ls, Proc(binary, code, service_env(NOTIFY_SOCKET=ls.address)) as p:
        msgs = ls.collect(1.2)
        rc, out, err = p.finish()
    texts = [m for _, _, m in msgs]
    want = ["STATUS=warming up", "READY=1", "STATUS=running\nEXTEND_TIMEOUT_USEC=1000000", "STOPPING=1"]
    check(texts == want, f"messages {texts}")
    check((rc, err) == (0, "") and out == ("True\nTrue\nValueError: status text must be one line\n"
                                           "ValueError: embedded null character\n"), f"{rc} {out!r} {err!r}")


@test
def module_own_watchdog_pings(binary):
    """auto_watchdog(False): only the script's own pings; watchdog_usec()
    tells the interval."""
    code = """\
import time, systemd
print(systemd.watchdog_usec(), systemd.auto_watchdog())
systemd.auto_watchdog(False)
for i in range(3):
    systemd.watchdog()
    time.sleep(0.3)
print(systemd.auto_watchdog())
"""
    with Listener() as ls, Proc(binary, code, service_env(NOTIFY_SOCKET=ls.address, WATCHDOG_USEC=200000)) as p:
        msgs = ls.collect(1.3)
        rc, out, err = p.finish()
    times, _ = intervals(msgs)
    check((rc, out, err) == (0, "200000 True\nFalse\n", ""), f"{rc} {out!r} {err!r}")
    check(len(times) == 3, f"expected the script's 3 pings only: {msgs}")


@test
def module_listen_fds(binary):
    """Socket activation: fd 3 (a listening socket systemd would pass) with
    its name, taken as a socket object that accepts and answers."""
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind("\0px-listen-test-%d" % os.getpid())
    srv.listen()
    code = ("import systemd, socket\n"
            "print(systemd.listen_fds(), systemd.listen_fd_names())\n"
            "lst = socket.socket(fileno=systemd.listen_fds()[0])\n"
            "print(lst.family == socket.AF_UNIX, lst.type == socket.SOCK_STREAM)\n"
            "conn, _ = lst.accept()\n"
            "conn.sendall(conn.recv(16).upper())\n"
            "conn.close()\n")
    # LISTEN_PID must be the service's pid: a shell that execs keeps its own
    cmd = ["/bin/sh", "-c", 'exec 3<&"$2"; LISTEN_PID=$$ exec "$0" -c "$1"', binary, code, str(srv.fileno())]
    env = service_env(LISTEN_FDS=1, LISTEN_FDNAMES="web")
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         pass_fds=(srv.fileno(),))
    reply = b""
    try:
        c = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        c.settimeout(10)
        c.connect("\0px-listen-test-%d" % os.getpid())
        c.sendall(b"hello")
        reply = c.recv(16)
        out, err = p.communicate(timeout=10)
        c.close()
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()
        srv.close()
    check((p.returncode, out, err, reply) == (0, "[3] ['web']\nTrue True\n", "", b"HELLO"),
          f"{p.returncode} {out!r} {err!r} {reply!r}")


@test
def doc_example_is_the_file(binary):
    """docs/services.md shows docs/examples/button-led.py as it is (the
    kernel bench runs that file: tests/kernel/tests/services_button_led.sh)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, "docs", "services.md"), encoding="utf-8") as f:
        doc = f.read()
    with open(os.path.join(root, "docs", "examples", "button-led.py"), encoding="utf-8") as f:
        example = f.read()
    check("```python\n" + example + "```\n" in doc, "docs/services.md's example differs from docs/examples/button-led.py")
