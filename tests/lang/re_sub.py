# re: sub and subn with templates, callables, counts and empty matches
import re

print(re.sub(r"\d+", "#", "a1b22c333"))
print(re.sub(r"\d+", "#", "a1b22c333", 2), re.sub(r"\d+", "#", "a1b22c333", count=1))
print(re.subn(r"\d+", "#", "a1b22c333"), re.subn("x", "y", "abc"))
print(re.sub(r"(\w)(\d)", r"\2\1", "a1 b2 c3"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "hi there"))
print(re.sub(r"(\w+)", r"[\g<1>|\g<0>]", "ab cd"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub("a", r"\n\t\\", "xax"))
print(re.sub("a", r"\-\.", "xax"))
print(re.sub("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)", r"\10", "abcdefghij"), re.sub("a", r"\0", "a") == "\0", re.sub("a", r"\101", "a"))
print(re.sub(r"\s+", " ", "  lots   of\t\nspace  "))
print(re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"), re.sub("a|", "-", "bac"))
print(re.sub(r"\b", "|", "ab cd"))
print(re.sub(r"\d", lambda m: str(int(m.group()) + 1), "a1b9"))
print(re.sub(r"(?P<n>\d+)", lambda m: m["n"] * 2, "x12y3"))
print(re.sub("^", ">", "l1\nl2\nl3", flags=re.M))
print(re.sub("$", "<", "l1\nl2\n", flags=re.M))
print(re.sub("a", "b", "aaa", -1), re.sub("a", "b", "aaa", 0))
print(re.compile("o").sub("0", "foo boo"), re.compile("o").subn("0", "foo boo", 3))
print(re.sub(b"[aeiou]", b"*", b"education"), re.subn(b"(.)", rb"\1\1", b"ab"))
print(re.sub("(é)", r"[\1]", "caféé"))
print(re.compile(r"(\w+)@(\w+)").sub(r"\2:\1", "a@b, c@d"))
m = re.match(r"(\w+) (?P<second>\w+)", "hello world")
print(m.expand(r"\2 \1 \g<second>!"))

for repl in [r"\3", r"\g<9>", r"\g<bad name>", r"\g<nope>", r"\g<", r"\g", "\\", r"\q", r"\x41"]:
    try:
        print(repr(repl), re.sub("(a)(b)", repl, "ab"))
    except (re.error, IndexError) as e:
        print(repr(repl), e)
try:
    re.sub("a", 5, "a")
except TypeError as e:
    print("TypeError")
