# needs: float
# repr(float) and float(str) of decimals with few digits take a path in
# double arithmetic (m / 10^n exact); its edges against the general one:
# ties between two short decimals, 2^52 and 2^53, the exponent limit 22,
# long mantissas, trailing zeros, signs, underscores, subnormals.
import struct

vals = [0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, 1499.85, 0.25, 1e-4, 9.999e-5, 1e15, 1e16, 1e17,
        123456789012345.6, 1234567890123456.7, 4503599627370495.5, 4503599627370496.0,
        4503599627370497.0, 9007199254740991.0, 9007199254740992.0, 9007199254740993.0,
        5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 0.5, 1.5, 2.5, 1e22, 1e23,
        1e-22, 1e-23, 0.000123, 123e-20, 9.5, 99.5, 0.05, 0.95, 0.995, 7.0, 100.0]
for v in vals:
    for x in (v, -v, v * 3, v / 7, v * 1.0000000000000002):
        print(repr(x), float(repr(x)) == x)

# consecutive doubles around short decimals: only one of each is short
for base in (0.1, 1.1, 1234.5678, 3.14159, 1e10 + 0.5):
    b = struct.unpack('<Q', struct.pack('<d', base))[0]
    for d in range(-3, 4):
        x = struct.unpack('<d', struct.pack('<Q', b + d))[0]
        print(repr(x))

texts = ["0", "-0", "0.0", "-0.0", "1", "1.", ".5", "-.5", "1e22", "1e23", "1e-22", "1e-23", "123456789e-22",
         "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740993.0",
         "900719925474099.3", "90071992547409.93e1", "1.000000000000000000001", "0.10000000000000000555",
         "1_000.5", "1_0e1_0", "1e0000000000000000000000001", "1e-0000000022", "1E+5", "1e400",
         "-1e400", "1e-400", "4.9e-324", "2.4703282292062328e-324", "0.000000000000000000000000001",
         "00000000000000000000000000000000000012.5", "12.50000000000000000000000000000",
         "179769313486231570000000000000000000000e270"]
for t in texts:
    print(t, repr(float(t)))
