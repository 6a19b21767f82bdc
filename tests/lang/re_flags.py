# needs: unicode
# re: flags, inline flags and scoped flags
import re

print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.IGNORECASE), int(re.DOTALL))
print(re.match("abc", "ABC", re.I).group(), re.match("[a-c]+", "AbC", re.I).group(), re.match("[^a]", "A", re.I))
print(re.findall("^x", "x\nx\nx"), re.findall("^x", "x\nx\nx", re.M), re.findall("x$", "x\nx\nx", re.M))
print(re.match("a.b", "a\nb"), re.match("a.b", "a\nb", re.S).group())
print(re.match(r"""
    (\d+)   # the number
    \s* ;   # a separator
    [ ]x    # an escaped space stays
""", "12 ; x", re.X).groups())
print(re.match("(?i)abc", "ABC").group(), re.match("(?s).", "\n").group(), re.findall("(?m)^a", "a\na"))
print(re.match("(?x) a b c # comment", "abc").group(), int(re.compile("(?i)x").flags & re.I))
print(re.match("a(?i:b)c", "aBc").group(), re.match("a(?i:b)c", "aBC"), re.match("(?i)a(?-i:b)c", "AbC").group())
print(re.match("(?s:.)(.)", "\n\n"), re.match("(?m:^a$)", "a").group())
print(re.findall(r"\w+", "héllo wörld"), re.findall(r"\w+", "héllo wörld", re.A), re.findall(r"(?a)\w+", "héllo"))
print(re.match(r"\d", "\u0663"), re.match(r"\d", "\u0663", re.A), re.match(r"\s", "\u00a0"), re.match(r"\s", "\u00a0", re.A))
print(re.match("É", "é", re.I).group(), re.match("[à-ÿ]+", "ÀÉÎ", re.I).group(), re.match("é", "É", re.A | re.I))
print(re.match("k", "\u212a", re.I).group() == "\u212a", re.match("s", "\u017f", re.I).group() == "\u017f")
print(re.match(b"abc", b"ABC", re.I).group(), re.match(b"[a-z]+", b"XyZ", re.I).group())
print(re.compile("x", re.I | re.S).flags == re.I | re.S | re.U, re.compile(b"x").flags, re.compile("x", re.A).flags)
print(re.compile("(?i)x").flags == re.I | re.U)
for args in [("x", re.A | re.U), (b"x", re.U), ("(?u)x", 0), ("(?L)x", 0), ("x", re.L)]:
    try:
        re.compile(*args)
        print("ok", args)
    except (re.error, ValueError) as e:
        print(e)
