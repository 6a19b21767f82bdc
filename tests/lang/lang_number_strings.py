# needs: complex
# int()/float()/complex() string parsing with underscores and prefixes (mirrors literal rules).
for s, b in [('0x__1', 0), ('0x_1', 0), ('0x_1', 16), ('1__0', 10), ('_1', 10), ('1_', 10), ('0_x1', 0), ('0b_1', 0), (' 1_0 ', 10), ('1_0', 0), ('0_0', 0), ('00', 0), ('07', 0), ('0o_7', 8), ('_', 10), ('+_1', 10), ('-0x_f', 16), ('z_z', 36)]:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, 'ValueError')
for s in ['1__0', '_1', '1_', '1_0.5', '1_0e1_0', '1._5', '1_.5', '0x1', ' 1.5 ', '1e', 'inf', '-iNF', 'nan', '1_000_000.000_001', '.5', '5.', '1_e5']:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print(repr(s), 'ValueError')
for s in ['1_0j', '1__0j', '(1+2j)', '1+2j', '1 + 2j', 'j', '-j', '1e1_0j']:
    try:
        print(repr(s), complex(s))
    except ValueError as e:
        print(repr(s), 'ValueError')
