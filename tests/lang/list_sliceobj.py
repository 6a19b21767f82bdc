# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2), slice("a", [1], None))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(10), slice(3, None, -2).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) != slice(1, 3), slice(1, 2, None) == slice(1, 2))
try:
    slice(None, None, 0).indices(3)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1).indices(-1)
except ValueError as e:
    print("ValueError", e)
a = list(range(10))
print(a[s], a[slice(None, None, -3)], (1, 2, 3)[slice(1, None)], "hello"[slice(None, None, 2)])
class Idx:
    def __index__(self):
        return 2
print(a[Idx()], a[Idx():], a[:Idx()], (5, 6, 7)[Idx()], range(5)[Idx()])
print(type(s).__name__, isinstance(s, slice))
x = list(range(6))
x[slice(0, 6, 2)] = "abc"
del x[slice(1, 3)]
print(x)
