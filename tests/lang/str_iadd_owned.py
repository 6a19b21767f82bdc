# needs: float
# `x += piece` on a local grows an owned str/bytes in place: every other
# reference to the variable (kept in a list, aliased, locals(), used as a
# dict key, sent into a generator) must still see the old value.
def build(n):
    s = ""
    for i in range(n):
        s += "x"
    return s

def keep(n):
    s = "ab"
    seen = []
    for i in range(n):
        s += str(i)
        seen.append(s)
    return seen

def uni(n):
    s = "é"
    for i in range(n):
        s += "ü€"
        if i % 3 == 0:
            t = s
    return s, t, len(s), s[-1], s[5]

def self_add():
    s = "ab"
    for i in range(4):
        s += s
    return s

def by(n):
    b = b""
    for i in range(n):
        b += bytes([65 + i % 26])
    return b

def mixed():
    x = 1
    x += 2
    x += 2.5
    l = [1]
    alias = l
    l += [2]
    t = (1,)
    t += (2,)
    s = "a"
    try:
        s += 1
    except TypeError as e:
        print("TypeError", e)
    return x, l, alias, t, s

def with_locals():
    s = "ab"
    s += "c"
    d = locals()
    s += "d"
    return d["s"], s

def hashed():
    s = "key"
    d = {}
    for i in range(5):
        s += "k"
        d[s] = i
    return sorted(d.items())

def unbound():
    try:
        s += "x"
    except UnboundLocalError as e:
        print("UnboundLocalError")
    s = 1

kept = []


class Radd:
    # receives the left operand and hands the very same object back
    def __radd__(self, other):
        kept.append(other)
        return other


def escape_radd():
    s = "ab"
    s += "c"
    s += "d"
    s += Radd()
    s += "e"
    s += "f"
    return s, kept[0]


def gen():
    s = ""
    for i in range(3):
        s += yield s
    yield s

print(len(build(100000)))
print(keep(5))
print(uni(10))
print(self_add())
print(by(30))
print(mixed())
print(with_locals())
print(hashed())
unbound()
print(escape_radd())
g = gen(); next(g); print(g.send("a"), g.send("bc"), g.send("d"))
