# needs: complex
# complex numbers: arithmetic, repr, parsing, errors
a, b = 1 + 2j, 3 - 4j
print(a, b, a + b, a - b, a * b, a / b, -a, +a, abs(b), a == 1 + 2j, a != b)
print(1j, -1j, 0j, complex(-0.0, -1), complex(0.0, -0.0), complex(-0.0, 0), 2 + 0j, -(0j))
print(complex(float("nan"), float("inf")), complex(1e16, 1.5), complex(1.5, 1e-7), 1e300j * 1e10)
print(complex(), complex(2), complex(2.5, -1), complex("1+2j"), complex(" ( -1.5e3-2j ) "), complex("j"), complex("-j"))
print(complex("3"), complex("-2.5j"), complex("inf+nanj"), complex("1e5+1e-5j"), complex(1 + 1j, 1j), complex(real=1, imag=2))
print(a.real, a.imag, a.conjugate(), (5).real, (5).imag, (2.5).imag, (2.5).conjugate(), (7).conjugate())
print(a ** 2, a ** -1, (1j) ** 2, (2 + 0j) ** 0.5, 2 ** (1j) == 2 ** (1j), (1 + 1j) ** 10, 0j ** 0)
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a / 2, 2 / a, True + a, a == 1, (1 + 0j) == 1, 1.0 == 1 + 0j)
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), bool(0j), bool(1j))
for e in ["a / 0", "a / 0j", "0j ** -1", "a // 2", "a % 2", "a < b", "complex('1+')", "complex('1 + 2j')",
          "complex('')", "complex('1', 2)", "complex(1, '2')", "complex([])", "int(a)", "float(a)", "0j ** (1j)"]:
    try:
        print(eval(e))
    except Exception as ex:
        print(type(ex).__name__, ex)
print(format(1 + 2j), format(1.5 + 2j, ".2f"), format(1j, ">10"), format(-1 - 1j, "^14"), format(3 + 4j, "+.1e"))
print([complex(x, y) for x in (0, -1) for y in (0.5, -0.0)])
print((1 + 2j) * (1 - 2j), (3 + 4j) / (3 + 4j), 1 / (1e-300 + 1e-300j) == 1 / (1e-300 + 1e-300j))
