# needs: float
# format() of floats: every presentation type, flags, grouping, z
vals = [1.5, 10.0, 1.0, float("inf"), -0.0, 123456789.0, 0.0001234, float("nan"), -0.001, 2.675, 1e20, 0.5]
specs = ["", ".0", ".1", ".2", ".3", "010", "<010", "+010", "=+10", "#.0f", "#.0e", "#g", "#.3g", "g", ".0g",
         "e", "E", "f", "F", "G", "%", ".1%", "z.0f", "z.2f", "n", "10.3n", "_.2f", ",g", ",e", ",.3f",
         "^12.2e", "012,.2f", " .3f", ".10f", ".17g", ".25f", "+.2e"]
for s in specs:
    print(repr(s), [format(v, s) for v in vals])
print(format(1234567.891, ",.2f"), format(0.000012345, "g"), format(1e20, ""), format(-0.0, "+"))
print(f"{3.14159:.2f}", f"{2.5:08.3f}", "{:e}".format(12345.6789), "{:.3%}".format(0.25))
print(format(1e300, "f")[:20], len(format(1e300, "f")), format(5e-324, ".3e"), format(1e-310, "g"))
for spec in ["d", "x", "c", "b", ".2d", "s"]:
    try:
        print(format(1.5, spec))
    except ValueError as e:
        print("ValueError", e)
print(format(0.1, ".50g"), format(1/3, ".60"), format(2**0.5, "#.45g"), format(1e22, ".40g"))
print(round(0.1, 60), format(5e-324, ".60e"))
