# needs: float
# re: capturing, non-capturing and named groups, back-references, lastindex
import re

m = re.match(r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?", "2023-07")
print(m.groupdict(), m.groupdict("none"), m.group("year"), m["month"], m.span("month"), m.start("day"))
print(m.lastindex, m.lastgroup, m.re.groupindex == {"year": 1, "month": 2, "day": 3})
print(re.compile(r"(?P<a>x)(y)(?P<b>z)").groupindex)

for pat, s in [
    (r"(a)(b)(c)", "abc"), (r"((a)b)", "ab"), (r"(a)|(b)", "b"), (r"(a(b(c)))", "abc"), (r"(a)*", "aaa"),
    (r"(a|ab)(c|bcd)(d*)", "abcd"), (r"(a*)+", "b"), (r"(a*)*", "b"), (r"(a?)*", "aa"), (r"(a|)*", "aa"),
    (r"(?:(a)|b)*", "ab"), (r"(?:(a)|(b))*", "ab"), (r"(a)(?:b)(c)", "abc"), (r"(x)?y", "y"), (r"()", ""),
    (r"((a)|(b))+", "ab"), (r"(a+)(a+)", "aaaa"), (r"(a+?)(a+)", "aaaa"), (r"(.*)(\d+)", "abc123"),
    (r"(.*?)(\d+)", "abc123"), (r"(?P<x>a)(?P<y>b)?", "a"),
]:
    m = re.match(pat, s)
    print(repr(pat), m and (m.group(), m.groups(), m.lastindex, m.lastgroup, m.span(1)))

# back-references
print(re.match(r"(\w+) \1", "hey hey you").group())
print(re.match(r"(\w+) \1", "hey you"))
print(re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' or \"yo\"").group())
print(re.findall(r"(\w)\1", "aabbcdd"))
print(re.match(r"(a)|\1", "x"))
print(re.match(r"(?i)(ab)\1", "abAB"))
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "one two three four"))

# group arguments
m = re.match(r"(a)(b)", "ab")
for g in (0, 1, 2, "x", 3, -1, 1.0):
    try:
        print(g, m.group(g))
    except (IndexError, TypeError) as e:
        print(g, type(e).__name__, e)
print(m.group(1, 2, 0), m.regs)
