# needs: float
# str.format: nested fields, attribute and index lookups, conversions, the mini-language, errors.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class P:
    x = 3
    y = [10, 20]
    d = {"k": "v"}
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"

p = P()
print("{} {} {}".format(1, "a", None), "{1}{0}{1}".format("a", "b"), "{x}-{y}".format(x=1, y=2), "{{}} {{{0}}}".format(5))
print("{0.x} {0.y[1]} {0.d[k]} {a[0]} {m[key]} {m[1]}".format(p, a={"0": "s", 0: "i", -1: "neg"}, m={"key": 1, "1": "str1", 1: "int1"}))
print("{0!r} {0!s} {1!a} {0!r:>8} {0!s:^8}".format(p, "é"), "{:xyz}".format(p), "{0:{1}}".format(p, "ab"))
print("{:{}{}}".format(3.14159, ".", "3"), "{:{w}.{p}f}".format(2.5, w=8, p=2), "{0:{fill}{align}{width}}".format("x", fill="*", align="^", width=7))
print("{:<6}|{:>6}|{:^6}|{:*^7}|{:=+6}|{:06}|{:+}|{: }|{:-}".format("a", "b", "c", "d", 5, -3, 1, 2, -3))
print("{:b} {:o} {:x} {:X} {:#b} {:#o} {:#x} {:#X} {:c} {:d} {:n}".format(5, 8, 255, 255, 5, 8, 255, 255, 65, 7, 1234))
print("{:,} {:_} {:_x} {:,.2f} {:_b} {:08,} {:>+10,}".format(1234567, 1234567, 0xffffffff, 1234.5, 255, 1234, 98765))
print("{:e} {:.2E} {:f} {:.1F} {:g} {:G} {:%} {:.1%} {:.3} {:10.4}".format(12345.678, 0.00012, 1.5, 2.25, 1e-5, 1e20, 0.25, 0.125, 3.14159, 2.0))
print("{:.3s}|{:5}|{:<5}|{:>5}|{:5.2}".format("abcdef", "ab", 1, "x", "xyz"), "{:}".format(1), "{:s}".format("q"))
print("{0[0]}{0[1]}".format("ab"), "{0[1][0]}".format([[1], [2]]), "{.real}".format(3), "{[0]}".format((9,)))
print("{:%Y}".format(type("D", (), {"__format__": lambda self, s: "fmt:" + s})()))
print(format(3, "05"), format("x", "^3"), format(1.5), format(p), format(p, "q"), format(True, "d"), format(True), format(None))
print(f"{p!r:>6}", f"{3.14159:.{2}f}", f"{'x':{'>'}{4}}", f"{1+1=}", f"{p=}", f"{p=!s}", f"{2.5=:.2f}")
t(lambda: "{".format(1))
t(lambda: "}".format(1))
t(lambda: "{0".format(1))
t(lambda: "{}{1}".format(1, 2))
t(lambda: "{1}{}".format(1, 2))
t(lambda: "{2}".format(1))
t(lambda: "{}".format())
t(lambda: "{x}".format(y=1))
t(lambda: "{0.nope}".format(1))
t(lambda: "{0[5]}".format([1]))
t(lambda: "{0[a]}".format({}))
t(lambda: "{!x}".format(1))
t(lambda: "{!}".format(1))
t(lambda: "{:d}".format("s"))
t(lambda: "{:s}".format(1))
t(lambda: "{:x}".format(1.5))
t(lambda: "{:,s}".format("a"))
t(lambda: "{:=5}".format("a"))
t(lambda: "{:+s}".format("a"))
t(lambda: "{:c}".format(-1))
t(lambda: "{:.2d}".format(1))
t(lambda: "{0:{1}}".format(1, "{"))
t(lambda: "{:{:{}}}".format(1, 2, 3))
t(lambda: "{0[}".format(1))
t(lambda: "{0]}".format(1))
t(lambda: format(1, 2))
t(lambda: "{:,_}".format(1))
print("{0}{0}".format_map({"0": "x"}), "{a}{b}".format_map({"a": 1, "b": 2}))
class M(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {zz}".format_map(M(a=1)))
t(lambda: "{}".format_map({}))
