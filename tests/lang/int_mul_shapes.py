# needs: bigint
# Big-int products of every shape: one-digit by many-digit either way
# round, balanced, unbalanced, with zero digits inside, negative signs.
xs = [3, 2**32 - 1, 2**32 + 1, 10**9 + 7, 2**64 - 1, 10**40 + 1, 2**200 - 2**100 + 1, 7**300, 10**1000 - 1,
      -(3**500), 2**4000 + 1, (10**600 + 3) * (2**900)]
acc = 0
for a in xs:
    for b in xs:
        p = a * b
        assert p == b * a
        if b != 0:
            assert p // b == a and p % b == 0
        acc = (acc * 1000003 + p % (2**61 - 1) + p.bit_length()) % (2**89 - 1)
print(acc)
q = 1
for k in range(1, 400):
    q = q * (2 * k + 1) * k
print(q % 1000000007, q.bit_length(), str(q)[:20], str(q)[-20:])
