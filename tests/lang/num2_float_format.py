# needs: float
# format() of floats: every presentation type with width/fill/align/sign/grouping/#/z
def t(v, spec):
    try:
        return format(v, spec)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

vals = [0.0, -0.0, 1.0, -1.5, 0.5, 2.5, 1234567.891, -1234567.891, 1e-7, 1.5e-5, 9.9999e-5,
        0.00012345, 123456789012345678.0, 1e16, 1e22, 1.7976931348623157e308, 5e-324,
        0.1, 2/3, 99.5, 9.5, 999999.5, 1e100, float("inf"), float("-inf"), float("nan")]
types = ["", "e", "E", "f", "F", "g", "G", "%", "n"]
for v in vals:
    for ty in types:
        row = []
        for p in ("", ".0", ".1", ".3", ".12", ".17", ".25"):
            row.append(t(v, p + ty))
        print(repr(v), ty, row)
specs = ["10", "<10", ">10", "^10", "=10", "*^12", "0>8", "010", "+", "-", " ", "+010", " 012.3f",
         ",", "_", ",.2f", "_.3f", ",e", ",g", ",%", "012,.2f", "015_.1f", "#", "#.0f", "#.0e",
         "#g", "#.3g", "#.0g", "#10.0%", "z", "z.1f", "z+.2f", "z.0e", "z010.3f", "z^9.1f", "+.0%",
         "x<+12,.3f", "\u2192^11.2e", "<", "=+12.3g", "0=+12.3", "013", "-013.4", "d", "x", "s", "c",
         ",_", "_,", ".f", "10.", ".-1f", ".2147483648f", "+ f", ".9999999999f", "999999999999999999999f", "0100.1e", "#x",
         "=^10", "<<10", ".3%", "20.10e", "30.20g", "#.3G", "#010.2e", ".30f", "_n", ",n"]
for v in (0.0, -0.0, 1234.5678, -0.001, 12345678.9, -1e-300, float("inf"), float("nan"), -float("nan"), 1e200):
    print(repr(v), [t(v, s) for s in specs])
# %-formatting and str.format
for v in (0.0, -0.0, 3.14159, -2.5e-10, 1e20, float("inf")):
    print("%f|%e|%g|%G|%E|%.0f|%.0e|%#.0f|%+.3g|%010.2f|%-10.2e|%5.1f%%|%r|%s|%a" % ((v,) * 15))
    print("{0}|{0:}|{0!r}|{0:>9.2}|{0:,.3f}|{0:=+12.4e}|{0:<9g}".format(v))
print("%d %i %x %o" % (3.99, -3.99, 255, 8))
try:
    "%x" % 255.0
except TypeError as e:
    print("TypeError", e)
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f} {1.0005:.3f} {2.675:.2f}")
print(f"{1e-5!s} {1e-5!r} {1e16!s} {1.0:.1e} {123.456:10.4} {123.456:.4}")
print(f"{12345.6789:,} {12345.6789:_} {1234567.0:,} {-1234567.0:,.0f} {1e20:,.2f}")
print(format(1.5), format(1e16), format(1e-5), format(-0.0), format(2.0, ""), str(1e300 * 10))
