# bytes methods
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b"xxaxx".strip(b"x"), b.split(), b"a,b,,c".split(b","))
print(b"a,b,c".rsplit(b",", 1), b"a b c".split(None, 1), b"a\nb\r\nc".splitlines(), b"a\nb".splitlines(True))
print(b.upper(), b.lower(), b"hello world".title(), b"hello".capitalize(), b"AbC".swapcase())
print(b"abc".find(b"c"), b"abc".find(99), b"abcabc".rfind(b"b"), b"abc".index(b"b"), b"abcabc".count(b"bc"), b"abc".count(97))
print(b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"bc")), b"abc".replace(b"b", b"XY"), b"aaa".replace(b"a", b"b", 2))
print(b",".join([b"a", b"b", bytearray(b"c")]), b"".join([]), b"a=b".partition(b"="), b"a=b=c".rpartition(b"="))
print(b"123".isdigit(), b"abc".isalpha(), b"ab1".isalnum(), b" \t".isspace(), b"AB".isupper(), b"ab".islower(), b"".isdigit())
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"pre_x".removeprefix(b"pre_"), b"x.py".removesuffix(b".py"))
print(b"caf\xc3\xa9".decode(), b"abc".decode("ascii"), b"\xff".decode("latin-1"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode(errors="ignore"))
for data in [b"\xff", b"a\xe2\x82", b"\xe2\x82a", b"\xed\xa0\x80", b"ab\xc3"]:
    try:
        data.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
try:
    b"\xff".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    b"a".join(["x"])
except TypeError as e:
    print("TypeError", e)
try:
    b"abc".index(b"z")
except ValueError as e:
    print("ValueError", e)
