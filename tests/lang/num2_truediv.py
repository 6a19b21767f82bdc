# needs: bigint
# int / int is correctly rounded for operands of any size
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

seed = 99
def rnd(bits):
    global seed
    r = 0
    for _ in range((bits + 29) // 30):
        seed = (seed * 1103515245 + 12345) % 2147483648
        r = (r << 30) | (seed >> 1)
    return r >> ((-bits) % 30)

row = []
for i in range(400):
    a = rnd(1 + rnd(10) % 1200)
    b = rnd(1 + rnd(10) % 1200) or 1
    if i & 1:
        a = -a
    try:
        row.append(repr(a / b))
    except OverflowError as e:
        row.append("OverflowError")
    if len(row) == 8:
        print(" ".join(row))
        row = []
# halfway and near-halfway cases
for k in (53, 54, 60, 100, 1000):
    for d in (-1, 0, 1):
        n = (2**k + 2**(k - 53) * (1 if k > 53 else 0) + d)
        print(k, d, repr(n / 1), repr(n / 2), repr(n / 3), repr(-n / 2**(k - 1)))
t(lambda: 1 / 3)
t(lambda: 2**1074 // 2**1074 / 2**1074)
t(lambda: 1 / 2**1074)
t(lambda: 1 / 2**1075)
t(lambda: 3 / 2**1076)
t(lambda: 1 / 2**1080)
t(lambda: -1 / 2**2000)
t(lambda: 2**1024 / 2)
t(lambda: 2**1025 / 2)
t(lambda: 2**1024 / 1)
t(lambda: (2**1024 - 1) / 1)
t(lambda: 10**400 / 10**399)
t(lambda: 10**5000 / (10**5000 + 1))
t(lambda: (10**400 + 1) / 10**400 - 1)
t(lambda: 7**500 / 3**700)
t(lambda: 0 / 10**100)
t(lambda: -0 / -5)
t(lambda: 5 / -10**100)
t(lambda: 10**100 / 0)
t(lambda: 6 / 3)
t(lambda: -7 / 2)
t(lambda: (2**53 + 1) / 1)
t(lambda: (2**49 - 1) / 3)
t(lambda: 1 / True)
t(lambda: True / 2)
t(lambda: 1.0 / 10**400)
t(lambda: 10**400 / 2.0)
