# Function calls: naive recursive Fibonacci plus calls with keywords/defaults.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def kw(a, b=2, *, c=3):
    return a + b + c


def main():
    total = fib(30)
    for i in range(1000000):
        total += kw(i, c=1)
    print(total)


main()
