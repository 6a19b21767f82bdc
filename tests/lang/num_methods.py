# needs: bigint
# int and float methods and attributes
for n in [0, 1, -1, 255, -256, 2**64, -(2**64) + 1, 10**30]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.real, n.imag, n.numerator, n.denominator, n.conjugate())
for x in [0.5, -2.25, 3.0, 0.1, 1e300, -0.0, 1e-310]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.real, x.imag, x.conjugate())
print((7).__index__(), (2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__(), (2.7).__int__(), (3).__float__())
print(int.__name__, (5).__round__(), (2.567).__round__(2), (1234).__round__(-2))
for e in ["float('inf').as_integer_ratio()", "float('nan').as_integer_ratio()", "(1.5).is_integer(3)"]:
    try:
        print(eval(e))
    except Exception as ex:
        print(type(ex).__name__)
class MyInt(int):
    pass
m = MyInt(41)
print(m + 1, m * 2, m == 41, type(m).__name__, isinstance(m, int), -m, m.bit_length(), int(m), str(m), hex(m))
class MyFloat(float):
    pass
f = MyFloat(2.5)
print(f + 1, f * 2, f == 2.5, type(f).__name__, round(f), int(f), str(f))
print(abs(-3), abs(-3.5), abs(-(2**70)), abs(0), abs(-0.0))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2**70, 3), divmod(1, 2.0))
