# needs: float
# float arithmetic: / // % with signs, errors, inf and nan
vals = [7.5, -7.5, 2.0, -2.0, 0.5, 1e300, -1e-300, 3]
for a in vals:
    for b in vals:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(-0.0 % 5.0, 0.0 % -5.0, 5.0 % -0.5, -5.0 // 0.3, 5 % 2.5, -1e-20 % 1.0)
for e in ["1.0 / 0", "1.0 // 0.0", "1.0 % 0", "divmod(1.0, 0)", "0.0 ** -1", "1 / 0.0", "5 // 0.0"]:
    try:
        print(eval(e))
    except ZeroDivisionError as ex:
        print("ZeroDivisionError", ex)
inf, nan = float("inf"), float("nan")
print(inf + 1, inf - inf, inf * 0, -inf, inf / 1e308, 1 / inf, inf // 1, -inf // 1, 1 // inf, -1 // inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(abs(-2.5), -(-0.0), +1.5, bool(0.0), bool(-0.0), bool(1e-300))
print(1e308 * 10, -1e308 * 10, 2.0**0.5 * 2.0**0.5)
print(0.1 * 3, 1.1 + 2.2, 3 * 1.1, 1 - 0.9)
print(2**0.5, 10**0.5, 2.0**-2, (-2.0)**2, (-2.0)**3, 0.0**0, inf**0, nan**0, 1**nan)
print(float(True) + 1, 1.5 + True, 10 / 4, 10 // 4.0, -10 // 4.0, 3 % -2.0)
x = 1.5
x += 1
x *= 2
x /= 5
x //= 0.3
x %= 0.7
print(x)
