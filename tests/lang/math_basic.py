# needs: bigint
# math: the float functions on ordinary arguments. Exact results are
# compared bit for bit; the C library's transcendental functions to 12
# significant digits, because the 32-bit build's libm (x87 code on i386)
# rounds a few of them differently from the 64-bit CPython the tests
# compare with. (On the same libm, the results are CPython's bits.)
import math

def g(x):
    return "%.12g" % x if isinstance(x, float) else x

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.pi).__name__, math.pi == 3.141592653589793, math.tau == 2 * math.pi)

xs = [0.0, -0.0, 0.1, 0.5, 1.0, 2.0, 3.5, 10.0, 123.456, 1e-300, 5e-324]
names = ["sin", "cos", "tan", "asinh", "atan", "sinh", "cosh", "tanh", "exp", "exp2",
         "expm1", "log1p", "sqrt", "cbrt", "erf", "erfc", "fabs", "degrees", "radians"]
for name in names:
    f = getattr(math, name)
    exact = name in ("sqrt", "fabs", "degrees", "radians")
    print(name, [f(x) if exact else g(f(x)) for x in xs] + [f(-x) if exact else g(f(-x)) for x in xs if name not in ("sqrt", "log1p")])

for x in [0.1, 0.5, 1.0, 2.0, 10.0, 1e10, 1e-10, 123.456]:
    print(x, g(math.log(x)), g(math.log2(x)), g(math.log10(x)), g(math.acosh(x + 1)))
for x in [-1.0, -0.5, 0.0, 0.25, 0.9, 1.0]:
    print(x, g(math.asin(x)), g(math.acos(x)), g(math.atanh(x * 0.99)))

# ints and bools are accepted wherever a float is
print(math.sqrt(16), g(math.exp(True)), g(math.sin(2 ** 60)), math.fabs(-3))

pairs = [(1.0, 2.0), (-1.0, 2.0), (0.0, 3.0), (-0.0, 1.0), (3.0, -7.5), (1e300, 1e-300)]
for x, y in pairs:
    print(x, y, g(math.atan2(x, y)), math.copysign(x, y), math.fmod(x, y), math.remainder(x, y),
          g(math.pow(abs(x), y)), math.nextafter(x, y))
print(math.pow(2, 10), math.pow(2.0, -1), math.pow(-2.0, 3), math.pow(0.0, 0.0))

print(g(math.log(8, 2)), g(math.log(100, 10)), g(math.log(2, 0.5)), g(math.log(1024, 2.0)))
print(math.log(True), math.log2(1), math.log10(1000))

print(math.frexp(0.0), math.frexp(-0.0), math.frexp(1.0), math.frexp(-1e300), math.frexp(5e-324))
print(math.ldexp(0.75, 4), math.ldexp(1, -1074), math.ldexp(1.0, -1075), math.ldexp(-1.5, True))
print(math.modf(3.25), math.modf(-3.25), math.modf(0.0), math.modf(1e300))
print(math.ulp(1.0), math.ulp(-3.5), math.ulp(0.0), math.ulp(1e308), math.ulp(5e-324))
print(math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0))

for x in [0.5, 1.5, 2.5, -0.5, -1.5, 1e20, -7.0]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)

# a few known values
print(math.sin(0) == 0, math.cos(0) == 1, math.exp(0) == 1, math.log(1) == 0)
print(math.sqrt(2) * math.sqrt(2), math.hypot(3, 4), math.degrees(math.pi), math.radians(180) == math.pi)
print(math.log2(1024), math.log10(1e-5), math.exp2(10), g(math.cbrt(27)), math.pow(3, 4))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1e308),
      math.isnan(math.nan), math.isnan(0.0), math.isfinite(10 ** 300))
