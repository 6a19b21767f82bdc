# needs: bigint
# pseudo-random format specs over ints and floats (deterministic LCG)
seed = 4242
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
fills = ["", "*", "0", "é"]
aligns = ["", "<", ">", "^", "="]
signs = ["", "+", "-", " "]
types_i = ["", "d", "b", "o", "x", "X", "n", "e", "f", "g", "%", "E", "G", "F", "c"]
types_f = ["", "e", "f", "g", "%", "E", "G", "F", "n"]
vals = [0, 1, -1, 7, -42, 255, 65535, -1000000, 123456789, 2**64, -(10**25), 0.0, -0.0, 1.5, -2.25, 1e-7, 123456.789, 1e22, -9.99e-5, 0.5, 2.5, float("inf"), float("nan"), 1e16, 3.14159265358979]
for i in range(700):
    v = vals[rnd() % len(vals)]
    al = aligns[rnd() % 5]
    fi = fills[rnd() % 4] if al else ""
    spec = fi + al + signs[rnd() % 4] + ("z" if rnd() % 6 == 0 else "") + ("#" if rnd() % 4 == 0 else "") + ("0" if rnd() % 4 == 0 else "")
    if rnd() % 2:
        spec += str(rnd() % 20)
    g = rnd() % 5
    spec += "," if g == 0 else "_" if g == 1 else ""
    if rnd() % 2:
        spec += "." + str(rnd() % 12)
    t = types_i if isinstance(v, int) else types_f
    spec += t[rnd() % len(t)]
    try:
        r = format(v, spec)
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(spec), repr(v), repr(r))
