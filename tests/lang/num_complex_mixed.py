# needs: complex
# complex where the int/float tests meet it: pow() with complex operands and
# moduli, reflected dunders, abs/divmod/bool, comparisons, json, literals'
# attributes (those tests stay complex-free so a build without it runs them)
import json


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print((-8) ** (1 / 3) == (-8) ** (1 / 3), (-1) ** 0.5 == (-1) ** 0.5, type((-1) ** 0.5).__name__)
for f in (lambda: pow("a", 2.0, 1j), lambda: pow(False, "x", -0.5j), lambda: pow(1j, "x", 2.0),
          lambda: pow(1j, 2, "x"), lambda: pow("x", 2, 1j), lambda: (1j).__pow__(2, 5),
          lambda: (1j).__pow__(2, None), lambda: pow(1j, 2, 5), lambda: pow(2, 1j, 5),
          lambda: pow(2.0, 1j, 5), lambda: pow(1j, 2.0, 5), lambda: pow(2, 3, 1j), lambda: pow(2, 3.0, 1j)):
    t(f)
print(abs(3 + 4j), bool(0j), bool(1j), not 0j, complex(True), complex(1, 2), 1j.imag)
t(lambda: divmod(1j, 2))
t(lambda: (-1.0) ** 0.5)
t(lambda: pow(-8, 1/3))
t(lambda: (-8) ** 0.5)
t(lambda: 1j < 2j)
t(lambda: json.dumps([1, 2j]))
print(1 + 2j, (1 + 2j) * 2, abs(3 + 4j), 1_0.5j, f'{3+4j}')
print(complex(imag=2), complex(real=1.5))
t(lambda: complex(1, 2, 3))


class C:
    def __complex__(self):
        return 1j


print(complex(C()))
for a in [0, 1, -1, 2**40, 2**61 - 1, 2**61, 10**30]:
    print(a == float(a) and hash(a) == hash(complex(a)))


# equal constants of other types stay distinct from complex ones
def consts():
    return (0, 0.0, -0.0, 0j, -0j, 1, 1.0, 1j, 1 + 0j)


for c in consts():
    print(type(c).__name__, repr(c))
