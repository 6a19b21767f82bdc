# asking for far too much memory raises MemoryError, and the program goes on
try:
    x = bytearray(2**40)
except MemoryError:
    print("MemoryError bytearray")

try:
    x = [0] * (2**40)
except MemoryError:
    print("MemoryError list")

try:
    x = "ab" * (2**40)
except (MemoryError, OverflowError) as e:
    print("error for str repeat")

# the heap still works afterwards
y = [i * i for i in range(10000)]
print(sum(y))
