# needs: unicode
# f-string edge cases: conversions with nested specs, prefixes, nesting, = specifier.
print(0xFFFF_FFFF_FFFF_FFFF_FFFF * -1, -0o17)
print(repr(b'\x7f\x80'), repr('\x7f\x80\xa0\xad'), repr('\u2028'))
print(f"{'a' 'b'}", f"{x!r}" if (x:=3) else '', f'{x:{x}}', f'{"%d" % x}')
print(f"{3!r:>{4}}", f'{x!s:^7}', f'{ x = :>4}', f'{x=!a}')
print(f'{"abc"[1:]}', f'{ {1, 2} if 0 else 1}', f'{x:#b}', f'{-x:x}')
print(f'{x:=^9}', f'{x:=+5}')
print(f"""{x
+ 1}""")
print(f'{x!r:{"<" if x else ">"}5}|')
print(f'{1:{2}{3}}')
print(F'{x}', rF'\{x}', Fr'{x}\n', FR'{x}')
class math: pi = 3.141592653589793
print(f'{math.pi:.{x}f}', f'{math.pi!r:.5}')
d = {'a': 1}
print(f'{d["a"]!r:>3}', f"{d['a']:}", f'{x:}')
print(f'{x},{x}' f'{x}' "lit" f'')
print(f'{x:{""}>3}|')
print('%s' % f'{x}', f'{1e100}', f'{1/3}', f'{2**70}')
print(f'{True!r} {None} {b"b"}')
print(f"{'{'} {'}'}", f'{{{x}}}', f'}}{x}{{')
print(f'{x:>{x}}{x:<{x}}|')
