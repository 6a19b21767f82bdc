# needs: no-float
# Without floats: no math module, time.time() is whole seconds as an int
# (as the MicroPython docs give it), random has no random() or uniform().
import random
import time

try:
    import math
except ImportError as e:
    print(type(e).__name__, e)
t = time.time()
# seconds since 1970, not milliseconds: between 2020 and 2100
print(type(t).__name__, 1577836800 < t < 4102444800)
t2 = time.time()
print(t2 >= t, t2 - t <= 1)
time.sleep(0)
time.sleep_ms(1)
print(hasattr(random, "random"), hasattr(random, "uniform"), hasattr(random, "randint"))
random.seed(1)
print(0 <= random.randrange(10) < 10, random.getrandbits(8) < 256)
try:
    random.seed(None)
    print("seeded")
except TypeError as e:
    print(e)
