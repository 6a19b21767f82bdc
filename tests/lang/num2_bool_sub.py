# needs: complex
# bool as an int subclass; subclasses of int/float/complex
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

T, F = True, False
print(T + T, T - F, T * 3, -T, +T, ~T, ~F, abs(-T), abs(T), T / 2, T // 2, T % 2, T ** 10, T << 3, T >> 1)
print(T & T, T | F, T ^ T, F ^ T, T & 1, 1 | F, T & 3, type(T & T).__name__, type(T & 1).__name__, type(T + T).__name__)
print(divmod(T, 2), pow(T, 2), round(T), hash(T), int(T), float(F), complex(T), T.real, T.imag, T.numerator, T.denominator)
print(T == 1, T == 1.0, T == 1 + 0j, F == 0, T is True, T > F, max(T, F), sum([T, T, T]), T.bit_length(), T.to_bytes(1, "big"))
print(str(T), repr(F), format(T), format(T, ""), format(T, "d"), format(T, ">6"), format(T, "^7"), format(F, "x"), f"{T:5}|{F!s:>6}|{T:.1f}")
print("%s %d %r %x %.1f" % (T, T, F, T, T), bool(), bool(0), bool(""), bool([0]), bool(0.0), bool(-0.0), bool(0j))
print(isinstance(T, int), issubclass(bool, int), bool.__mro__, bool.__base__, T.__class__, T.as_integer_ratio())
t(lambda: type("B", (bool,), {}))
t(lambda: bool(1, 2))
t(lambda: bool(x=1))
class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % self
class MyFloat(float):
    pass
class MyComplex(complex):
    pass
a = MyInt(7)
print(a, repr(a), str(a), a + 1, type(a + 1).__name__, type(-a).__name__, type(abs(a)).__name__, a * 2.5, a // 2, a ** 2)
print(hash(a) == hash(7), a == 7, {a: 1}[7], int(a), type(int(a)).__name__, format(a, "04d"), "%d" % a, f"{a}", f"{a!r}")
b = MyInt("ff", 16)
print(b, int.__new__(MyInt, "11", 2), MyInt(), MyInt(3.9), type(MyInt.from_bytes(b"\x01", "big")).__name__)
print(a.bit_length(), a.to_bytes(2, "little"), a.real, type(a.real).__name__, a.conjugate(), type(a.numerator).__name__)
f = MyFloat(2.5)
print(f, repr(f), f + 1, type(f + 1).__name__, type(-f).__name__, f.is_integer(), f.hex(), MyFloat.fromhex("0x1p3"),
      type(MyFloat.fromhex("0x1p3")).__name__, round(f), hash(f) == hash(2.5), MyFloat("1e3"), MyFloat(), format(f, ".3f"))
c = MyComplex(1, 2)
print(c, repr(c), c + 1, type(c + 1).__name__, c.real, c.imag, c.conjugate(), type(c.conjugate()).__name__, abs(c), MyComplex("3j"))
class IntLike:
    def __index__(self):
        return 3
print([1, 2, 3, 4][IntLike()], bin(IntLike()), range(10)[IntLike()], (5).__index__(), int(IntLike()))
t(lambda: int.__add__(1, 2.0))
t(lambda: int.__add__(1, True))
t(lambda: int.__truediv__(1, 2))
t(lambda: (5).__rtruediv__(2))
t(lambda: (5).__rsub__(2))
t(lambda: (5).__rlshift__(2))
t(lambda: (5).__divmod__(2))
t(lambda: (5).__rdivmod__(2))
t(lambda: (5).__pow__(2, 3))
t(lambda: (5).__rpow__(2))
t(lambda: (5).__bool__())
t(lambda: (5).__neg__())
t(lambda: (5).__invert__())
t(lambda: (5).__abs__())
t(lambda: (5).__and__(3.0))
t(lambda: (5).__lt__(5.5))
t(lambda: (5).__eq__(5.0))
t(lambda: (2.0).__eq__(2))
t(lambda: (2.0).__lt__("a"))
