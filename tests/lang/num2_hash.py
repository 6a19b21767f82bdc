# needs: complex
# hash() of numbers follows CPython's numeric hash: modulus M = 2**61-1 on
# 64-bit (2**31-1 on 32-bit), equal numbers hash alike.
import sys
BITS = 64 if sys.maxsize > 2**32 else 32
M = 2**61 - 1 if BITS == 64 else 2**31 - 1

def fix(h):
    return -2 if h == -1 else h

def wrap(h):  # to a signed machine word, as Py_hash_t arithmetic wraps
    h %= 2**BITS
    return h - 2**BITS if h >= 2**(BITS - 1) else h

def want_int(v):
    return fix(-(-v % M) if v < 0 else v % M)

def want_float(x):
    if x in (float("inf"), float("-inf")):
        return 314159 if x > 0 else -314159
    n, d = x.as_integer_ratio()
    h = (abs(n) % M) * pow(d % M, M - 2, M) % M
    return fix(-h if x < 0 else h)

def want_complex(c):
    return fix(wrap(want_float(c.real) + 1000003 * want_float(c.imag)))

ints = [0, 1, -1, -2, 2**31 - 1, 2**31, -2**31, 2**49, 2**50, -2**49 - 1, 2**60, 2**61 - 2, 2**61 - 1,
        2**61, 2**62, 2**63 - 1, 2**63, -2**63, 2**64, 2**64 - 1, -(2**64), 2**100, -(2**100),
        10**30, 3**200, -(7**300), 2**1000, 2**1000 + 1, (2**61 - 1) * 12345, -(2**61 - 1),
        2**30, -2**30, 2**30 - 1, 2**32 - 1]
print([hash(v) == want_int(v) for v in ints])
print(hash(True), hash(False))
floats = [0.0, -0.0, 0.5, -0.5, 1.5, 0.1, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, -2.5,
          2.0**61, 2.0**61 - 2**9, 2.0**62, 2.0**100, -2.0**100, 1e16, 3.14159, 123456789.125,
          float("inf"), float("-inf"), 2.0**31, -2.0**31, 2.0**30, 1e-5]
print([hash(x) == want_float(x) for x in floats])
cs = [0j, 1j, -1j, 1 + 1j, 2.5 - 3j, complex(1e300, 1e-300), complex(float("inf"), 0),
      complex(2**61, 1), complex(-1, 0), complex(0, -2**60), complex(0.1, 0.2), complex(-1e10, 7)]
print([hash(c) == want_complex(c) for c in cs])
# equal numbers hash alike, and as dict keys they collapse
for a, b in [(1, 1.0), (True, 1), (False, 0.0), (2**70, 2.0**70), (-2**100, -2.0**100),
             (0.5, complex(0.5, 0)), (2**1000, float(2**1000)), (-1, -1.0 + 0j), (2**40, 2.0**40)]:
    print(a == b, hash(a) == hash(b))
d = {}
for k in (1, 1.0, True, 1 + 0j, 2**64, 2.0**64, 0, -0.0, False, 2**40, 2.0**40 + 0j):
    d[k] = repr(k)
print(sorted(d.values()))
print(hash(-1) == hash(-2), hash(M) == hash(0), hash(-M) == 0)
# __hash__ results: kept if they fit a machine word, else reduced as an int
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
for v in (5, -1, 2**40, -(2**40), 2**62, 2**100, -(2**100), True):
    h = hash(H(v))
    print(h == (want_int(v) if abs(v) >= 2**(BITS - 1) else fix(int(v))))
class B(int):
    pass
print(hash(B(2**100)) == hash(2**100), hash(B(-1)))
class F(float):
    pass
print(hash(F(0.1)) == hash(0.1))
