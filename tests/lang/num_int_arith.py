# needs: bigint
# + - * / // % divmod with CPython's sign rules, small and big
vals = [0, 1, -1, 7, -7, 3, -3, 2**40, -(2**40), 2**62, -(2**62), 2**100 + 17, -(3**70)]
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b]
        if b:
            r += [a // b, a % b, divmod(a, b)]
        print(a, b, r)
print(7 / 2, -7 / 2, 1 / 3, 2**60 / 3, 10**30 / 10**10, (2**100) / (2**99))
for op in ["1 // 0", "1 % 0", "divmod(1, 0)", "1 / 0", "(2**100) // 0", "(2**100) / 0"]:
    try:
        print(eval(op))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
print(-(2**49), 2**49 - 1 + 1, -(2**49) - 1, (2**49) * 2 - 2**50)
x = 2**49 - 1
print(x + 1, x * x, -x - 2, abs(-x - 2), abs(-5), -(-(2**80)))
print(2**64 - 2**64 == 0, 2**64 // 2**64, 2**64 % 2**64)
a = 10**20
a += 1
a -= 10**20
print(a, type(a).__name__)
print(+True, -True, ~True, ~0, ~-1, ~(2**70))
print(sum(range(100000)), 12345678 * 87654321, 99999999999 * 99999999999)
