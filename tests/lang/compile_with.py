class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

with CM("a") as x:
    print("body", x)

with CM("a") as x, CM("b") as y:
    print("body", x, y)

try:
    with CM("c"):
        raise ValueError("boom")
except ValueError as e:
    print("caught", e)

with CM("d", True):
    raise KeyError("hidden")
print("after suppressed")

def ret():
    with CM("r"):
        return "returned"

print(ret())

def brk():
    for i in range(3):
        with CM(i):
            if i == 1:
                break
            continue
    return i

print(brk())

with CM("t") as (p):
    print(p)

class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False

with Pair() as (a, b):
    print(a + b)

def nested_exc():
    try:
        with CM("outer"):
            with CM("inner", True):
                1 // 0
            print("inner swallowed")
            raise IndexError("out")
    except IndexError as e:
        print("got", e)

nested_exc()
