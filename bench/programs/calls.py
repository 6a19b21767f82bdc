# Function calls: naive recursive Fibonacci, calls with keyword arguments
# and defaults, closures, and lambdas passed to higher-order functions.
from benchlib import measure


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def kw(a, b=2, *, c=3):
    return a + b + c


def make_adder(k):
    def add(x):
        return x + k
    return add


def apply_all(fns, x):
    for f in fns:
        x = f(x)
    return x


def run():
    total = fib(27)
    for i in range(500000):
        total += kw(i, c=1)
    fns = [make_adder(k) for k in range(10)] + [lambda x: x * 3 % 1000003]
    x = 1
    for _ in range(50000):
        x = apply_all(fns, x)
    return total, x


measure(run, (125001446418, 298918))
