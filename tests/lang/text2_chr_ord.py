# needs: unicode
# chr/ord over all of Unicode; repr of every kind of character.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for cp in [0, 9, 10, 13, 31, 32, 39, 92, 127, 128, 159, 160, 173, 255, 256, 0x378, 0x7FF, 0x800, 0xFFFF,
           0x10000, 0x1F600, 0xE0001, 0xE0100, 0xF0000, 0x10FFFF, 0x2028, 0xFEFF, 0x200B]:
    c = chr(cp)
    print(cp, repr(c), ascii(c), ord(c) == cp, len(c), c.isprintable(), len(c.encode("utf-8")))
total = 0
for cp in range(0, 0x110000, 97):
    if 0xD800 <= cp < 0xE000:
        continue
    c = chr(cp)
    total += ord(c) + len(repr(c)) + len(c.encode())
print(total)
s = "".join(chr(c) for c in range(0x1F600, 0x1F610))
print(len(s), s[3], s[-1], s[2:5], s[::-3], ord(s[7]), s.find(chr(0x1F605)), list(map(ord, s[:3])))
t(lambda: chr(-1))
t(lambda: chr(0x110000))
t(lambda: chr(2**70))
t(lambda: chr("a"))
t(lambda: chr(1.5))
t(lambda: ord(""))
t(lambda: ord("ab"))
t(lambda: ord(b"ab"))
t(lambda: ord(1))
print(ord(b"a"), ord(bytearray(b"\xff")), ord("\U0010ffff"), chr(True), "\u00e9")
print(repr("\x00\x7f\x80\xa0\xad\u2028\ufeff\U000e0001\U0010ffff'\"\\"), ascii("é€😀"), repr("a'b"), repr('a"b'), repr("a'\"b"))
print("😀".encode("utf-8"), "😀".encode("utf-8").decode("utf-8") == "😀", b"\xf0\x9f\x98\x80".decode(), len(b"\xf0\x9f\x98\x80".decode()))
t(lambda: b"\xed\xa0\x80".decode())
t(lambda: b"\xf4\x90\x80\x80".decode())
t(lambda: b"\xc0\x80".decode())
t(lambda: b"a\xf0\x9f\x98".decode())
print(b"\xed\xa0\x80x".decode("utf-8", "replace"), b"\xf0\x9f\x98x".decode("utf-8", "replace"), b"\xc0\xaf".decode("utf-8", "ignore"))
