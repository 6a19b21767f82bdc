# re: match/search/fullmatch, the documented syntax, match objects
import re

tests = [
    (r"abc", "xabcx"), (r"a.c", "a\nc abc"), (r"[a-c]+", "xxabcabd"), (r"[^a-c]+", "abcxyzabc"),
    (r"^abc", "abc"), (r"^abc", "xabc"), (r"abc$", "xabc"), (r"abc$", "abc\n"), (r"abc$", "abc\nx"),
    (r"ab?c", "ac abc"), (r"ab*c", "abbbc"), (r"ab+c", "ac abbc"), (r"ab??", "ab"), (r"ab*?", "abbb"),
    (r"ab+?", "abbb"), (r"a|b|c", "xxc"), (r"(a|b)+", "abbaxa"), (r"\d+", "abc 1234 x"),
    (r"\D+", "12ab34"), (r"\s+", "a \t\n b"), (r"\S+", "  word  "), (r"\w+", "!!hello_world42!!"),
    (r"\W+", "abc!?.def"), (r"\bfoo\b", "foobar foo"), (r"\Bbar", "bar foobar"), (r"\Aab", "ab"),
    (r"ab\Z", "ab\n"), (r"ab\Z", "xab"), (r"a{3}", "aaaa"), (r"a{2,}", "aaaaa"), (r"a{,2}", "aaa"),
    (r"a{1,3}?", "aaa"), (r"a{2,3}", "a aa aaa"), (r"x{0}y", "xy"), (r"[\d.]+", "v1.25!"), (r"[-a]+", "a-a-b"),
    (r"[a-]+", "-a-"), (r"[]a]+", "a]]b"), (r"[^]a]+", "a]bc"), (r"\.\*\+\?", "a.*+?"), (r"[\]\\]+", "x]\\]y"),
    (r"a\tb", "a\tb"), (r"\x41\u0042\U00000043", "ABC"), (r"\101", "A"), (r"\0", "\0"), (r"", "abc"),
    (r"x*", "abc"), (r"(ab)*c", "ababc"), (r"(?:ab)+", "ababab"), (r"[\w-]+@[\w.]+", "mail me@ex.com now"),
    (r"(\d{4})-(\d{2})-(\d{2})", "on 2024-05-17."), (r"a.*b", "a123b456b7"), (r"a.*?b", "a123b456b7"),
    (r"{", "a{b"), (r"a{x", "a{x"), (r"a{1,x}", "a{1,x}"), (r"x{}", "x{}"),
]
for pat, s in tests:
    for f in (re.match, re.search, re.fullmatch):
        m = f(pat, s)
        print(repr(pat), repr(s), f.__name__, m and (m.group(), m.span()))

m = re.search(r"(\w+) (\w+)(?: (\w+))?", "  hello world  ")
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(3), m.group(1, 2), m[2])
print(m.groups(), m.groups("-"), m.span(), m.span(1), m.start(2), m.end(2), m.span(3), m.start(3))
print(m.string, m.pos, m.endpos, m.re.pattern, m.lastindex, m.lastgroup)
print(m)
print(re.match("a", "a").groups(), re.match("(a)(b)?", "a").groups())

# compiled patterns, pos and endpos
p = re.compile(r"\d+")
print(p.pattern, p.flags, p.groups, p.groupindex)
print(p.match("ab12cd", 2), p.match("ab12cd", 1), p.search("12ab34", 1), p.search("12ab345", 2, 5))
print(p.fullmatch("a123b", 1, 4), p.search("12", 5), p.search("123", 2, 1), p.search("123", -5, 99))
print(re.compile("^a").search("ba", 1), re.compile("a$").search("ab", 0, 1))
print(p.findall("1 22 333", 2), [m.span() for m in p.finditer("1 22 333", 1, 6)])
print(re.compile("x") == re.compile("x"), re.compile("x") == re.compile("y"))
print(repr(re.compile("a+b")), repr(re.compile(b"a")), repr(re.compile("a", re.I | re.M)))
print(re.compile(p) is p, int(re.compile("a.b", re.S).flags & re.S))
print(type(p).__name__, type(re.match("a", "a")).__name__)
