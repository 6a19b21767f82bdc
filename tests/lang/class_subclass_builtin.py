# subclassing built-in types
class MyList(list):
    def total(self):
        return sum(self)


m = MyList([1, 2, 3])
m.append(4)
print(m, len(m), m.total(), m[0], m[-1], isinstance(m, list), type(m).__name__)
print(m + [5], [0] + m, 2 in m, sorted(MyList([3, 1, 2])))
m += [9]
print(m, type(m).__name__)
for x in MyList("ab"):
    print(x)


class Stack(list):
    def __init__(self, *items):
        super().__init__(items)

    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack(1, 2)
s.push(3)
print(s, s.peek(), s.pop(), len(s))


class DefaultDict(dict):
    def __missing__(self, key):
        return "missing:" + key

    def get2(self, k):
        return self.get(k, "none")


dd = DefaultDict(a=1)
dd["b"] = 2
print(dd["a"], dd["b"], sorted(dd.keys()), dd.get2("z"), len(dd), "a" in dd)
print(dd["zz"], "zz" in dd)
print("{x}-{y}".format_map(DefaultDict(x=1)))


class Upper(str):
    def shout(self):
        return self.upper() + "!"


u = Upper("hey")
print(u, u.shout(), len(u), u + "x", u == "hey", isinstance(u, str), repr(u))


class Money(int):
    def __repr__(self):
        return "$%d" % int(self)


c = Money(5)
print(c, repr(c), c + 1, c * 2, c == 5, c > 4, hash(c) == hash(5), isinstance(c, int))


class Double(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)


print(Double(21), type(Double(1)).__name__)


class Pair(tuple):
    def first(self):
        return self[0]


p = Pair((1, 2))
print(p, p.first(), len(p), p[1], p == (1, 2))


class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)


md = MyDict()
md["x"] = 1
print(md["x"], md)
