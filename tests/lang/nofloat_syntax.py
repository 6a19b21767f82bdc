# needs: no-float
# A build without floats (PX_HAS_FLOAT=0) refuses float literals at compile
# time with a SyntaxError; int literals in every base still work.
for src in ["x = 1.5", "x = .5", "x = 1e3", "x = 1E-3", "x = 1_000.0", "x = 2.", "print(1 + 0.5)"]:
    try:
        exec(src)
        print("compiled", src)
    except SyntaxError as e:
        print("SyntaxError", src, "|", e.args[0])
try:
    compile("y = 3.25\n", "<text>", "exec")
except SyntaxError as e:
    print("compile:", type(e).__name__, e.args[0])
print(10, 0x1F, 0o17, 0b101, 1_000_000, -7)
# an 'e' after digits starts a keyword, not an exponent
print(0 if 1else 2, [x for x in (1, 2) if x])
