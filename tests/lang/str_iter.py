# iterating str and bytes; helpers that consume iterables of chars
s = "añ😀b"
it = iter(s)
print(next(it), next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(list(reversed(s)), list(enumerate("ab")), sorted("cab"), "".join(sorted("cba")))
print(tuple("xy"), set("aa") == {"a"}, dict.fromkeys("ab"), list(zip("ab", b"cd")))
print(list(b"\x00\xff"), list(bytearray(b"az")), list(memoryview(b"mv")), max(b"abc"), sum(b"\x01\x02"))
print(any(c.isdigit() for c in "ab1"), all(c.isalpha() for c in "ab1"), list(map(ord, "AB")))
it2 = iter(bytearray(b"ab"))
print(next(it2), list(it2))
n = 0
for ch in "x" * 1000:
    n += 1
print(n, "".join(ch for ch in "hello" if ch != "l"))
a, b, c = "xyz"
print(a, b, c, *"pq", [*b"ab"])
