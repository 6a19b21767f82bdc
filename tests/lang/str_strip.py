# strip family, removeprefix/suffix, replace
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print(repr("\t\n hi \r\x0b\x0c".strip()), repr("xxhixx".strip("x")), repr("abchicba".strip("abc")))
print(repr("hello".lstrip("he")), repr("hello".rstrip("lo")), repr("".strip()), repr("aaa".strip("a")))
print(repr("  a ".strip(None)))
print("prefix_body".removeprefix("prefix_"), "body".removeprefix("x"), "a.py".removesuffix(".py"), "a".removesuffix(""))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("hello".replace("l", ""), "hello".replace("xyz", "q"), "".replace("", "x"), "abab".replace("ab", "ba", 0))
print("a.b.c".replace(".", "::"), "aaaa".replace("aa", "b"))
try:
    "a".replace(1, "b")
except TypeError as e:
    print("TypeError", e)
