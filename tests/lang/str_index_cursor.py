# Indexing and slicing non-ASCII str by code point, in orders that move
# the remembered positions forwards, backwards and between strings.
s = "a\u00e9\u20ac\U0001f600b" * 50
t = "\u20ac" + s
n = len(s)
out = []
for i in list(range(0, n, 7)) + list(range(n - 1, -1, -11)) + [7, 200, 3, 199, 0, n - 1]:
    out.append(s[i] + t[i] + s[-i - 1])
print("".join(out))
print(s[5:17], s[245:], s[-3:], t[1:4], s[3], t[3], repr(s[100:90]), s[13:14] + s[::-37])
print(sum(ord(s[i]) for i in range(0, n, 3)), [s[i:i + 3] for i in range(240, 250, 2)])
words = ["\u00fcber", "caf\u00e9", "na\u00efve"]
print([w[j] for j in range(4) for w in words])
