# runaway recursion through C (dunder methods, builtins) is a RecursionError, never a crash
class R:
    def __repr__(self):
        return repr(self)

try:
    repr(R())
except RecursionError:
    print("repr")

class G:
    def __getattr__(self, name):
        return self.missing

try:
    G().x
except RecursionError:
    print("getattr")

class I:
    def __init__(self):
        I()

try:
    I()
except RecursionError:
    print("init")

def via_map(n):
    return list(map(via_map, [n]))

try:
    via_map(0)
except RecursionError:
    print("map")

def via_sorted(x):
    return sorted([1, 2], key=via_sorted)

try:
    via_sorted(0)
except RecursionError:
    print("sorted key")

def gen_rec():
    yield from gen_rec()

try:
    next(gen_rec())
except RecursionError:
    print("generator")

class E:
    def __eq__(self, o):
        return self == o

try:
    E() == 1
except RecursionError:
    print("eq")

def deep_exc(n):
    try:
        return deep_exc(n + 1)
    finally:
        pass

try:
    deep_exc(0)
except RecursionError:
    print("finally")
print("alive")
