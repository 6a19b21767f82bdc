# needs: complex
# abs, divmod, pow, int(), float(), bool() construction and errors
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in (0, -0.0, -5, 5, -2**49, -2**100, True, False, -1.5, float("-inf"), float("nan"), 3 - 4j, -0j):
    t(lambda: abs(v))
t(lambda: abs("x"))
t(lambda: abs())
class A:
    def __abs__(self):
        return "abs!"
t(lambda: abs(A()))
# divmod sign rules for ints and floats
for a in (7, -7, 7.5, -7.5, 0.0, -0.0, 2**65 + 3, -(2**65) - 3):
    for b in (2, -2, 0.5, -0.5, 3.25, float("inf"), float("-inf"), 2**64):
        t(lambda: (divmod(a, b), a // b, a % b))
for a, b in ((1, 0), (1.0, 0), (1, 0.0), (0.0, 0.0), (float("inf"), 1), (float("nan"), 2), (5, float("nan"))):
    t(lambda: divmod(a, b))
    t(lambda: a % b)
    t(lambda: a // b)
t(lambda: divmod(-1e-300, 1e300))
t(lambda: -1e-300 % 1e300)
t(lambda: (-0.0) % 5)
t(lambda: 0.0 % -5)
t(lambda: 6.0 % -3)
t(lambda: -6.0 % 3)
t(lambda: divmod(1, 0.1))
t(lambda: 1 // 0.1)
t(lambda: 1 % 0.1)
t(lambda: divmod("a", 1))
t(lambda: divmod(1j, 1))
# pow
for a in (2, -2, 0, 2.0, -2.0, 0.0, -0.0, 1.0, -1.0, float("inf"), float("-inf"), float("nan")):
    for b in (0, 1, -1, 2, 3, -3, 0.5, -0.5, 1e300, -1e300, float("inf"), float("-inf"), float("nan")):
        t(lambda: pow(a, b))
t(lambda: pow(10.0, 400))
t(lambda: pow(-10.0, 401))
t(lambda: 10.0 ** -400)
t(lambda: pow(2, 0.5, 3))
t(lambda: pow(base=2, exp=10))
t(lambda: pow(2, 10, mod=1000))
t(lambda: pow(2, exp=-1, mod=5))
t(lambda: pow(2))
t(lambda: pow("2", 2))
t(lambda: pow(True, True))
t(lambda: pow(-2, 0.5))
t(lambda: pow(-2.0, 1.5))
t(lambda: pow(-8.0, 1 / 3))
# int() construction
class I:
    def __int__(self):
        return 42
class X:
    def __index__(self):
        return 7
class T:
    def __trunc__(self):
        return 9
class Bad:
    def __int__(self):
        return "no"
for v in (3.99, -3.99, "  12  ", b"34", bytearray(b"56"), True, I(), X(), T(), Bad(), None, [], 1j, "1.5", "", 2**70):
    t(lambda: int(v))
t(lambda: int())
t(lambda: int(x=1))
t(lambda: int("10", base=2))
t(lambda: int(10, 10))
t(lambda: int("10", X()))
t(lambda: int("10", 2**70))
t(lambda: type(int(True)))
# float() construction
class FL:
    def __float__(self):
        return 1.25
class FX:
    def __index__(self):
        return 3
class FB:
    def __float__(self):
        return 1
for v in (3, -2**70, 2**2000, "  1.5  ", " -inf", "nan", "1e", b"2.5", bytearray(b"3"), True, FL(), FX(), FB(),
          None, [], 1j, "", "1_5", "0x10", "١"):
    t(lambda: float(v))
t(lambda: float())
t(lambda: float(x=1))
t(lambda: float("infinity") == float("inf"))
t(lambda: float(" \t\n 7 \r"))
t(lambda: bool(0.0) or bool(0j) or bool(-0.0) or bool(0))
t(lambda: (bool(1e-300), bool(1j), bool(float("nan")), bool(2**100)))
t(lambda: int.__new__(int, 5))
t(lambda: float.__new__(float, "2"))
# Unicode decimal digits and spaces are accepted by int(), float() and complex()
for s in ['5\x1c', '\x1f5', '5\x85', '\u30005\u2003', '\uff15', '\U0001d7d3', '1\u00a0', '\u0661_\u0662', '0x\u0661',
          '\u0663\u0664', '-\u0969\u096a.\u096b', '\u0e51e\u0e52', '\u00b2', '\u2163', '\u0661\u066b\u0662']:
    for f in (int, float, complex):
        t(lambda: f(s))
t(lambda: int('\u0661\u0660', 16))
t(lambda: int('0x\u0661', 16))
t(lambda: int(b'\xd9\xa1'))
