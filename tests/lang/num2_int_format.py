# needs: unicode
# format() of ints and bools: every type, fill/align/sign/grouping/#, errors
def t(v, spec):
    try:
        return format(v, spec)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)

specs = ["", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r",
         "10", "<10", "^10", "=10", "*>10", "010", "+", " ", "-", "+d", " 5d", "#b", "#o", "#x", "#X",
         "#010x", "#010b", "+#x", ",", "_", ",d", "_b", "_o", "_x", "_X", "#_x", ",x", ",b", "015,d",
         "015_x", "#015_b", ",.2f", "_.3e", ".2", ".0", "10.3", "z", "zd", "=+08", "0=8", "^+9,", "_n",
         ",c", "+c", "#c", "<05", ">05x", "^05", "#", "0", "00", "x<#10_b", ".3%", "12,.1%", "#.0e", "_g"]
for v in (0, 1, -1, 7, -255, 65, 1234567, -1234567890, 2**64, -(2**100) + 1, True, False, 0x10FFFF, 0x110000, -65):
    print(repr(v), [t(v, s) for s in specs])
big = 7 ** 300
for s in ("d", "x", "o", "b", ",", "_x", "e", ".30g", "f", "%", "#X", "60", "0=400"):
    r = format(big, s)
    print(s, len(r), r[:40], r[-20:])
for v in (0, 255, -255, 2**70):
    print(bin(v), oct(v), hex(v), "%d %5x %-6o %#x %X %+d % d %05d %.3d %c" % (v, v, v, v, v, v, v, v, v, 65))
class I:
    def __index__(self):
        return 42
print(bin(I()), oct(I()), hex(I()), "%x" % I(), "%o|%X|%d" % (I(), I(), I()))
for f in (bin, oct, hex):
    for a in (1.5, "1", None):
        try:
            f(a)
        except TypeError as e:
            print(f.__name__, e)
print("{:,}".format(10**20), "{:_}".format(-10**20), "{:_b}".format(2**20), "{:#_o}".format(8**9))
print(f"{12:{'>'}{5}}", f"{255:#{'x'}}", f"{-3:=6}", f"{True:d}", f"{True}", f"{False!r:>7}")
print([format(c, s) for c in (255, 0x3b1, 0x1F600) for s in ("5c", "<4c", "^7c", "*>3c")])
