# ord() decodes one code point without counting the string; len() of new
# strings is counted eight bytes at a time: every alignment of multi-byte
# characters around those eight-byte steps.
for s in ["a", "\u00e9", "\u20ac", "\U0001f600", "", "ab", "\u00e9\u00e9", "a\U0001f600", "\U0001f600" * 9]:
    try:
        print(ord(s))
    except TypeError as e:
        print(e)


class S(str):
    pass


print(ord(S("x")), ord(S("\u20ac")))
try:
    ord(S("xy"))
except TypeError as e:
    print(e)
pieces = ["a", "\u00e9", "\u20ac", "\U0001f600"]
out = []
for n in range(0, 40):
    for k in range(4):
        s = "".join(pieces[(i * (k + 1) + n) % 4] for i in range(n))
        t = s + "z"
        out.append(len(s) + len(t[1:]) * 100)
print(out)
print([len(("a\u00e9\u20ac\U0001f600" * 37)[i:i + 90]) for i in range(0, 148, 13)])
