# The demo service: micropython@demo runs /etc/micropython/demo.py.
import sys, time
import systemd

print("demo: started")
print("demo: an error line", file=sys.stderr)
n = 0
try:
    while True:
        n += 1
        systemd.status("tick %d" % n)
        time.sleep(0.5)
finally:
    print("demo: stopped after", n, "ticks")
