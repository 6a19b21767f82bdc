# needs: float
# micropython.stack_use: the C stack in use, which grows with nesting;
# kbd_intr and alloc_emergency_exception_buf check their arguments.
import micropython

base = micropython.stack_use()
print(type(base).__name__, base > 0)


def nest(n):
    if n == 0:
        return micropython.stack_use()
    return nest(n - 1)


print(nest(0) >= base)
# a call from C (a key function) nests the C stack
print(max(map(lambda v: micropython.stack_use(), [1])) > base)

print(micropython.alloc_emergency_exception_buf(100))
for bad in (-1, "x"):
    try:
        micropython.alloc_emergency_exception_buf(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
print(micropython.kbd_intr(3))  # not a terminal: nothing to change
for bad in (256, -2, 1.5):
    try:
        micropython.kbd_intr(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
