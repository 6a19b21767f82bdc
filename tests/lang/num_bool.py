# needs: float
# bool is an int subclass with two values
print(True, False, repr(True), str(False), type(True).__name__, isinstance(True, int), issubclass(bool, int))
print(True + 1, True + True, False - 1, True * 10, True / 2, True // 2, True % 2, -True, ~False, abs(True))
print(True == 1, False == 0, True == 1.0, True is True, 1 == True, True > False, max(True, 2), True < 2.5)
print(bool(), bool(0), bool(1), bool(-0.0), bool(""), bool("a"), bool([]), bool([0]), bool(None))
print(True & False, True | False, True ^ True, False ^ True, True & 1, 3 | True, True << 3, True >> 1)
print(int(True), float(False), str(True), hex(True), bin(False), round(True))
print(hash(True) == hash(1), hash(False) == hash(0.0), {True: "a", 1: "b"}, {1.0: "x", True: "y"})
print(sum([True, True, False, True]), [1, 2, 3][True], "ab"[False], True ** 2, 2 ** True, divmod(True, 2))
print(format(True, "d"), format(False, ">5"), "%d" % True, f"{True:d}", True.bit_length(), True.real, True.imag)
print(True.numerator, True.denominator, True.conjugate(), type(True.conjugate()).__name__, True.to_bytes(1, "big"))
x = True
x += 1
print(x, type(x).__name__)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError", e)
