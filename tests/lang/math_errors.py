# needs: bigint
# math: domain and range errors, and arguments of the wrong type, with
# CPython's exception types and messages.
import math

inf, nan = math.inf, math.nan
cases = [
    (math.sqrt, (-1,)), (math.sqrt, (-inf,)), (math.log, (0,)), (math.log, (-1.5,)),
    (math.log, (0.0,)), (math.log, (-0.0,)), (math.log2, (0,)), (math.log10, (-1,)),
    (math.log1p, (-1,)), (math.log1p, (-2,)), (math.log, (1, 1)), (math.log, (2, 0)),
    (math.log, (2, -3)), (math.log, (-(10 ** 400),)), (math.log, (0, 10)),
    (math.exp, (1000,)), (math.exp2, (2000,)), (math.expm1, (1000,)), (math.cosh, (1000,)),
    (math.sinh, (-1000,)), (math.acos, (2,)), (math.asin, (-1.5,)), (math.acosh, (0.5,)),
    (math.atanh, (1,)), (math.atanh, (-1.0,)), (math.atanh, (2,)), (math.sin, (inf,)),
    (math.cos, (-inf,)), (math.tan, (inf,)), (math.pow, (0, -1)), (math.pow, (-0.0, -3)),
    (math.pow, (-8, 1 / 3)), (math.pow, (10, 400)), (math.pow, (-10.0, 401.0)),
    (math.fmod, (1, 0)), (math.fmod, (inf, 1)), (math.remainder, (1, 0)),
    (math.remainder, (inf, 1)), (math.ldexp, (1.0, 2000)), (math.ldexp, (1.0, 10 ** 30)),
    (math.ldexp, (1.0, 1.5)), (math.ldexp, ("a", 1)), (math.floor, (inf,)),
    (math.floor, (nan,)), (math.ceil, (-inf,)), (math.trunc, (nan,)), (math.floor, ("x",)),
    (math.trunc, ("x",)), (math.sqrt, ("x",)), (math.sqrt, (None,)), (math.sqrt, (10 ** 400,)),
    (math.exp, (2 ** 1024,)), (math.isnan, (10 ** 400,)), (math.frexp, (None,)),
    (math.modf, ("a",)), (math.ulp, ("a",)), (math.atan2, ("a", 1)), (math.copysign, (1, "a")),
    (math.isclose, (1, "a")), (math.degrees, ([],)),
]
for f, args in cases:
    try:
        r = f(*args)
        print(f.__name__, args, "->", r)
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(f.__name__, args, type(e).__name__, e)

try:
    math.isclose(1, 1, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.isclose(1, 1, abs_tol=-0.5)
except ValueError as e:
    print("ValueError", e)

# results that are not errors: underflow gives zero, infinities pass through
print(math.exp(-1000), math.exp(-inf), math.exp(inf), math.log(inf), math.sqrt(inf))
print(math.atan(inf), math.tanh(-inf), math.erf(inf), math.erfc(-inf), math.atan2(inf, -inf))
print(math.pow(inf, -1), math.pow(-inf, 3), math.pow(nan, 0), math.pow(1, nan), math.pow(0.5, inf))
print(math.fmod(5, inf), math.fmod(-5, -inf), math.copysign(inf, -0.0), math.ldexp(inf, -5))
print(math.ldexp(0.0, 10 ** 30), math.ldexp(1.0, -10 ** 30), math.ldexp(-1.0, -10 ** 30))
print(math.frexp(inf), math.frexp(-inf), math.frexp(nan), math.modf(-inf), math.modf(nan))
print(math.sin(nan), math.log(nan), math.sqrt(nan), math.hypot(inf, nan), math.hypot(nan, 1))
