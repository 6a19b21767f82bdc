# needs: bigint
# round(): banker's rounding for ints and floats, ndigits positive and negative
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for x in (0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375,
          -0.0, 0.0, 1e16, 1e300, 5e-324, 123456.789, -123456.789, 2.5e-5, 1234.5, 4.35, 4.45):
    print(round(x), end=" ")
    for nd in (-400, -309, -5, -2, -1, 0, 1, 2, 3, 5, 10, 17, 308, 400):
        print(repr(round(x, nd)), end=" ")
    print()
for x in (float("inf"), float("-inf"), float("nan")):
    t(lambda: round(x))
    t(lambda: round(x, 2))
    t(lambda: round(x, -2))
for n in (0, 5, 15, 25, 35, -15, -25, 149, 150, 250, -250, 12345, 2**70 + 5 * 10**10, -(2**70) - 5, 10**30 // 2):
    print(n, [round(n, nd) for nd in (-31, -20, -10, -3, -2, -1, 0, 1, 5)], round(n))
t(lambda: round(5, None))
t(lambda: round(2.5, None))
t(lambda: round(2.5, 0))
t(lambda: round(True))
t(lambda: round(True, -1))
t(lambda: round(1.5, 1.0))
t(lambda: round("1"))
t(lambda: round(1, 2**100))
t(lambda: round(1.5, 2**100))
t(lambda: round(1.5, -2**100))
t(lambda: round(1e308 * 10, -308))
t(lambda: round(1.7976931348623157e308, -308))
t(lambda: round(1.7976931348623157e308, -309))
t(lambda: type(round(2.5)))
t(lambda: type(round(2.5, 0)))
t(lambda: type(round(7, 0)))
t(lambda: round(2**1023 * 1.9999))
t(lambda: round(0.5 + 2**-53))
t(lambda: round(4503599627370497.0))
t(lambda: round(-4503599627370497.5))
# deterministic pseudo-random floats
seed = 7
for i in range(300):
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    m = (seed >> 11) / 2**53
    e = (seed & 63) - 20
    x = m * float("1e%d" % e) * (1 if seed & 64 else -1)  # not 10.0 ** e: libm pow() varies
    nd = (seed >> 7) % 25 - 8
    r = round(x, nd)
    print(repr(r), end="\n" if i % 6 == 5 else " ")
