# A stream written in Python, derived from io.IOBase, waited on with
# select.poll: ioctl(MP_STREAM_POLL, events) says what is ready (the way
# asyncio's ThreadSafeFlag works), a fileno() of its own gives a
# descriptor to wait on. MicroPython only (CPython polls descriptors).
import io
import micropython
import os
import select

MP_STREAM_POLL = 3


class Flag(io.IOBase):
    def __init__(self):
        self.state = False
        self.asked = []

    def ioctl(self, req, arg):
        self.asked.append((req, arg))
        if req == MP_STREAM_POLL:
            return arg & select.POLLIN if self.state else 0
        return -1

    def set(self, _=None):
        self.state = True


f = Flag()
p = select.poll()
p.register(f, select.POLLIN)
print(p.poll(0), f.asked[-1] == (MP_STREAM_POLL, select.POLLIN))
f.set()
print(p.poll(0) == [(f, select.POLLIN)])

# set from a scheduled callback while poll waits: the wait ends
g = Flag()
p2 = select.poll()
p2.register(g, select.POLLIN)
micropython.schedule(g.set, None)
print(p2.poll(5000) == [(g, select.POLLIN)])
print([ev for obj, ev in p2.ipoll(0)] == [select.POLLIN])
p2.unregister(g)
print(p2.poll(0))


# a descriptor of its own (/dev/null reads are always ready)
class FileReader(io.IOBase):
    def __init__(self, f):
        self.f = f

    def fileno(self):
        return self.f.fileno()

    def readinto(self, buf):
        return self.f.readinto(buf)


null = open("/dev/null", "rb")
fr = FileReader(null)
p3 = select.poll()
p3.register(fr, select.POLLIN)
print(p3.poll(0) == [(fr, select.POLLIN)])
print(fr.readinto(bytearray(4)))
null.close()


# print() and other writers reach a Python stream's write()
class Collect(io.IOBase):
    def __init__(self):
        self.out = []

    def write(self, b):
        self.out.append(b)
        return len(b)


c = Collect()
print("to", "the", "stream", file=c)
print("".join(c.out), end="")
