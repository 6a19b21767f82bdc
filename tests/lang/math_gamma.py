# needs: bigint
# math.gamma and lgamma: CPython computes these itself, not correctly
# rounded, so the values are compared to 12 significant digits; exact
# where the answer is exactly representable (factorials).
import math

for n in range(1, 24):
    print(n, math.gamma(n) == math.factorial(n - 1))
print(math.gamma(1), math.gamma(5), math.gamma(23), math.lgamma(1), math.lgamma(2))
for x in [0.5, 1.5, 2.5, 0.1, 3.7, -0.5, -1.5, -2.7, 10.25, 100.5, 170.5, 1e-5]:
    print(x, "%.12g" % math.gamma(x), "%.12g" % math.lgamma(x))
print(math.isclose(math.gamma(0.5), math.sqrt(math.pi), rel_tol=1e-15))
print(math.gamma(math.inf), math.lgamma(math.inf), math.lgamma(-math.inf), math.gamma(math.nan))
print(math.gamma(-200.5), "%.12g" % math.lgamma(1e300), "%.12g" % math.lgamma(-200.5))
for x in [0, -0.0, -1, -2.0, -math.inf, 1e-320, 171.7, 1e308]:
    for f in (math.gamma, math.lgamma):
        try:
            print(f.__name__, x, "%.12g" % f(x))
        except (ValueError, OverflowError) as e:
            print(f.__name__, x, type(e).__name__, e)
