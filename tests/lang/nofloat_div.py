# needs: no-float
# Without floats: true division of ints is a TypeError pointing to //,
# a negative power a ValueError; the rest of int arithmetic is exact.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, "|", e)

show(lambda: 7 / 2)
show(lambda: 1 / 0)
show(lambda: True / 1)
def idiv():
    x = 9
    x /= 3
    return x
show(idiv)
show(lambda: 2 ** -1)
show(lambda: pow(3, -2))
print(7 // 2, -7 // 2, 7 % -2, divmod(-7, 2), 2 ** 10, pow(3, -1, 7), pow(2, 5, 7))
print(round(1234, -2), round(7), abs(-5), sum([1, 2, 3]), max(3, 9), min(-1, 4))
print(hasattr(1, "__truediv__"), hasattr(1, "__rtruediv__"), hasattr(1, "__float__"), hasattr(1, "__floordiv__"))
show(lambda: float)
show(lambda: float("1.5"))
show(lambda: isinstance(1, float))
# a class of its own still has `/`
class Q:
    def __init__(self, n):
        self.n = n
    def __truediv__(self, other):
        return Q(self.n * 100 // other)
    def __rtruediv__(self, other):
        return Q(other * 100 // self.n)
    def __repr__(self):
        return "Q(%d)" % self.n
print(Q(7) / 2, 3 / Q(4))
q = Q(5)
q /= 5
print(q)
print(int("42"), int(" -7 "), int("ff", 16), int(True))
show(lambda: int("1.5"))
