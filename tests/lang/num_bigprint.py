# needs: bigint
# printing very large ints (CPython 3.11 limits str() to 4300 digits; MicroPython does not)
x = 2**100000
s = str(x)
print(len(s), s[:40], s[-40:])
y = 3**200000
t = str(y)
print(len(t), t[:40], t[-40:])
print(int(t) == y)
print(2**20000)
