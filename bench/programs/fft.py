# FFT: multiply two long integer polynomials with an iterative radix-2
# complex FFT (twiddle factors from our own sine series, since no math
# module is assumed), round back to integers and compare with the exact
# product on sampled coefficients.
from benchlib import measure, Lcg

PI = 3.141592653589793


def sin_series(x):
    # reduce to [-pi, pi], then a Taylor series to full precision
    while x > PI:
        x -= 2 * PI
    while x < -PI:
        x += 2 * PI
    term = x
    total = x
    k = 1
    while abs(term) > 1e-18:
        term = -term * x * x / ((2 * k) * (2 * k + 1))
        total += term
        k += 1
    return total


def unit_root(k, n):
    angle = 2 * PI * k / n
    return complex(sin_series(angle + PI / 2), sin_series(angle))


def fft(a, invert):
    n = len(a)
    j = 0
    for i in range(1, n):
        bit = n >> 1
        while j & bit:
            j ^= bit
            bit >>= 1
        j |= bit
        if i < j:
            a[i], a[j] = a[j], a[i]
    length = 2
    while length <= n:
        w = unit_root(-1 if invert else 1, length)
        half = length // 2
        roots = [complex(1.0, 0.0)] * half
        for k in range(1, half):
            roots[k] = roots[k - 1] * w
        for start in range(0, n, length):
            for k in range(half):
                u = a[start + k]
                v = a[start + k + half] * roots[k]
                a[start + k] = u + v
                a[start + k + half] = u - v
        length <<= 1
    if invert:
        for i in range(n):
            a[i] /= n


def multiply(p, q):
    n = 1
    while n < len(p) + len(q):
        n <<= 1
    fa = [complex(x, 0.0) for x in p] + [0j] * (n - len(p))
    fb = [complex(x, 0.0) for x in q] + [0j] * (n - len(q))
    fft(fa, False)
    fft(fb, False)
    for i in range(n):
        fa[i] *= fb[i]
    fft(fa, True)
    return [int(round(c.real)) for c in fa[: len(p) + len(q) - 1]]


def run():
    rng = Lcg(7)
    n = 12000
    p = [rng.below(100) for _ in range(n)]
    q = [rng.below(100) for _ in range(n)]
    prod = multiply(p, q)
    for k in (0, 1, 777, n - 1, n, n + n // 2, 2 * n - 2):
        exact = sum(p[i] * q[k - i] for i in range(max(0, k - n + 1), min(k, n - 1) + 1))
        if prod[k] != exact:
            return "mismatch at %d" % k
    return len(prod), sum(prod) % 1000003, prod[n]


measure(run, (23999, 726688, 28943828))
