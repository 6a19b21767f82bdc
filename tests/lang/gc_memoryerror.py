# asking for far too much memory raises MemoryError, and the program goes on
import sys

# more than any heap can give (four of them certainly), yet a small int
huge = 2**40 if sys.maxsize > 2**32 else 2**30 - 1

try:
    x = [bytearray(huge) for i in range(4)]
except MemoryError:
    print("MemoryError bytearray")

try:
    x = [0] * huge
except MemoryError:
    print("MemoryError list")

try:
    x = "ab" * huge
except MemoryError:
    print("MemoryError str repeat")

# the heap still works afterwards
y = [i * i for i in range(10000)]
print(sum(y))
