# subclasses of list, dict, tuple, set
class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l, len(l), l.total(), l[1:], type(l).__name__, isinstance(l, list), l == [1, 2, 3, 4])
l.sort(reverse=True)
print(l, l.pop(), 3 in l, list(l))
class L2(list):
    def __init__(self, x):
        super().__init__()
        self.append(x)
print(L2(5), L2("a") + ["b"])
class D(dict):
    def __missing__(self, k):
        return k * 2
d = D(a=1)
print(d, d["a"], d["zz"], len(d), "a" in d, d.get("q"), sorted(d.items()))
class S(set):
    pass
s2 = S([1, 2])
s2.add(3)
print(sorted(s2), len(s2), 1 in s2)
class T(tuple):
    pass
t = T((1, 2))
print(t, t[0], len(t), t + (3,), t == (1, 2))
class Counter(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Counter()
for ch in "hello world":
    c.add(ch)
print(sorted(c.items()), c["l"])
