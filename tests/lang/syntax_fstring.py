# needs: float
# f-strings: nested quotes, conversions, format specs, nested fields, '='.
x = 42
name = 'world'
pi = 3.14159
d = {'key': 'value', "k2": 2}
print(f'hello {name}')
print(f"{x} {x!r} {name!r} {name!s} {name!a} {'é'!a}")
print(f'{x:5}|{x:<5}|{x:>5}|{x:^5}|{x:05}|{x:+}|{x:x}|{x:#o}|{x:b}')
print(f'{pi:.2f} {pi:10.3f} {pi:e} {1234567:,} {0.25:%}')
print(f'{d["key"]} {d["k2"]}')
print(f"{d['key']}")
print(f'''{d["key"]} {d['k2']}''')
print(f"""{'a' + "b"}""")
w, p = 10, 3
print(f'{pi:{w}.{p}f}|{name:>{w}}|{x:{"^"}{w}}')
print(f'{{}} {{x}} {{{x}}} }}{{')
print(f'{x=}')
print(f'{x = }')
print(f'{name=!s}')
print(f'{x=:>6}')
print(f'{x = !r:>6}')
print(f'{pi=:.1f}')
print(f'{x + 1=}')
print(f'{x*2} {x if x else 0} {[i for i in range(3)]} {(lambda: 7)()}')
print(f'{x==42} {x!=1} {x>=2} {x<=2}')
print(f'{"nested" + f"{x}"}')
print(f'{x:{"<"}10}|')
print(f'{3:{"0"}{4}}')
print(f'{ x }|{  name  }|')
print(f'{x,}', f'{x, x}')
print(f'a' 'b' f'{x}' 'c')
print('a' f'{x}')
print(f'{name}' f'{x}')
print(rf'\n{x}', fr'{x}\t', Rf'{x}\d', fR'\w')
print(f'\n{x}\t|'.replace('\n', 'N').replace('\t', 'T'))
print(f'''multi
{x}
line''')
print(f'''{
x
}''')
print(f'{"{}"}', f'{"}"}', f"{'{'}")
print(f'{d}'.replace("'", '"'))
print(f'{3.0:g} {1e20:g} {-0.0} {x:d} {x:c}')
print(f'{"abc":.2} {"abc":*^9}')
print(f'{123456789:_} {255:_x}')
class C:
    def __format__(self, spec):
        return 'C(' + spec + ')'
    def __repr__(self):
        return 'Crepr'
print(f'{C()} {C():xyz} {C()!r} {C()!r:>8}')
print(f"{'quoted'!r:>10}")
