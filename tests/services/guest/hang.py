# A script that watches its own logic: on its first run it pings the
# watchdog itself, three times, and then its "logic" hangs (it goes on
# sleeping without pinging), so systemd kills it (Result=watchdog) and
# restarts it. The restarted run (its state directory remembers the first)
# leaves the pings to the interpreter and stays up.
import time
import systemd

MARK = "/var/lib/micropython/hang/first-run-done"
try:
    open(MARK).close()
    first = False
except OSError:
    open(MARK, "w").close()
    first = True
print("hang: first run" if first else "hang: restarted")
if first:
    systemd.auto_watchdog(False)
    systemd.ready()
    for i in range(3):
        systemd.watchdog()
        time.sleep(0.5)
    print("hang: no more pings")
while True:
    time.sleep(1)
