# needs: bigint
# Big-int results are built in the block their digits were computed in
# (no copy): an operand must never change when a result is derived from
# it, and each result is a value of its own.
a = 7 ** 90
b = 3 ** 120
keep_a, keep_b = str(a), str(b)

results = [
    -a, abs(-a), ~a, +a, a + b, a - b, b - a, a * b, a // b, b // a,
    a % b, b % a, divmod(a, b), divmod(-b, a), a << 77, a >> 33, -a >> 5,
    a & b, a | b, a ^ b, pow(a, 3), pow(a, 5, b), pow(b, -1, a), a * -1,
]
print(str(a) == keep_a, str(b) == keep_b)
for r in results:
    print(r)

# negation and abs of a value give new values; the value stays
n = -(5 ** 80)
m = -n
print(n < 0, m > 0, n + m, abs(n) == m, -m == n)

# a result used again as an operand, over and over (the spigot pattern)
q, r, t = 1, 0, 1
for k in range(1, 200):
    q, r, t = q * k, (2 * q + r) * (2 * k + 1), t * (2 * k + 1)
print(q % 1000003, r % 1000003, t % 1000003, (3 * q + r) // t)

# the same digits converted twice: two equal, independent values
x = int.from_bytes(bytes(range(1, 40)), "little")
y = int.from_bytes(bytes(range(1, 40)), "little")
print(x == y, x - y, x + 1 - y)
z = x
z += 1
print(z - x, x == y)
print(int("9" * 60) + 1, int("-" + "9" * 60) - 1)
