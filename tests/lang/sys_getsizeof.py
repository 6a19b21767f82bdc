# sys.getsizeof: the bytes an object takes; containers count their storage.
import sys

small = sys.getsizeof(1)
print(type(small).__name__, small > 0)
print(sys.getsizeof([0] * 1000) > sys.getsizeof([]))
print(sys.getsizeof(bytearray(5000)) >= 5000)
print(sys.getsizeof({i: i for i in range(500)}) > sys.getsizeof({}))
print(sys.getsizeof(set(range(500))) > sys.getsizeof(set()))
print(sys.getsizeof("x" * 3000) >= 3000)
print(sys.getsizeof(b"y" * 3000, 0) >= 3000)
try:
    sys.getsizeof()
except TypeError:
    print("TypeError")
