# needs: bigint
# Integer arithmetic on operands near and beyond the int64 and small-int
# boundaries: the 64-bit path for medium ints must agree with big ints.
vals = [0, 1, -1, 2, 3, 7, -7, 2**31 - 1, 2**31, -2**31, 2**32 + 5, 2**46 - 1, 2**47, -2**47, 2**62,
        2**63 - 1, -2**63, -2**63 + 1, 2**63, -2**63 - 1, 2**64 + 3, 1103515245, 12345, 0x7FFFFFFF]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
    ("<", lambda a, b: a < b), ("==", lambda a, b: a == b), (">=", lambda a, b: a >= b),
]
h = 0
n = 0
for a in vals:
    for b in vals:
        for name, f in ops:
            r = f(a, b)
            h = (h * 1000003 + int(r) % 1000000007 + (r.bit_length() if type(r) is int else 7)) % (2**61 - 1)
            n += 1
        if b != 0:
            q, m = a // b, a % b
            assert q * b + m == a, (a, b)
            h = (h * 31 + q % 1000003 + m % 999983) % (2**61 - 1)
        if 0 <= b < 70:
            h = (h * 31 + (a >> b) % 1000003) % (2**61 - 1)
print(n, h)
print((-2**63) // -1, (-2**63) % -1, (2**63 - 1) * 2, (-2**63) - 1, (2**62) + (2**62), -(2**62) - (2**62) - 1)
x = 12345
for i in range(1000):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
print(x)
try:
    (2**40) >> -1
except ValueError as e:
    print("ValueError", e)
try:
    (2**40) // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    (2**40) % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
