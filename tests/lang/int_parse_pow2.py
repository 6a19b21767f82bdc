# needs: bigint
# int(s, base) for power-of-two bases packs bits directly: check long
# strings across digit-word boundaries, signs, prefixes and underscores.
chars = "0123456789abcdefghijklmnopqrstuv"
for base in (2, 4, 8, 16, 32):
    for n in (1, 7, 8, 9, 10, 11, 12, 13, 31, 32, 33, 63, 64, 65, 100, 1000):
        s = "".join(chars[(i * 7 + n) % base] for i in range(n))
        v = int(s, base)
        # rebuild by arithmetic, digit by digit
        w = 0
        for c in s:
            w = w * base + chars.index(c)
        if v != w:
            print("mismatch", base, n)
    print(base, v.bit_length(), hex(v)[-12:], v % 1000003)
print(int("-0x" + "f" * 40, 16) == -(16 ** 40 - 1))
print(int("0b" + "1_0" * 40, 0) == int("10" * 40, 2))
print(hex(int("0o" + "7" * 30, 8)))
print(int("0" * 50 + "1", 16), int("-" + "0" * 50, 2))
print(hex(int("ffffffff" * 3, 16)), hex(int("1" + "00000000" * 3, 16)))
big = int("f" * 100000, 16)
print(big.bit_length(), big == (1 << 400000) - 1)
for bad in ("0x", "1__0", "_1", "1_", "g" * 20):
    try:
        int(bad, 16)
        print("accepted", bad)
    except ValueError as e:
        print("ValueError", str(e)[:40])
