# argument errors of methods and nested functions name them by __qualname__
class A:
    def m(self, x):
        return x
    @staticmethod
    def s(a):
        return a
    @classmethod
    def c(cls, *, k):
        return k

def outer():
    def inner(a, b):
        pass
    return inner

tests = [
    lambda: A().m(),
    lambda: A().m(1, 2),
    lambda: A.m(1, 2, 3),
    lambda: A().m(y=1),
    lambda: A.s(),
    lambda: A.c(),
    lambda: A.c(1),
    lambda: outer()(1),
    lambda: outer()(1, 2, c=3),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(type(e).__name__, e)
print(A.m.__qualname__, A.s.__qualname__, outer().__qualname__)
print(A().m.__qualname__, (lambda: 0).__qualname__)
