# needs: bigint
# Folded and unfolded constant expressions give the same results.
print(1 + 2 * 3 - 4 // 3, 2 ** 10, 2 ** -1, -2 ** 2, (-2) ** 2)
print(1 << 70, (1 << 200) >> 190, 2 ** 130, -(2 ** 64))
print("ab" * 3, 3 * "x", b"ab" + b"cd", (1, 2) * 2, ("a",) + ("b",))
print(len("z" * 1000), len((0,) * 300))
print(7 / 2, 7 // 2, -7 // 2, 7 % -3, -7 % 3, 7.5 // 2, divmod(7, 2))
print(~0, ~-1, -(-5), +3, not 1, not 0, not "", not ())
print(1 < 2, 2 <= 1, "a" < "b", 1 == 1.0, 1 != 2, 1 < 2 < 3, 3 > 2 > 5)
print(1 and 2, 0 and 1, 0 or "x", "" or 0, None or None)
print(0.1 + 0.2, 1e300 * 1e10, -0.0, 0.0 == -0.0, 1 / 3)
print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0x0f, 6 >> 1)
print((1, (2, 3), "s"), ((),), (None, True, ...))
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError")
try:
    print(1 % 0)
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError")
try:
    print("a" + 1)
except TypeError:
    print("TypeError")
try:
    print(-"a")
except TypeError:
    print("TypeError")
print(__debug__, not __debug__)
if 0:
    print("never")
else:
    print("else taken")
while 0:
    print("never")
n = 0
while 1:
    n += 1
    if n > 2:
        break
print(n)
x = 3
print(x in (1, 2, 3), x in [1, 2], x not in [4, 5], "b" in "abc")
print(0 if 1 else 2, 0 if 0 else 2, (lambda: 1 if True else 2)())
print(2 ** 0.5 == 2 ** 0.5, 10 ** 2, 10 ** -2, (-8) ** 2, 0 ** 0)
print(100000000000000000000 * 100000000000000000000)
