# Shared by every benchmark program: time the work inside the process (so
# start-up is measured separately), check the answer, print the time.
#
#   bench-seconds 0.123456      on success (exit status 0)
#   wrong answer: ...           on a wrong result (exit status 1)
import sys
import time


def measure(fn, expected):
    t0 = time.time_ns()
    got = fn()
    t1 = time.time_ns()
    if got != expected:
        print("wrong answer:", repr(got), "expected", repr(expected), "after", (t1 - t0) / 1e9, "s")
        sys.exit(1)
    print("bench-seconds", (t1 - t0) / 1e9)


# A small deterministic generator (a 31-bit linear congruential one), so
# every interpreter sees the same "random" data without the random module.
class Lcg:
    def __init__(self, seed):
        self.state = seed & 0x7FFFFFFF

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def below(self, n):
        return self.next() % n

    def unit(self):
        return self.next() / 2147483648.0
