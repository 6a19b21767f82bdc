# needs: complex
# complex: construction, parsing, printing, arithmetic, attributes
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["1+2j", "1-2j", "-1.5e3-2.5e-3j", "j", "-j", "+j", "2j", "(1+2j)", " ( 1+2j ) ", "1", "-0",
          "inf+nanj", "-infj", "nanj", "1e500j", "1_0+2_0j", "1J", "1+J", "0x1+2j", "1+2", "1+2jj",
          "(1+2j", "1+2j)", "()", "", " ", "1 + 2j", "+1.-.5j", ".5j", "1e-2-1e-2j", "infinityj",
          "1+-2j", "--1", "j1", "1j+1", "(-0-0j)", "1_000j", "1__0j", "\t3j\n", "3 j", "(3j) "]:
    t(lambda: complex(s))
t(lambda: complex(1, 2))
t(lambda: complex(1.5))
t(lambda: complex(True, False))
t(lambda: complex(1j, 1j))
t(lambda: complex(1 + 2j, 3))
t(lambda: complex(2**70, -2**70))
t(lambda: complex(2**1100))
t(lambda: complex("1", 2))
t(lambda: complex(1, "2"))
t(lambda: complex(None))
t(lambda: complex([]))
t(lambda: complex(real=3, imag=4))
t(lambda: complex(imag=4))
t(lambda: complex())
class C:
    def __complex__(self):
        return 5j
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
t(lambda: complex(C()))
t(lambda: complex(F(), F()))
t(lambda: complex(I()))
for c in (0j, -0j, complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0), 1j, -1j, 1 + 0j, -1 - 0j,
          complex(1e16, 1e-5), complex(1.5, float("inf")), complex(float("nan"), -float("inf")),
          complex(123456789012345678, 0.1), complex(1e300, 1e300) * 10, 3 + 4j):
    print(repr(c), str(c), c.real, c.imag, c.conjugate(), abs(c) if c == c else "nan")
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a, a == 3 + 4j, a != b, a ** 2, a ** 0.5, a ** -1, a ** b, 2 ** a)
print((1j) ** 2, (0j) ** 0, 1j ** 1j, (-8 + 0j) ** (1 / 3), (2 + 0j) ** 10, (1 + 1j) ** 40)
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a / 2, 2 / a, a - True, a == 3, (3 + 0j) == 3, (3 + 0j) == 3.0)
t(lambda: a / 0)
t(lambda: a / 0j)
t(lambda: 0j ** -1)
t(lambda: 0j ** 1j)
t(lambda: a // 2)
t(lambda: a % 2)
t(lambda: divmod(a, 2))
t(lambda: a < b)
t(lambda: int(a))
t(lambda: float(a))
t(lambda: abs(complex(1e308, 1e308)))
t(lambda: complex(1e308, 1e308) * 2)
t(lambda: round(a))
t(lambda: a.real.is_integer())
t(lambda: hash(3 + 0j) == hash(3))
t(lambda: (1e200j) * (1e200j))
t(lambda: complex(2, 3) / complex(1e-320, 1e-320))
t(lambda: 1e300j / 1e-300j)
t(lambda: (1+2j) ** 3)
t(lambda: (1+2j) ** 3.0)
t(lambda: (1+2j) ** 2**70)
print(format(1 + 2j), format(1 + 2j, ">12"), format(-1.5 - 0.25j, ".2f"), format(1j, "e"), format(1e20j, "g"))
print("{:^20.3}|{:+}|{:10}|{:10}|{:,}".format(1 / 3 + 2j / 3, 1 + 1j, 1 - 1j, 1.5 + 0j, 12345.678j))
for s in ['_1', '1_', '1_.5j', '1_0x', '(1_0j)', '1_0+2_j', 'a_b', ' 1_0 j', '1e1_0j', '1.5_5j', '1j_']:
    t(lambda: complex(s))
# complex ** : domain errors and overflow as CPython reports them
inf = float("inf")
nan = float("nan")
for x in (0j, 1j, -5 + 0j, complex(1e200, 1e200), complex(inf, 0), complex(nan, 1), 2 + 3j, complex(-0.0, 0), 1e-200 + 0j):
    row = []
    for y in (0j, 1, -1, 2, -2, 0.5, 1j, complex(-inf, 1), complex(inf, 0), 200, 101, -101, 1e300, complex(0, inf), complex(nan, 0)):
        try:
            row.append(repr(x ** y))
        except (ZeroDivisionError, OverflowError) as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(row)
# format(): alternate form keeps the point; any '0' fill is refused
for c in (1+2j, -0.5j, complex(-0.0, 0.0), 1e16j, complex(1e20, 1e-7), 0j, complex(0.0, -0.0), 2.5+0j):
    print(format(c, '#'), format(c, '#.3'), format(c, '+#'), format(c, '#10'), format(c, '#g'), format(c, '#.0e'), format(c, '#.0f'))
for s in ("0>8", "0<8", "08", "0=8", "*=8", "x^20.3f", "0^3"):
    t(lambda: format(1 + 2j, s))
