# needs: float
# f-string conversions and format specs dispatching to __repr__/__str__/__format__, errors.
x = 10
class R:
    def __repr__(self): return 'R!'
    def __str__(self): return 'R-str'
    def __format__(self, spec): return 'fmt[' + spec + ']'
r = R()
print(f'{r}', f'{r!r}', f'{r!s}', f'{r:abc}', f'{r!r:>5}', f'{r!s:*<7}', f'{r=}', f'{r = :x}')
print(f'{x:{"" if x else "x"}}', f'{x:{x}{"d"}}', f'{x:{"{"}^5}')
class BadRepr:
    def __repr__(self): return 5
try:
    f'{BadRepr()!r}'
except TypeError as e:
    print('TypeError')
class BadFmt:
    def __format__(self, spec): return 1
try:
    f'{BadFmt()}'
except TypeError as e:
    print('TypeError')
try:
    f'{x:invalid}'
except ValueError as e:
    print('ValueError', e)
try:
    f'{"s":d}'
except ValueError as e:
    print('ValueError', e)
print(f'{x!r:}', f'{x:}', f'{"":}|', f'{None!s:>5}', f'{[1, "a"]!r}', f'{(1,)}')
print(f'{x:0{x}d}', f'{2.5:{x}.{x}}', f'{3.5:{x}.{2}f}')
print(f'{"a" "b"}', f'{x + 1 }', f'{ x}')
d = {'k': [1, {'n': 'deep'}]}
print(f"{d['k'][1]['n']}", f'{d["k"][0]:+}', f'{len(d)!r:>3}')
print(f'{x:#x}', f'{x:#X}', f'{x:#o}', f'{x:#b}', f'{-x:#x}', f'{x:_b}', f'{10**10:_}')
print(f'{x!a}', f'{"é"!a}', f'{"é"!r}', f'{b"x"!s}')
print(f'''{
    x
    +
    1
}''')
