# needs: complex
# format() of complex numbers
vals = [1 + 2j, -1.5 - 0.25j, 1j, -1j, 0j, complex(-0.0, 0.0), complex(1e20, -1e-20), complex(float("inf"), float("nan")), 3 + 0j, complex(0.0, -0.0)]
specs = ["", "g", ".2f", "e", ">20", "<20.3g", "^25", "+", " .1f", "*>30.2e", "10", ".0f", "#g", "G", "F", "n", ",.2f", "_f", "0", "010.2f", "=10", "+.3"]
for v in vals:
    for s in specs:
        try:
            r = format(v, s)
        except Exception as e:
            r = type(e).__name__ + ": " + str(e)
        print(repr(s), repr(v), repr(r), str(v))
