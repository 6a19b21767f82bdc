# MicroPython's select.poll: the registered object comes back in results,
# the default event mask is POLLIN | POLLOUT, ipoll() with one-shot flags.
import select


class Src:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return "Src(%d)" % self.fd


p = select.poll()
a, b = Src(0), Src(1)
p.register(a)  # POLLIN | POLLOUT: /dev/null reports both
p.register(b, select.POLLOUT)
print(p.poll(0))

# ipoll: the poll object is the iterator; the tuple is reused
it = p.ipoll(0)
print(it is p)
seen = [(obj, ev) for obj, ev in it]
print(seen)
t1 = None
for t in p.ipoll(0):
    if t1 is None:
        t1 = t
    else:
        print(t is t1)

# one-shot: ready entries get mask 0 until modify()
print([(o, e) for o, e in p.ipoll(0, 1)])
print(p.poll(0))
p.modify(a, select.POLLIN)
print(p.poll(0))

# unregistering inside an ipoll loop skips nothing
p.modify(b, select.POLLOUT)
got = []
for obj, ev in p.ipoll(0):
    got.append(obj)
    p.unregister(obj)
print(got, p.poll(0))

# the same object registered twice is one entry
p.register(a, select.POLLIN)
p.register(a, select.POLLIN)
print(p.poll(0))
