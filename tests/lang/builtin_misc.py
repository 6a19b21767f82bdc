# needs: float
# misc builtins available from the builtins module
import builtins
print(builtins.len("ab"), builtins.__name__)
print(NotImplemented, Ellipsis, ... is Ellipsis, type(None).__name__, type(...).__name__)
print(type(NotImplemented).__name__)
print(divmod(7, 2), pow(2, 10), round(2.5), bin(5), oct(8), hex(255))
print(chr(65), ord("A"), format(3.14159, ".2f"), ascii("é"))
print(sorted([3, 1, 2]), min(1, 2), max([4, 5]), sum([1, 2]), any([0, 1]), all([1, 0]))
print(list(enumerate("ab")), list(zip([1, 2], "xy")), list(map(str, [1, 2])), list(filter(None, [0, 1])))
print(list(reversed([1, 2, 3])), next(iter([9])))
print(type(bool), bool(1), bytes(2), bytearray(b"a"), float("1.5"), int("7"))
print(frozenset([1]) == frozenset([1]), list(range(3)), slice(1, 2), str(5), tuple([1]), set([2]))
print(object().__class__.__name__, type(property()).__name__, super.__name__)
print(staticmethod.__name__, classmethod.__name__, memoryview(b"ab")[0])
import sys
print(type(__import__("sys")) is type(sys))
print(__build_class__ is not None)
