# MicroPython's stream readinto(buf[, nbytes]) on files (text ones too),
# and select.poll over files: read-ahead counts as input, a file closed
# while registered is POLLNVAL, and Python objects with ioctl().
import os, select, micropython

path = "/tmp/px-readinto-" + "".join("%02x" % b for b in os.urandom(6))
with open(path, "wb") as f:
    f.write(b"0123456789")

with open(path, "rb") as f:
    buf = bytearray(8)
    print(f.readinto(buf, 3), buf)
    print(f.readinto(buf), buf)
    print(f.readinto(buf, 100), buf)
    print(f.readinto(memoryview(buf)[2:4]), buf)
with open(path, "rb", buffering=0) as f:
    buf = bytearray(4)
    print(f.readinto(buf, 2), buf)
    print(f.readinto(buf), buf)
with open(path) as f:
    buf = bytearray(5)
    print(f.readinto(buf), buf, f.read())

p = select.poll()
f = open(path)
p.register(f, select.POLLIN)
print([ev for obj, ev in p.poll(0)] == [select.POLLIN], p.poll(0)[0][0] is f)
f.close()
print(p.poll(0)[0][1] == select.POLLNVAL)
p.unregister(f)
try:
    p.register(f)
except ValueError as e:
    print("ValueError", e)


class Flag:
    # MicroPython's stream protocol: ioctl(3 = MP_STREAM_POLL, events)
    def __init__(self):
        self.ready = 0
        self.asked = 0

    def ioctl(self, req, arg):
        self.asked += 1
        return arg & self.ready if req == 3 else -1


flag = Flag()
p = select.poll()
p.register(flag, select.POLLIN | select.POLLOUT)
print(p.poll(0), flag.asked > 0)
flag.ready = select.POLLOUT
print(p.poll(0)[0][1] == select.POLLOUT)
flag.ready = 0
micropython.schedule(lambda _: setattr(flag, "ready", select.POLLIN), None)
print(p.poll(5000)[0][1] == select.POLLIN)
print(select.select([flag], [], [], 0)[0] == [flag])
os.remove(path)
