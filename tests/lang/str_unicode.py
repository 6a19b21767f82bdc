# needs: unicode
# indexing, slicing, iteration and len by code point
s = "héllo wörld 日本 😀!"
print(len(s), len(s.encode()), s[1], s[-1], s[-2], s[12], s[14])
print(s[1:4], s[::2], s[::-1], s[-5:], s[3:100], s[100:], s[2:2])
print(list("aé日😀"), [c for c in "ñ😀x"])
print(s.find("ö"), s.index("日"), s.rfind("l"), s.count("l"), s.find("😀", 10))
print(s.upper(), s.split(), "日本".center(6, "★"))
print("ÅÉÎÕÜ".lower(), "àéîõü".upper(), "Ωμέγα".upper(), "ПРИВЕТ".lower(), "straße".upper())
print("é".isalpha(), "日".isalpha(), "É".isupper(), "é".islower(), "Ωμέγα".istitle())
print(s.replace("ö", "o"), s.startswith("hé"), s.endswith("!"), s.partition("日"))
print(ord("é"), ord("日"), ord("😀"), chr(233), chr(0x65e5), chr(0x1f600), chr(0), repr(chr(0x10ffff)))
print("a" < "é" < "日" < "😀", sorted(["b", "é", "a", "日"]), max("aé日"))
print("%s|%5s|%-5s|" % ("日本", "é", "ü"), "{:^7}".format("日本"), f"{'ñ':*>4}")
try:
    s[100]
except IndexError as e:
    print("IndexError", e)
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError", e)
try:
    chr(-1)
except ValueError as e:
    print("ValueError", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError", e)
try:
    ord("")
except TypeError as e:
    print("TypeError", e)
print(s.encode("utf-8")[:8], "é".encode(), len("😀".encode()))
