# needs: complex
# cmath: values to 12 significant digits (CPython evaluates several of
# these with its own formulas, which may differ from the C library's in
# the last bit), exact results where the answer is exact, and CPython's
# errors.
import cmath
import math

def show(z):
    if isinstance(z, tuple):
        return "(" + ", ".join(show(x) for x in z) + ")"
    if isinstance(z, complex):
        return "(%.12g %+.12gj)" % (z.real, z.imag)
    return "%.12g" % z

print(cmath.pi == math.pi, cmath.e == math.e, cmath.tau == math.tau, cmath.inf, cmath.nan)
print(cmath.infj, cmath.nanj, type(cmath.infj).__name__)

zs = [0.5 + 0.25j, -1.5 + 2j, 3 - 4j, -0.75 - 0.5j, 2j, -3, 0.25, 1e-5 + 30j]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
         "asin", "acos", "atan", "asinh", "acosh", "atanh", "phase", "polar"]
for name in names:
    f = getattr(cmath, name)
    print(name, " ".join(show(f(z)) for z in zs))

print(show(cmath.log(8, 2)), show(cmath.log(1j, 1 + 1j)), show(cmath.log(-1, 10)))
for r, phi in [(1, 0), (2, math.pi / 2), (3, -math.pi / 4), (1, math.pi), (0, 1.0), (-2, 0.5)]:
    print(r, phi, show(cmath.rect(r, phi)))

# exact answers
print(cmath.sqrt(-4), cmath.sqrt(4), cmath.sqrt(0), cmath.sqrt(-0.0), cmath.exp(0), cmath.log(1))
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.phase(1j), cmath.polar(-2), cmath.rect(2, 0))
print(cmath.sin(0j), cmath.cos(0j), cmath.sinh(0j), cmath.cosh(0j), cmath.tanh(0j), cmath.tan(-0j))
print(cmath.tan(1 + 0j).real == math.tan(1), cmath.tanh(0.5 + 0j).real == math.tanh(0.5))
print(cmath.exp(1 + 0j).real == math.exp(1), cmath.sqrt(2 + 0j).real == math.sqrt(2))

# identities to near the last bit
for z in zs:
    print(cmath.isclose(cmath.exp(cmath.log(z)), z, rel_tol=1e-13),
          cmath.isclose(cmath.sqrt(z) ** 2, z, rel_tol=1e-13, abs_tol=1e-300),
          cmath.isclose(cmath.sin(z) ** 2 + cmath.cos(z) ** 2, 1, rel_tol=1e-9, abs_tol=1e-9))

# special values and classification
inf, nan = math.inf, math.nan
def attempt(f, z):
    try:
        return f(z)
    except ValueError as e:
        return "ValueError: " + str(e)

for z in [complex(inf, 0), complex(-inf, 1), complex(0, inf), complex(nan, 0), complex(1, nan), complex(inf, inf)]:
    print(z, cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z), attempt(cmath.sqrt, z), attempt(cmath.exp, z),
          attempt(cmath.log, z))
print(cmath.isfinite(1), cmath.isinf(1e308), cmath.isnan(2.5), cmath.isclose(1, 1 + 1e-10j))
print(cmath.isclose(1j, 1.00000001j), cmath.isclose(0, 1e-10j, abs_tol=1e-9), cmath.isclose(inf, inf))

class C:
    def __complex__(self):
        return 1 + 1j

class F:
    def __float__(self):
        return 4.0

print(cmath.sqrt(C()) == cmath.sqrt(1 + 1j), cmath.sqrt(F()), cmath.phase(True), cmath.exp(2 ** 5).imag)

for f, args in [(cmath.log, (0,)), (cmath.log10, (0j,)), (cmath.atanh, (1,)), (cmath.atanh, (-1 + 0j,)),
                (cmath.exp, (1000,)), (cmath.exp, (complex(1000, 1),)), (cmath.cosh, (1000,)),
                (cmath.sinh, (complex(-1000, 2),)), (cmath.sin, (complex(inf, 0),)),
                (cmath.cos, (complex(inf, 1),)), (cmath.sqrt, ("x",)), (cmath.exp, (None,)),
                (cmath.log, (1, 1)), (cmath.polar, (complex(1e308, 1e308),)), (cmath.rect, (1, inf)),
                (cmath.rect, (inf, inf)), (cmath.rect, ("a", 1)), (cmath.isclose, (1, 1j),)]:
    try:
        r = f(*args)
        print(f.__name__, args, r if isinstance(r, bool) else show(r))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(f.__name__, args, type(e).__name__, e)
try:
    cmath.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)

# branch cuts: the sign of a zero imaginary (or real) part picks the side
for fname in ["sqrt", "log", "asin", "acos", "atan", "asinh", "acosh", "atanh"]:
    f = getattr(cmath, fname)
    out = []
    for z in [complex(-2, 0.0), complex(-2, -0.0), complex(2, 0.0), complex(2, -0.0), complex(0.0, 2), complex(-0.0, 2), complex(0.0, -2), complex(-0.0, -2)]:
        try:
            w = f(z)
            out.append("(%.12g %+.12gj)" % (w.real, w.imag))
        except ValueError:
            out.append("ValueError")
    print(fname, " ".join(out))
