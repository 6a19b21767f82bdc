# needs: bigint
# s[i] of an exact str with an int index is done by the loop itself; the
# edges: negative and out-of-range indexes, non-ASCII text (forward,
# backward, random order), the empty str, names, subclasses with and
# without __getitem__, bools and big ints as indexes.
s = "aé€😀z"
print([s[i] for i in range(-5, 5)], [s[i] for i in (4, 0, 3, 1, 2, -1, -4)])
a = "ascii text"
print(a[0], a[-1], a[5], "x"[0], "x"[-1], "hello"[1])
for t, i in [(s, 5), (s, -6), ("", 0), ("", -1), (a, 10), (a, -11), ("name", 4)]:
    try:
        t[i]
    except IndexError as e:
        print("IndexError", e)
print(a[True], a[False], s[True])
try:
    a[10 ** 20]
except IndexError as e:
    print("IndexError", e)


class S(str):
    pass


class G(str):
    def __getitem__(self, i):
        return ("G", i)


print(S("abc")[1], type(S("abc")[1]).__name__, G("abc")[1], S("é€")[-1])
long = "é" + "x" * 100000 + "€"
print(long[0], long[-1], long[50000], long[100001], long[-100002])
print(sum(ord(long[i]) for i in range(0, len(long), 997)))
