# needs: bigint
# float(): strings with inf/nan, underscores, whitespace; and errors
for s in ["1.5", "  -2.25  ", "1e3", "1E-3", ".5", "5.", "+.5e+2", "1_000.000_1", "inf", "-Infinity",
          "INF", "nan", "-NaN", "1e400", "-1e400", "1e-400", "10", "\t3.0\n",
          "123456789012345678901234567890", "0.000000000000000000001", "1_0e1_0"]:
    print(repr(s), float(s))
for bad in ["", " ", "abc", "1.2.3", "1e", "e5", "_1", "1_", "1__0", "1._5", "1 0", "--1", "infinit", "0x10", "1,5"]:
    try:
        print(float(bad))
    except ValueError as e:
        print("ValueError", e)
print(float(), float(3), float(-(2**70)), float(b"2.5"), float(True))
try:
    float([1])
except TypeError as e:
    print("TypeError", e)
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError", e)
class F:
    def __float__(self):
        return 2.5
print(float(F()))
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("0x1.fffffffffffffp+1023"), float.fromhex("inf"))
print((1.5).hex(), (-0.1).hex(), (0.0).hex(), (5e-324).hex(), (1e300).hex())
print(float.fromhex((0.1).hex()) == 0.1)
