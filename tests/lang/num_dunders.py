# needs: complex
# operator dunders on int/float/complex and user subclasses calling super()
print(int.__add__(1, 2), int.__add__(1, 2.5), float.__mul__(2.0, 3), (5).__rsub__(7), (2.0).__rtruediv__(1))
print((3).__pow__(2), (3).__pow__(2, 5), (2).__rpow__(3), (7).__divmod__(2), (7.5).__divmod__(2), complex.__add__(1j, 1))
print((5).__lt__(6), (5).__eq__(5.0), (5.0).__eq__(5), (1j).__eq__(1j), (3).__neg__(), (3.5).__abs__(), (0).__bool__(), (5).__invert__())
class M(int):
    def __mul__(self, o):
        return M(super().__mul__(o) + 1)
    def __lt__(self, o):
        return super().__lt__(o)
print(M(3) * 4, M(2) < 3, 4 * M(3), pow(M(2), 3, 5), divmod(M(7), 2), round(M(15), -1))
class F(float):
    def __add__(self, o):
        return F(super().__add__(o) * 10)
print(F(1.5) + 1, 1 + F(1.5), F(2.5) * 2, divmod(F(7.5), 2), round(F(2.5)), F(3.0).is_integer())
class C(complex):
    pass
print(C(1, 2) + 1, C(1, 2).real, abs(C(3, 4)), C(1, 1) == 1 + 1j, format(C(1, 2)))
print((255).__format__('#x'), (2.5).__format__('.3f'), (1+2j).__format__(''), True.__format__(''), (7).__floor__(), (7).__ceil__(), (7).__trunc__())
class P(float):
    def __format__(self, spec):
        return "P" + super().__format__(spec)
print(format(P(1.25), ".1f"), f"{P(2.0):>6}")
class Q(int):
    pass
print(format(Q(10), "b"), f"{Q(3):03d}")
