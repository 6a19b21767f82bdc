# needs: bigint
# int(str, base): every base, prefixes, underscores, whitespace, errors
def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

digits = "0123456789abcdefghijklmnopqrstuvwxyz"
for base in range(2, 37):
    s = digits[:base]
    t(int, s, base)
    t(int, s.upper(), base)
    t(int, "-" + s[::-1], base)
    t(int, digits[base - 1] * 30, base)
    t(int, "1_0_" + s[1:], base)
    t(int, digits[base] if base < 36 else "!", base)

for s in ["0x1f", "0X1F", "0o17", "0O17", "0b101", "0B101", "0x_1f", "0b_1_0",
          "0", "00", "000_0", "-0", "+0", "07", "0_7", "1_000", " 12 ", "\t-12\n",
          "0x", "0b", "0o", "_1", "1_", "1__0", "0x_", "+", "-", "", " ", "+-1",
          "--1", "0xg", "1e5", "1.0", "12\x00", "0_0", "0_", "00_1", "0b1_"]:
    t(int, s, 0)
for s in ["0x1f", "1f", "0X_ff", "0b11", "-0x10", " 0x10 "]:
    t(int, s, 16)
for s in ["0b11", "11", "0b_1", "-0B1"]:
    t(int, s, 2)
for s in ["0o17", "17", "0o_7"]:
    t(int, s, 8)
for s in ["12", " -12 ", "+12", "1_2", "1__2", "12_", "_12", "0x12", "1 2", "12.5", "1e3"]:
    t(int, s)
t(int, "z", 37)
t(int, "1", 1)
t(int, "1", -1)
t(int, "10", 36)
t(int, 10, 2)
t(int, b"12")
t(int, b"12", 16)
t(int, b" -1_2 ")
t(int, b"1x")
t(int, bytearray(b"7"), 8)
t(int, "1" * 4000 + "x")
t(int, "'" * 300)
t(float, "1" * 400 + "x")
t(lambda: int("99", base=16))
t(int, x="5")
t(int, "12", 2)
t(int, "-", 10)
# long inputs in several bases round-trip
n = 3 ** 700
for base in (2, 8, 10, 16, 36):
    t(lambda: int(format(n, "x") if base == 16 else str(n) if base == 10 else format(n, "o") if base == 8 else format(n, "b") if base == 2 else "zz" * 50, base) % 1000000007)
t(lambda: int("-" + "9" * 1000) % 998244353)
t(lambda: int("1" + "0" * 300) == 10 ** 300)
t(lambda: int("0x" + "f" * 200, 0) == 16 ** 200 - 1)
