# needs: bigint
# format() / str.format / f-strings of ints
for spec in ["", "d", "5", "<5", "^7", "=+8", "+", "-", " ", "05", "010", "#x", "#X", "#o", "#b",
             "x", "X", "o", "b", "_b", "_x", ",", "_", "08_x", "#010x", "09,", "010,", "0>10,",
             "*^9", "c", "n", "e", ".2f", "%", "g", "10.3e", ",.2f", "+,d", " 5d", "-^+7"]:
    for v in [0, 5, -5, 255, 1234567, -1234567]:
        if spec == "c" and not 0 <= v < 0x110000:
            continue
        print(repr(spec), repr(format(v, spec)))
print(format(2**100, ","), format(-(2**100), "_x"), format(2**70, "#b"), format(10**30, "e"))
print("{:_b}".format(1023), "{:>10}|{:<4}|".format(42, 7), f"{255:#06x}", f"{-42:=8}")
print(format(True, ""), format(True, "d"), format(False, "5"), f"{True:>6}")
print("é".join(["", format(65, "é^5"), ""]))
for spec in ["abc", ".2d", ",x", "+c", "q", ",b", "z", "#c", "10.2.3", ",_"]:
    try:
        print(format(65, spec))
    except ValueError as e:
        print("ValueError", e)
