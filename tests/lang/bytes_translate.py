# bytes translate / maketrans / zfill / isascii
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], b"aabbcc".translate(t), b"hello".translate(None, b"l"), bytearray(b"abc").translate(t, b"b"))
print(b"42".zfill(5), b"-42".zfill(5), bytearray(b"7").zfill(3), b"abc".isascii(), b"\x80".isascii(), bytearray.maketrans(b"a", b"b")[97])
for args in [(b"short",), (None, 5)]:
    try:
        b"x".translate(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bytes.maketrans(b"ab", b"c")
except ValueError as e:
    print("ValueError", e)
