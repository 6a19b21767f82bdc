# needs: float
# keyword arguments and argument errors of numeric constructors and builtins
print(int('ff', base=16), (255).to_bytes(length=2, byteorder='big'), int.from_bytes(bytes=b'\x01\x02', byteorder='little'))
print(round(number=2.5), round(2.567, ndigits=1), pow(2, 10, mod=1000))
print((5).to_bytes(2, 'big', signed=True), int.from_bytes(b'\xff', 'big', signed=True))
for call in ["int(x=5)", "int('5', 10, 3)", "float(1, 2)", "bool(1, 2)", "pow(1)", "round()", "divmod(1)", "(5).to_bytes(1, 'big', True)", "int.from_bytes()", "(1).bit_length(2)", "hex(1.5)", "bin('1')", "oct(None)"]:
    try:
        print(eval(call))
    except Exception as e:
        print(type(e).__name__)
