# str.format: fields, numbering, conversions, attribute/index lookup
print("{} {}".format("a", "b"), "{1} {0} {1}".format("a", "b"), "{x}{y}".format(x=1, y=2))
print("{{}} {{{}}}".format(5), "{0[1]} {0[0]}".format("xy"), "{a[key]}".format(a={"key": "v"}))
print("{0.real} {0.imag}".format(3), "{0[1][0]}".format([0, [7, 8]]), "{d[0]}".format(d={0: "zero"}))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>6}".format("x"))
print("{:>5}|{:<5}|{:^5}|{:*^7}|{:.2}|{:5.1}|".format("ab", "ab", "ab", "ab", "abcdef", "xyz"))
print("{:{w}.{p}}".format("abcdef", w=6, p=3), "{:{}}".format("x", 4) + "|", "{:{}{}}".format("q", ">", 3))
print("{0:{1}}|".format("a", 3), "{:s}".format("s"), "{}".format(None), "{}".format([1, 2]))
print("{:05}".format("ab"), "{:x<4}".format(""), "{:=^9}".format(" mid "))
print(format("abc"), format("abc", ">5"), format(None), format([1]), format(12, ""), format(True), format(True, "d"))
class P:
    def __init__(self):
        self.v = 9
    def __format__(self, spec):
        return "P<" + spec + ">"
print("{}".format(P()), "{:abc}".format(P()), "{0.v}".format(P()), format(P(), "x"))
class Q:
    def __str__(self):
        return "Qstr"
    def __repr__(self):
        return "Qrepr"
print("{} {!r} {!s}".format(Q(), Q(), Q()), format(Q()))
errs = ["{", "}", "{0", "{0!x}", "{0!rx}", "{0.}", "{:{:{}}}", "{} {0}", "{0} {}", "{2}", "{name}",
        "{0[}", "a}b", "{!}"]
for f in errs:
    try:
        print(f.format(1, 2, 3))
    except (ValueError, IndexError, KeyError) as e:
        print(f, type(e).__name__, e)
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError", e)
try:
    format("abc", "d")
except ValueError as e:
    print("ValueError", e)
for spec in ["+5", "=5", "#5", ","]:
    try:
        format("ab", spec)
    except ValueError as e:
        print("ValueError", e)
