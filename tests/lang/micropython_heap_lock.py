# micropython.heap_lock/heap_unlock/heap_locked: while locked, allocation
# raises MemoryError; the locks nest and unlock returns the depth left.
import micropython


def ints(n):  # small ints and calls need no memory
    return n * 2 + 1


def fails():
    raise ValueError("no room for me")


a = "a"
print(micropython.heap_locked())
micropython.heap_lock()
print(micropython.heap_locked())
try:
    x = [1, 2, 3]
    print("allocated")
except MemoryError:
    print("MemoryError")
try:
    s = a * 100
except MemoryError:
    print("MemoryError")
print(ints(20))
micropython.heap_lock()
print(micropython.heap_locked())
print(micropython.heap_unlock())
try:
    d = {}
except MemoryError:
    print("still locked")
# an exception raised while locked becomes a MemoryError
try:
    fails()
except Exception as e:
    caught = e
print(micropython.heap_unlock())
print(micropython.heap_unlock())
print([1, 2, 3], a * 3)
print(type(caught).__name__, caught.args)
