# recursion: deep but legal, and too deep caught as RecursionError
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError")

# still usable afterwards
print(depth(100))

class A:
    def __add__(self, other):
        return self + other

try:
    A() + 1
except RecursionError:
    print("RecursionError via __add__")

def mutual_a(n):
    return mutual_b(n)

def mutual_b(n):
    return mutual_a(n)

for i in range(3):
    try:
        mutual_a(0)
    except RecursionError:
        print("again", i)

def rec_gen(n):
    yield n
    yield from rec_gen(n + 1)

try:
    for x in rec_gen(0):
        pass
except RecursionError:
    print("RecursionError in generators")
