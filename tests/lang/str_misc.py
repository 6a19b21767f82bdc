# encode, translate/maketrans, format_map, str subclass basics
print("abc".encode(), "é".encode("utf-8"), "abc".encode("ascii"), "é".encode("latin-1"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print("é".encode("ascii", "ignore"), "aé".encode("ascii", "replace"))
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc".translate(t))
t2 = str.maketrans({"a": "1", "b": None, ord("c"): 67})
print("abcd".translate(t2), "hello".translate({ord("l"): "L"}))
t3 = str.maketrans("ab", "cd", "x")
print("axbx".translate(t3))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
class S(str):
    pass
s = S("hello")
print(s, len(s), s.upper(), s + "!", isinstance(s, str), s == "hello", s[1:3])
print("{0!r} {0!s}".format(s))
