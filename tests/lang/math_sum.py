# needs: bigint
# math.fsum (exactly rounded sums), prod, hypot and dist (correctly
# rounded norms), isclose, and logarithms of ints too big for a float.
import math

print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([-0.0]), math.fsum([-0.0, -0.0]), math.fsum([1, 2, 3]), math.fsum(range(10)))
print(math.fsum([1e-16, 1.0, 1e-16]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -52]), math.fsum([1.0, 1e-16, -1.0]))
print(math.fsum([1.7976931348623157e308, -1.7976931348623157e308, 1.0]), math.fsum(iter([0.5, 0.25])))

# a deterministic pseudo-random workload (the same numbers on both sides)
seed = 12345
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return seed >> 11
def unif(a, b):
    return a + (b - a) * (rnd() / (1 << 53))

out = []
for i in range(400):
    k = 2 + i % 5
    v = [unif(-10, 10) * 10.0 ** (rnd() % 20 - 10) for j in range(k)]
    out.append((math.fsum(v), math.hypot(*v), math.dist(v, v[::-1]), math.prod(v)))
print(out[:3])
print(len(set(out)))
print(sum(t[0] for t in out), math.fsum(t[1] for t in out))
for t in out[::37]:
    print(t)

for args in [(), (3, 4), (-3,), (5, 12), (1, 1, 1, 1), (1e308, 1e308), (1.7e308, 1.7e308), (5e-324, 5e-324),
             (3e-320, 4e-320), (1e200, 1e-200), (0.0, -0.0), (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18)]:
    print(args, math.hypot(*args))
print(math.dist((1, 2), (4, 6)), math.dist([], []), math.dist((1e308,), (-1e308,)), math.dist(iter([1.5]), [0]))
print(math.dist((0, 0, 0), (1, 1, 1)), math.dist(range(5), [0] * 5))

print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 30)), math.prod([2.5, 4]), math.prod([], start=2.5))
print(math.prod([[1], 3]), math.prod(["ab"], start=2), math.prod([2, 3], start=0.5))

print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.0 + 1e-8), math.isclose(0.0, 1e-12))
print(math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(1e6, 1e6 + 1, rel_tol=1e-5))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan))
print(math.isclose(a=1, b=1.0), math.isclose(5, 5.000001, rel_tol=0, abs_tol=0))

print(math.log(10 ** 400), math.log2(2 ** 5000 + 1), math.log10(10 ** 1000), math.log(2 ** 1024))
print(math.log(2 ** 1024 - 1), math.log(7 ** 500, 3), math.log(7 ** 500, 3 ** 400), math.log2(3 ** 1000))
x = 2 ** 1100 - 2 ** 1046 - 1
print(math.log(x), math.log2(x), math.log10(x), math.log(2 ** 1100 + 2 ** 1047), math.log(2 ** 1100 + 2 ** 1047 + 1))

for args in [[1e308, 1e308], [1e308, 1e308, -1e308], [math.inf, -math.inf], [math.inf, -math.inf, math.nan],
             [math.inf, math.nan], [math.inf, 1.0], [math.inf, 1e308, 1e308], ["a"], 1]:
    try:
        print(args, math.fsum(args))
    except (ValueError, OverflowError, TypeError) as e:
        print(args, type(e).__name__, e)
for f, args in [(math.dist, ((1, 2), (1,))), (math.dist, (1, 2)), (math.hypot, ("x",)), (math.prod, (1,))]:
    try:
        print(f(*args))
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
