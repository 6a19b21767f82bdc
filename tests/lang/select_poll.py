# needs: float
# select.poll on descriptors every Linux host has: the tests run with
# stdin = /dev/null (always readable) and stdout a pipe or file (writable).
import select

print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLPRI, select.POLLNVAL)

p = select.poll()
print(p.poll(0))
p.register(0, select.POLLIN)
print(p.poll(0))
print(p.poll())
print(p.poll(-1))
print(p.poll(None))
print(p.poll(0.5))

# registering again modifies
p.register(0, 0)
print(p.poll(0))
p.modify(0, select.POLLIN)
print(p.poll(0))

p.register(1, select.POLLOUT)
print(sorted(p.poll(0)))
p.unregister(0)
print(p.poll(0))
p.unregister(1)
print(p.poll(0))

# a descriptor that is not open
p.register(9999, select.POLLIN)
print(p.poll(0))
p.unregister(9999)


def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: p.unregister(0))
show(lambda: p.modify(0, select.POLLIN))
try:
    p.modify(0, select.POLLIN)
except OSError as e:
    print("errno", e.errno)
show(lambda: p.register(-1))
show(lambda: p.register(None))
show(lambda: p.register("abc"))
show(lambda: p.register(0, -1))
show(lambda: p.register(0, 1 << 16))
show(lambda: p.register(1 << 40))
show(lambda: p.poll("x"))
show(lambda: p.poll(float("nan")))
print(p.poll(0))
