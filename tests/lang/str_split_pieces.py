# needs: unicode
# split() gathers its pieces before making the list: lists of every size
# around the gathering buffer (16), with and without maxsplit, ASCII and
# non-ASCII text, str subclasses, and a separator.
for n in (0, 1, 2, 15, 16, 17, 31, 32, 33, 100):
    words = ["w%d" % i for i in range(n)]
    s = " ".join(words)
    r = s.split()
    assert r == words, n
    r2 = ("  " + s + "\t\n").split()
    assert r2 == words, n
    r3 = s.split(" ")
    assert r3 == (words if n else [""]), n
    r4 = s.split(None, 16)
    assert r4 == words[:16] + ([" ".join(words[16:])] if n > 16 else []), n
    r5 = s.split(" ", 17)
    print(n, len(r), len(r3), len(r4), len(r5), r5[-1][:12])
print("".split(), " ".split(), "".split(","), ",".split(","), ",,a,,".split(","))
u = "é ü\u2003ß\u3000x  ÿ" * 3
print(u.split(), len(u.split()))
print(u.split("ü"), [len(p) for p in u.split("ü")])
print([len(p) for p in ("aé" * 20).split("a")])
print("a,b,c".split(",", 0), "a,b,c".split(",", 1), "a b c".split(maxsplit=1), "a b c".split(sep=None))


class S(str):
    pass


t = S("one two  three " * 7)
r = t.split()
print(len(r), r[:4], type(r[0]).__name__, type(r).__name__)
print(S("x;y;z").split(";"), type(S("x;y;z").split(";")[0]).__name__)
ps = "ab,cd,ef".split(",")
ps.append("gh")
print(ps, len(ps))
big = ("word " * 200).split()
print(len(big), big[0], big[-1])
big.append("end")
print(len(big), big[-2:])
print("a\u00e9b c".split(), [len(w) for w in "a\u00e9b c\u00e9".split()])
