# needs: unicode
# re: str subjects beyond ASCII (positions count characters), bytes subjects
import re

s = "naïve café – 日本語 text 😀 end"
for pat in [r"\w+", r"[^\x00-\x7f]+", r"é", r"日本", r".", r"😀", r"\s\S+\s", r"(\w)(\w+)$"]:
    print(repr(pat), [(m.group(), m.span()) for m in re.finditer(pat, s)][:6])
m = re.search("(日)(本)(語)", s)
print(m.span(), m.span(2), m.start(3), m.end(), s[m.start():m.end()])
print(re.compile("é").search(s, 5), re.compile("e").search(s, 12).span(), re.compile(r"\w+").findall(s, 6, 12))
print(re.sub("[àâäçéèêëîïôöùûü]", "_", s), re.split(r"\s+", s))
print(re.match(".{3}", "€€€€").group(), re.match("[€-€]+", "€€x").group(), re.match("[^€]", "€x"))
print(re.findall("[α-ω]+", "abc αβγ def ωψ"), re.findall("(?i)[α-ω]+", "ΑΒΓ δ"))
print(re.match(r"\u00e9\U0001F600", "é😀").span(), re.match("..", "😀😀").span())
print(re.sub(r"\b", "|", "ünï côde"), re.findall(r"\b\w", "ünï côde"))

b = bytes(range(256))
print(re.search(rb"[\x80-\xff]+", b).span(), re.search(rb"\xff", b).span(), re.findall(rb"\d", b))
print(re.match(rb"\w+", "é".encode() + b"x"), re.search(rb"(.)\1", b"abccd").group())
print(re.search(b"b", bytearray(b"abc")).span(), re.search(b"c", memoryview(b"abc")).span())
for a, b2 in [("x", b"x"), (b"x", "x")]:
    try:
        re.search(a, b2)
    except TypeError as e:
        print("TypeError", e)
try:
    re.search("x", 5)
except TypeError as e:
    print("TypeError", e)
