# container protocol dunders: len, getitem, setitem, iter, next, contains, call
class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return "slice"
        if i >= self.n:
            raise IndexError(i)
        return i * i


s = Seq(4)
print(len(s), s[2], s[1:2], list(s), 9 in s, 5 in s, bool(Seq(0)))
for v in Seq(3):
    print("item", v)


class Store:
    def __init__(self):
        self.d = {}

    def __setitem__(self, k, v):
        self.d[k] = v

    def __getitem__(self, k):
        return self.d[k]

    def __delitem__(self, k):
        del self.d[k]

    def __contains__(self, k):
        return k in self.d


st = Store()
st["a"] = 1
st["b"] = 2
del st["a"]
print("a" in st, "b" in st, st["b"])
try:
    st["zz"]
except KeyError as e:
    print(type(e).__name__, e)


class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


print(list(Count(3)), sum(Count(4)), tuple(Count(2)))
it = iter(Count(1))
print(next(it), next(it, "done"))


class Gen:
    def __iter__(self):
        yield 1
        yield 2


print(list(Gen()), [x * 2 for x in Gen()])


class Adder:
    def __init__(self, base):
        self.base = base

    def __call__(self, x, y=0):
        return self.base + x + y


add = Adder(10)
print(add(1), add(1, y=2), callable(add), callable(Count), callable(3))

try:
    len(Count(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    Count(1)[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(Adder(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    Adder(1)[0] = 1
except TypeError as e:
    print(type(e).__name__, e)


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True


with Ctx() as c:
    print("body", type(c).__name__)
with Ctx():
    raise ValueError("swallowed")
print("after")
