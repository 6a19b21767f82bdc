# Operator dunders of the containers, called directly and through super().
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: sorted(set.__or__({1}, {2})))
t(lambda: sorted({1}.__and__({1, 2})))
t(lambda: {1: 2}.__or__({3: 4}))
t(lambda: [1].__iadd__([2]))
t(lambda: [1].__imul__(2))
t(lambda: [1].__rmul__(2))
t(lambda: list([1, 2].__reversed__()))
t(lambda: list({1: 2}.__reversed__()))
t(lambda: range(5).__getitem__(2))
t(lambda: memoryview(b"ab").__getitem__(1))
t(lambda: memoryview(b"ab").__len__())
t(lambda: (1, 2).__getitem__(0))
t(lambda: (1,).__rmul__(2))
class S(set):
    def __or__(self, o):
        return sorted(super().__or__(o))
    def __sub__(self, o):
        return sorted(super().__sub__(o))
print(S([1]) | {2}, S([1, 2]) - {2})
class D(dict):
    def __or__(self, o):
        r = super().__or__(o)
        return ("D", r)
    def __ior__(self, o):
        super().__ior__(o)
        return self
d = D(a=1)
print(d | {"b": 2})
d |= {"c": 3}
print(d)
class L(list):
    def __iadd__(self, o):
        return super().__iadd__(o)
l = L([1])
l += [2]
print(l)
