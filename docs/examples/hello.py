# A first program: functions, classes, generators, big ints, f-strings.
import sys


class Counter:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        n = 0
        while n < self.limit:
            yield n
            n += 1


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


squares = {n: n * n for n in Counter(5)}
print("Hello from", sys.implementation.name)
print("squares:", squares)
print(f"fib(90) = {fib(90)}, 2**100 = {2**100}")
print("pi is about {:.5f}".format(sum(4 * (-1) ** k / (2 * k + 1) for k in range(10000))))
