# re: patterns that take exponential time in a plain backtracking matcher
# (CPython's included) finish here in polynomial time (about quadratic in the
# text at worst): the
# matcher memoises failed states once a search has taken many steps.
# CPython would not finish, hence the .exp file.
import re

n = 3000
cases = [
    (r"(a+)+$", "a" * n + "b", re.match),
    (r"(a|aa)+$", "a" * n + "b", re.match),
    (r"(a*)*$", "a" * n + "b", re.match),
    (r"(a|a)*c", "a" * n, re.search),
    (r"(x+x+)+y", "x" * n, re.search),
    (r"^(\w+\s?)*$", "word " * (n // 5) + "!", re.match),
    (r"(.*a){20}", "a" * 25 + "b" * n, re.match),
    (r"^(([a-z])+.)+[A-Z]([a-z])+$", "a" * n + "!", re.match),
    (r"(?:a?){%d}a{%d}" % (40, 40), "a" * 40, re.match),
    (r"(a+)+b", "a" * n, re.search),
    (r"\s*(\w+\s*)*\d", "hello world " * (n // 12), re.search),
]
for pat, text, f in cases:
    m = f(pat, text)
    print(pat[:24], len(text), m and m.span())

# a match is still found, with CPython's groups, once memoisation is on
m = re.match(r"((a|aa)+)(b?)$", "a" * 2000 + "b")
print(m.span(), len(m.group(1)), m.group(2), m.group(3))
m = re.search(r"(a*)*b", "a" * 2000 + "ab")
print(m.span(), m.groups())
