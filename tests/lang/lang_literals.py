# needs: complex
# Literal edge cases: big ints in every base, float forms, escapes, prefixes,
# invalid literals rejected with SyntaxError.
print(0x_1_0, 0o_1_0, 0b_1_0, 1_2_3, 0xABCDEFabcdef)
big = 0x1234_5678_9abc_def0_1234_5678_9abc_def0
print(big, hex(big), oct(0o7777_7777_7777_7777_7777_7777), bin(0b1010 << 70))
print(99999999999999999999999999999999999999999 + 1, -99999999999999999999999999999999999999999 - 1)
print(10 ** 50 // 7, 2 ** 200 % 1000007, -(2 ** 100), (2 ** 100).bit_length())
print(0b1111111111111111111111111111111111111111111111111111111111111111111111 == 2 ** 70 - 1)
print(1_000.000_1, 1e1_0, 1_0e-1_0, .000_1, 1.e2, 0.e0, 1E+0_1)
print(1e308 * 10, -1e308 * 10, 5e-324, 2.5e-324 == 0.0)
print(1_0j, 1.5e1j, .5j, 1e-1j, (1j) ** 2, 1j * 1j, -1j, +1j)
print(repr(1j), repr(-0j), repr(1 + 0j), repr(complex(0, -1)), (3 + 4j).real, (3 + 4j).imag)
print(repr('\0\1\12\123\1234'), repr('\x00\x7f\x80\xff'), repr('\u00e9\U0010ffff'))
print(repr(b'\0\1\12\123\1234'), repr(b'\x00\x7f\x80\xff'), repr(b'\a\b\f\n\r\t\v\\\'\"'))
print(repr(b'\q'), len(b'\q'), repr(rb'\'\\'), repr(Br'\n'))
print(repr(u'\x41'), repr(r'\x41'), repr(R'a\
b'))
print(repr('a\
b'), repr(b'a\
b'))
print("""x""" '''y''' "z" 'w', b"""x""" b'''y''')
print(repr('''"'"'''), repr("""'"'"""), repr('''a''b'''), repr(""""a" """))
s = 'tab\there' \
    'next'
print(s)
print(repr(f'{1}' r'\n' '\n' rf'\n{2}'))
x = 'q'
print(f'{x!r:>5}|{x!s:<3}|{x!a}')
print(f'{x}{{}}{x!r}', f'{ {"a": 1}["a"] }', f'{(1, 2)!r}', f'{[1][0]:03d}')
print(f'{1e10:.3e}|{-1.5:+08.2f}|{255:#010x}|{1234.5:,.1f}|{"s":~>4}')
print(f'{x = }', f'{1 + 1 = }', f'{x=!r}', f'{3.14159=:.2f}')
def z():
    return '{}'
print(f'{z()}{z()!r}', f'{len("abc")}')
for src in ['1__0', '0b2', '08', '0x', '1_', '0o8', '1e', "'\\x4'", "b'\\xg0'", "b'é'", '1.2.3', "'abc", '"""x', '0_b1', "f'{'", "f'}'", "f'{}'", 'u""b']:
    try:
        eval(src)
        print('ok?', src)
    except SyntaxError:
        print('SyntaxError', src)
print(eval('0'), eval('00000'), eval('0_0'), eval('0.0_1'))
