# needs: bigint
# random: the generator is CPython's Mersenne Twister, seeded as CPython
# seeds ints, and every function draws from it as CPython's does, so
# seeded sequences are CPython's, number for number.
import random

for s in [0, 1, 12345, -7, 2 ** 32, 2 ** 40, 2 ** 100 + 3, True]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(7), random.getrandbits(32), random.getrandbits(33),
          random.getrandbits(100), random.getrandbits(0))
    print(random.randrange(10), random.randrange(3, 1000, 7), random.randrange(100, 0, -3),
          random.randint(-5, 5), random.randrange(2 ** 70), random.randrange(-2 ** 40, 2 ** 40),
          random.choice("abcdefg"), random.choice([10, 20, 30]), random.uniform(1, 2), random.uniform(5, -5))
    items = list(range(20))
    random.shuffle(items)
    print(items)

random.seed(42)
print([random.randrange(2 ** 32 + 5) for i in range(5)], [random.randint(1, 6) for i in range(30)])
print([round(random.random(), 6) for i in range(5)], random.randrange(10, step=1), random.randrange(0, 10, 3))

# the same seed gives the same sequence; a float seeds through its hash
for s in [3, 2.5]:
    random.seed(s)
    a = [random.random() for i in range(50)]
    random.seed(s)
    b = [random.random() for i in range(50)]
    print(s, a == b, len(set(a)))

# ranges: every value reached, none outside
random.seed(7)
seen = set(random.randrange(5) for i in range(200))
print(sorted(seen), sorted(set(random.randint(-2, 2) for i in range(200))))
print(sorted(set(random.randrange(1, 20, 6) for i in range(200))), sorted(set(random.randrange(9, -1, -4) for i in range(200))))
vals = [random.uniform(3, 4) for i in range(1000)]
print(min(vals) >= 3, max(vals) <= 4, all(0 <= random.random() < 1 for i in range(1000)))
print(all(0 <= random.getrandbits(65) < 2 ** 65 for i in range(200)), sorted({random.getrandbits(1) for i in range(200)}) == [0, 1])
