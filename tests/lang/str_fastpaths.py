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
