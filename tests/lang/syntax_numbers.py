# needs: complex
# Number literals: every base, underscores, floats, exponents, imaginary.
print(0, 00, 0_0, 7, 1_000_000)
print(0x1f, 0XFF, 0x_dead_beef, 0o17, 0O7_7, 0b101, 0B1_0_1)
print(123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFFFFFFFFFF, 0o777777777777777777777777, 0b1111111111111111111111111111111111111111111111111111111111111111)
print(-0x8000000000000000, 2**64)
print(1.5, .5, 5., 1e3, 1E-3, 1.5e+3, 1_000.5e-3, 1_0.0_1, 0.0, 0e0, 00.5, 007.5)
print(1e400 > 10**300, 1e-400)
print(3.14159265358979323846)
print(1j, 2.5J, 1e2j, 0j, 1_0j, 09j)
print(1 + 2j, (1+2j) * 1j)
print(1if 1else 0)
x = 5
print(x.real, 5 .bit_length(), (5).bit_length(), 5.0.is_integer())
print(0xa+0xb, 0b1-0b1, 0o7*0o7)
print(type(1), type(1.0), type(1j), type(10**30))
