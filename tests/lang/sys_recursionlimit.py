# recursion limit and RecursionError
import sys

old = sys.getrecursionlimit()
print(old >= 100)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError")
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
