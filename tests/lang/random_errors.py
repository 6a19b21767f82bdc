# needs: bigint
# random: bad arguments, and seeding from the port's entropy.
import random

for f, args in [(random.randrange, (0,)), (random.randrange, (-5,)), (random.randrange, (5, 5)),
                (random.randrange, (5, 2)), (random.randrange, (1, 10, 0)), (random.randrange, (1, 10, -1)),
                (random.randint, (5, 1)), (random.choice, ([],)), (random.choice, ("",)),
                (random.getrandbits, (-1,)), (random.getrandbits, (1.5,)), (random.seed, ([1],)),
                (random.uniform, ("a", 1)), (random.choice, (5,)), (random.shuffle, ((1, 2),)),
                (random.randrange, (2 ** 80, 2 ** 80))]:
    try:
        print(f.__name__, f(*args))
    except (ValueError, TypeError, IndexError) as e:
        print(f.__name__, type(e).__name__, e)
try:
    random.randrange(10, step=2)
except TypeError as e:
    print("TypeError", e)

# no seed, or seed(None): the port's entropy; the numbers are still in range
random.seed()
a = random.random()
random.seed(None)
print(0 <= a < 1, 0 <= random.randrange(100) < 100, random.getrandbits(8) < 256)
