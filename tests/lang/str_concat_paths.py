# needs: unicode
# `a + b` of two exact strs skips operator dispatch: subclasses with their
# own __add__/__radd__, names (interned) and heap strs, non-ASCII text and
# empty operands must give what they gave before.
class S(str):
    def __add__(self, other):
        return "S.__add__"

    def __radd__(self, other):
        return "S.__radd__"


class T(str):
    pass


print("on_" + "add", "on_" + S("x"), S("x") + "on_", "a" + T("b"), type("a" + T("b")).__name__)
print(type(T("b") + "a").__name__, T("b") + "a")
ops = ["add", "sub", "ü", "", "long name " * 3]
for op in ops:
    s = "on_" + op
    print(repr(s), len(s), s[-1:], s == "on_" + op)
print(repr("" + ""), repr("x" + ""), repr("" + "é"), len("é" + "ü" * 10), ("é" + "ab")[1])
x = "αβγ"
y = x + "δ"
print(y, len(y), y[3], y[::-1])
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError", e)


class R:
    def __radd__(self, other):
        return "R.__radd__ " + other


print("left " + R())
s = "k"
s += "v"
s = s + "w"
print(s)
d = {}
for i in range(5):
    d["key" + str(i)] = i
print(d, "key3" in d, d.get("key" + "4"))
print(getattr(str, "__add__")("p", "q"))
