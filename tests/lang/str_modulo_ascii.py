# needs: float
# str % args knows an all-ASCII result's length without counting; the
# length, indexing and slicing of results with and without non-ASCII
# pieces (format, %s, %r, %a, %c, precision), and integer conversions
# written without an intermediate str (bases, signs, big ints, widths).
def show(s):
    print(repr(s), len(s), s[-1:], s[len(s) // 2:], s[::-1][:3])


class S(str):
    pass


class I(int):
    pass


for fmt, args in [("%d", 5), ("%d|%s", (12, "ab")), ("é%d", 7), ("%s", "héllo"), ("%s", S("wörld")),
                  ("%s", S("plain")), ("%r", "é"), ("%a", "é"), ("%c", "é"), ("%c", 233), ("%c", 65),
                  ("%c", "x"), ("%.2s|", "ééé"), ("%.2s|", "abc"), ("%-6s|%04x", ("ab", 255)),
                  ("%5s", "é"), ("%-5s!", "é"), ("%x %X %o", (255, 255, 8)), ("%#x %#X %#o", (255, 255, 8)),
                  ("%d %i %u", (-42, -0, I(7))), ("%+d % d %05d %-5d|", (3, 3, -3, -3)),
                  ("%d", 10 ** 30), ("%x", -(10 ** 30)), ("%X", 2 ** 70), ("%o", -(2 ** 70)),
                  ("%.5d %.1d %10.4x", (42, 0, 255)), ("%d", True), ("%x", False), ("%s %s", (1.5, None)),
                  ("%(a)s-%(b)d", {"a": "é", "b": 4}), ("%(a)s-%(b)d", {"a": "x", "b": 4}),
                  ("%%%d%%", 50), ("", ()), ("abc", ()), ("%s", ""), ("%3c|", "€"), ("%c", 0x10348),
                  ("%d", 1.9), ("%x", I(-255)), ("%e|%g|%f", (1.5, 2.5, 3.25))]:
    show(fmt % args)
s = "%s" % ("x" * 100000 + "é")
print(len(s), s[-2:], s[99999])
t = "%d" * 1000 % tuple(range(1000))
print(len(t), t[-5:], t[500])
