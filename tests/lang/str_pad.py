# center / ljust / rjust / zfill / expandtabs
print(repr("ab".center(6)), repr("ab".center(7)), repr("abc".center(6)), repr("abc".center(7, "*")))
print(repr("ab".ljust(5)), repr("ab".rjust(5, "-")), repr("abcdef".ljust(3)), repr("ab".center(1)))
print(repr("a".center(4)), repr("a".center(5)), repr("ab".center(5)), repr("ab".center(4, "0")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(2), "".zfill(3), "-".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc\nd\te".expandtabs(3)), repr("\t".expandtabs(0)))
print(repr("x\ty".expandtabs(tabsize=2)))
for args in [(5, "ab"), (5, "")]:
    try:
        "x".center(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    "x".ljust(5, 1)
except TypeError as e:
    print("TypeError", e)
