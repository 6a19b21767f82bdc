# String/bytes prefix combinations and escape corner cases, valid and invalid.
for src in ["ur''", "uf''", "ub''", "bu''", "fb''", "bf''", "rr''", "rbr''", "U''", "R''", "bR''", "Rb''", "fR'{1}'", "uR''" , "Br''", "rB''", "F''", "rF''", "bb''", "'\\N'", "b'\\u0041'", "'\\u004'", "'\\U0011ffff'", "'\\x'", "b'\\x1'", "'''a'", "r'\\'", "r'\\\\'", "'\\\n'", "'a\nb'"]:
    try:
        print(repr(src), '->', repr(eval(src)))
    except SyntaxError:
        print(repr(src), 'SyntaxError')
print(repr('\8\9'), len('\8'), repr(b'\8'))
print(repr('\1111'), repr('\400'), repr('\08'), repr('\x41\x4a\x4A'))
print(repr(str(b'\xff')), repr('\t'.expandtabs(2)), repr('\r\n'), repr('\x0b\x0c\x1b\x7f'))
