# needs: complex
# Numeric literal tokenization: underscores, prefixes, leading zeros, attribute access on numbers.
for src in ['0_7', '00_0', '0b_', '1_.5', '1._5', '1e_5', '1.5_e3', '0x1.5', '1__2.0', '1_j', '1j_', '0x_', '0o_7', '0B1_', '1e+_3', '1E3_0', '.5_5', '5._', '0777', '0_0_0', '0x__1', '1.e', '1e3.0', '0xg', '1_2_3_4.5_6e7_8', '0b12', '0o78', '00', '0.', '0e0', '0E-0', '09.9', '0_9.9', '09', '1 if 1else 0', '0x1for', '0xfor', '1.0j.imag', '1..real', '1.real', '1 .real', '1..__class__']:
    try:
        print(repr(src), repr(eval(src)))
    except SyntaxError:
        print(repr(src), 'SyntaxError')
    except Exception as e:
        print(repr(src), type(e).__name__)
