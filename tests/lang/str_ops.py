# needs: float
# operators on str: + * comparisons, hashing as dict keys, errors
a = "abc"
print(a + "def", a * 3, 2 * a, a * 0, a * -1, "" * 5)
print(a == "abc", a != "abd", a < "abd", a <= "abc", "b" > "abc", "" < "a", "Z" < "a")
d = {"key": 1, "k" + "ey2": 2}
print(d["ke" + "y"], d["key2"], "key" in d)
s = "x"
s += "y"
s *= 2
print(s)
for expr in ['"a" + 1', '1 + "a"', '"a" * "b"', '"a" * 1.5', '"a"[1]', '"abc"["x"]', '"a" < 1']:
    try:
        eval(expr)
    except (TypeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    a[0] = "x"
except TypeError as e:
    print("TypeError", e)
print(bool(""), bool("x"), len(""), len("abc"))
print("abc"[0], "abc"[-1], "abc"[1:], "abc"[:-1], "abcdef"[::2], "abcdef"[::-2], "abc"[5:])
print(str.upper("x"), str.join(",", "ab"), type("") is str, isinstance("a", str))
