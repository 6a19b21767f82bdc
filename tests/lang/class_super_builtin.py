# needs: float
# super() reaching methods of built-in bases (slot wrappers) and explicit dunder calls
class L(list):
    def __repr__(self):
        return "L" + super().__repr__()
print(L([1, 2]))
class D(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
    def __len__(self):
        return super().__len__() + 100
d = D(a=1)
print(d["a"], len(d))
class I(int):
    def __add__(self, o):
        return I(super().__add__(o) + 1)
    def __str__(self):
        return "I" + super().__str__()
print(I(1) + 1, str(I(3)))
class S(str):
    def __eq__(self, o):
        return super().__eq__(o.lower())
    __hash__ = str.__hash__
print(S("ab") == "AB", hash(S("x")) == hash("x"))
class E(Exception):
    def __str__(self):
        return "E:" + super().__str__()
print(str(E("m")), repr(E("m")))
class T(tuple):
    def __iter__(self):
        return iter([9] + list(super().__iter__()))
print(list(T((1, 2))))
print(int.__add__(1, 2), (5).__add__(1), [1].__len__(), "a".__eq__("a"), (1).__eq__(1.0))
class B:
    def __eq__(self, o):
        return super().__eq__(o)
b = B()
print(b == b, b == 1)
