# needs: bigint
# int(s, base) for other bases splits long texts in halves at powers of
# the base (divide and conquer over Karatsuba multiplication): check
# lengths around the split sizes against digit-by-digit arithmetic, signs,
# leading zeros, underscores, and a round trip through str().
import sys

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)  # CPython limits int/str conversions; MicroPython does not

chars = "0123456789abcdefghijklmnopqrstuvwxyz"
seed = 12345


def text(base, n):
    global seed
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(chars[(seed >> 8) % base])
    return "".join(out)


def slow(s, base):
    # Horner in chunks of 4 digits: only small multipliers
    w = 0
    for i in range(0, len(s) - len(s) % 4, 4):
        w = w * base ** 4 + int(s[i:i + 4], base)
    for c in s[len(s) - len(s) % 4:]:
        w = w * base + chars.index(c)
    return w


for base in (10, 3, 7, 36):
    for n in (1, 9, 19, 20, 359, 360, 361, 719, 720, 721, 1439, 1441, 2000, 5761, 12001):
        s = text(base, n)
        v = int(s, base)
        if v != slow(s, base):
            print("mismatch", base, n)
    print(base, v.bit_length(), v % 1000003, int("-" + s, base) == -v)

# zeros: leading, trailing, all
print(int("0" * 5000 + "123") == 123, int("1" + "0" * 6000) == 10 ** 6000, int("0" * 7000))
print(int("9" * 20000) == 10 ** 20000 - 1, int("-" + "9" * 20000) == 1 - 10 ** 20000)
# underscores and whitespace as CPython takes them
s = "_".join(["123456789"] * 2000)
print(int(s) == int(s.replace("_", "")), int("  \t" + "7" * 3000 + "\n ") == (10 ** 3000 - 1) // 9 * 7)
# round trip through str() (divide and conquer both ways)
x = 3 ** 40000 + 7 ** 9000
print(int(str(x)) == x, int(str(-x)) == -x, len(str(x)))
# a literal in source goes through the same parser
print(eval("9" * 5000) == 10 ** 5000 - 1)
