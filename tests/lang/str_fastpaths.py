# needs: float
# Edges of the str fast paths: single characters by index, iteration, chr
# and ord across ASCII, Latin-1 (cached) and wider code points, negative
# and out-of-range indexes, empty and long strings.
s = "aé€😀z"
print([s[i] for i in range(len(s))], [s[-i] for i in range(1, len(s) + 1)])
print([ord(c) for c in s], list(s) == [s[i] for i in range(5)])
for bad in (5, -6, 10**20, -(10**20)):
    try:
        s[bad]
    except IndexError as e:
        print("IndexError", e)
try:
    ""[0]
except IndexError as e:
    print("empty", e)
print(ord("\x00"), ord("\x7f"), ord("\x80"), ord("\xff"), ord("\u0100"), ord("\U0010ffff"))
cs = [chr(i) for i in range(300)]
print(all(len(c) == 1 and ord(c) == i for i, c in enumerate(cs)))
print("".join(cs) == "".join(chr(i) for i in range(300)), len("".join(cs)))
print(chr(0xe9) == "é", chr(0xe9) + "x", "x" + chr(0xff), (chr(0xfc) * 3).upper())
for v in ("", "ab", "é", b"a"):
    try:
        print(ord(v))
    except TypeError as e:
        print("TypeError", e)
long = "abc" * 100000 + "é"
print(long[-1], long[-2], long[150000], long[299999], len(long))
print(sum(1 for c in long if c == "é"), long[len(long) // 2 : len(long) // 2 + 3])
t = "ü" * 1000
print(t[999], t[-1000], [t[i] for i in (0, 500, 999, 1, 998)] == ["ü"] * 5)
d = {}
for c in "héllo wörld ÿ":
    d[c] = d.get(c, 0) + 1
print(sorted(d.items()))
print([c for c in "aü€" if c in {"ü": 1, "€": 2}])

# lower/upper/casefold: ASCII text takes a byte path, the rest the tables
for t in ("", "a", "A", "abc", "ABC", "MiXeD 123 !@#[`{", "Straße", "İstanbul", "ǅ", "ΣΑΣ", "x" * 1000 + "Y"):
    print(repr(t.lower()[-20:]), repr(t.upper()[-20:]), repr(t.casefold()[-20:]), t.lower() == t.lower().lower())
print("abc".lower() == "abc", "ABC".upper() == "ABC", "@[`{".lower(), "@[`{".upper())
# strip: ASCII character sets, non-ASCII text and sets, whitespace beyond ASCII
for t in ("", "..", ".a.", ".,;é,.", "é..é", "\u3000 x \xa0\x85", " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f y ", "ab"):
    print(repr(t.strip(".,;")), repr(t.lstrip(".,;")), repr(t.rstrip(".,;")), repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()))
print(repr("éaé".strip("é")), repr("éaé".strip("aé")), repr("\xe9x\xe9".strip("\xe9")), repr("x€".rstrip("€x")))
print(repr("abc".strip("")), repr("  abc  ".strip(None)), repr("cab".strip("abc")))
# split on whitespace of ASCII and non-ASCII text; pieces are ordinary str
for t in ("a b  c", "  é b\u3000c ", "", "   ", "one", "x\x1cy\x1dz"):
    parts = t.split()
    print(parts, [len(p) for p in parts], t.split(None, 1), t.rsplit(None, 1))
w = "hello world".split()[1]
print(w[1:3], w[::2], w[-1], len(w[1:3]), w[1:3] == "or", hash(w[1:3]) == hash("or"))
# dict keys: heap str from slices and methods meet literal (interned) keys
d = {"or": 1, "world": 2, "é": 3}
k = "hello world".split()[1]
print(d[k], d[k[1:3]], d["xé"[1:]], k in d, k[1:3] in d, ("w" + "orld") in d)
d[k.upper().lower()] += 10
print(sorted(d.items()))
# a str subclass: methods give exact str, and keys match plain str
class S(str):
    pass
s = S("abc")
print(type(s.lower()).__name__, type(s.upper()).__name__, type(S(" a ").strip()).__name__, type(S("..").strip(".")).__name__)
print(s.lower() == "abc", S("AbC").lower(), S("x y").split(), {s: 1}["abc"], {"abc": 2}[s], s[1], s[1:])
# join, concatenation and f-strings keep the code point count right
parts = ["a", "é", "€uro", "", "😀😀", "plain", S("sü"), "x" * 40]
for sep in ("", ",", "é", "😀-", S("|")):
    j = sep.join(parts)
    print(len(j), j[-1], j[3], j[-43], j == "".join(list(j)), len(sep.join([])), len(sep.join(["ü"])))
c = "ab" + "üß"
c2 = c + "€" + S("é")
print(len(c), len(c2), c2[-1], c2[4], c2[-2:], len(c2 + ""), len("" + c2))
n = 7
f = f"{n}é{'ü' * n}€{n:>4}{'😀'}"
print(len(f), f[1], f[-1], f[-5:], f[::3])

# str.format / format() / f-strings of ints with an empty spec (digits written directly), and
# user types whose __format__ / __str__ must still decide
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
class I(int):
    def __str__(self):
        return "I!"
    def __format__(self, spec):
        return "IF" + spec
print("{}:{}".format(5, -17), "{}|{}".format(10**30, True), "{}".format(I(3)), "{:}".format(F()), "{}".format(F()))
print(format(7), format(-7, ""), format(I(4)), format(I(4), ""), f"{I(5)}", f"{12}{-3}{0}", "{0}{0}{1}".format(1, 2))
print("{!r}".format(5), "{!s}".format(-5), "{}".format(2**62), "{}".format(-2**62), "{}".format(1.5))
