# needs: bigint
# round(): banker's rounding, ndigits for int and float
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5), round(3.4999), round(-2.6))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(25, -1)).__name__)
for x in [2.675, 0.125, 0.375, 1.005, 12345.678, -12345.678, 5e-324, 1e300, 0.1, 1.23456789e-10]:
    print(x, [round(x, n) for n in (-3, -2, -1, 0, 1, 2, 3, 10, 400)])
for n in [0, 5, 15, 25, 35, -15, -25, 1234567, -1234567, 10**30 + 5 * 10**10, 2**100]:
    print(n, [round(n, d) for d in (-11, -2, -1, 0, 1)])
print(round(5.5, -1), round(15.0, -1), round(25.0, -1), round(1e300, -299), round(-0.4), round(-0.0, 1))
print(round(1.7976931348623157e308, -300), round(123.456, None), round(7, None))
for e in ["round(float('inf'))", "round(float('nan'))", "round(1.5, 1.5)", "round('x')", "round(1.7976931348623157e308, -308)"]:
    try:
        print(eval(e))
    except Exception as ex:
        print(type(ex).__name__, ex)
print(round(True), round(2**70 + 0.0), round(float(2**60) + 1.5))
class R:
    def __round__(self, n=None):
        return ("R", n)
print(round(R()), round(R(), 3))
print(round(-3.448428012087316e+61, -3), round(1.2345e200, -5), round(9.87e300, -2), round(1.5e22, -21), round(2.5e22, -22))
