# needs: bigint
# int literals, int() parsing in every base, and its errors
print(0, 00, 0x1F, 0o17, 0b1011, 1_000_000, 0x_ff, 0b_1_0)
print(int(), int("42"), int(" -42 "), int("+7"), int("\t 12\n"))
print(int("1_000"), int("0x1f", 16), int("0x1f", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Z", 36), int("10", 2), int("777", 8), int("ff", 16), int("FF", 16))
for b in range(2, 37):
    print(b, int("10", b), int("1" * 5, b))
print(int("0", 0), int("000", 0), int("0_0", 0))
print(int(b"123"), int(bytearray(b" 9 ")), int(b"ff", 16))
print(int(3.99), int(-3.99), int(1e20), int(True), int(False))
print(int("123456789012345678901234567890"), int("-0x123456789abcdef0123456789", 0))
for bad in ["", " ", "1_", "_1", "1__0", "0x", "12a", "1.5", "010", "- 1", "++1", "0b2"]:
    try:
        print(int(bad, 0 if bad in ("010", "0b2") else 10))
    except ValueError as e:
        print("ValueError", e)
for args in [("12", 1), ("12", 37), ("12", -1)]:
    try:
        print(int(*args))
    except ValueError as e:
        print("ValueError", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError", e)
try:
    int([1])
except TypeError as e:
    print("TypeError", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    int("abc", 16 + 20)
    print(int("xyz", 36))
except ValueError as e:
    print("ValueError", e)
class I:
    def __index__(self):
        return 7
class T:
    def __int__(self):
        return 9
print(int(T()), bin(I()), hex(I()), oct(I()))
print(bin(0), bin(-5), oct(-8), hex(-255), hex(2**70), bin(2**65 + 1))
