# needs: bigint, float
# Binary operators on ints past the small-int range go straight to int's
# arithmetic: subclasses of int, bools and other types must still be
# dispatched as before, in-place operators included.
big = 2**55 + 3
neg = -(2**60) - 7


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    def __radd__(self, other):
        return "MyInt.__radd__"

    def __iadd__(self, other):
        return "MyInt.__iadd__"


class Plain(int):
    pass


m = MyInt(5)
print(big + m, m + big, neg + m)
x = MyInt(big)
x += big
print(x)
p = Plain(big)
r = p + big
print(r, type(r).__name__)
r = big * p
print(r, type(r).__name__)
print(big + True, big & True, True * big, big - False)
print(big / 2**20, big // 7, big % 1000, -big % 1000, big ** 2)
print(big << 3, big >> 3, ~big, -big, abs(neg))
print(big < neg, big == 2**55 + 3, big != neg, big >= big)
try:
    big @ big
except TypeError as e:
    print("TypeError", e)
try:
    big + "s"
except TypeError as e:
    print("TypeError", e)
for v in (2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**49, 2**50, 2**63 - 1, -2**63, 2**64):
    a = v * 3 + 1
    b = -v - 2
    print(a, b, a - b, a & b, a | b, a ^ b, a // 3, a % 97)
s = 12345
for i in range(200):
    s = (s * 1103515245 + 12345) & 0x7FFFFFFF
    s += 2**40
    s -= 2**40
print(s)
