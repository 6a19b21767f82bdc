# A script that watches its own logic: it pings the watchdog itself, three
# times, and then its "logic" hangs (it goes on sleeping without pinging),
# so systemd kills it (Result=watchdog) and restarts it.
import time
import systemd

systemd.auto_watchdog(False)
systemd.ready()
for i in range(3):
    systemd.watchdog()
    time.sleep(0.5)
print("hang: no more pings")
while True:
    time.sleep(1)
