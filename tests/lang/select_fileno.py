# needs: float
# Objects with a fileno() method can be polled; the reported object
# differs (MicroPython reports the registered object, CPython its fd), so
# only the events are printed here.
import select


class Src:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return "Src(%d)" % self.fd


p = select.poll()
a = Src(0)
p.register(a, select.POLLIN)
print([ev for obj, ev in p.poll(0)])
p.modify(a, 0)
print(p.poll(0))
p.unregister(a)
print(p.poll(0))


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


class Bad:
    def fileno(self):
        return "zero"


class Negative:
    def fileno(self):
        return -1


class Raises:
    def fileno(self):
        raise OSError(9, "closed")


show(lambda: p.register(Bad()))
show(lambda: p.register(Negative()))
show(lambda: p.register(Raises()))
print(p.poll(0))

# select.select returns the objects themselves
print(select.select([a], [Src(1)], [], 0))
print(select.select([0, a], [], [], 0.01))
print(select.select((), [], [], 0))
print(select.select([], [], [], 0.001))
show(lambda: select.select([], [], [], -1))
show(lambda: select.select([], [], [], "x"))
show(lambda: select.select(1, [], []))
show(lambda: select.select([None], [], [], 0))
show(lambda: select.select([-1], [], [], 0))

# the console streams have fileno()
import sys

p = select.poll()
p.register(sys.stdin, select.POLLIN)
print([ev for obj, ev in p.poll(0)])
p.unregister(0)  # the same fd: the same entry
print(p.poll(0))
r, w, x = select.select([sys.stdin], [sys.stdout], [], 0)
print(r[0] is sys.stdin, w[0] is sys.stdout, x)
