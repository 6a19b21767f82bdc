# t-string literals (PEP 750): prefixes, concatenation, conversions,
# format specs with nested fields, '=' and quotes inside fields.
x = 42
name = 'World'
w = 6
t = t"Hello {name}!"
print(type(t).__name__, t.strings, t.values)
i = t.interpolations[0]
print(i.value, i.expression, i.conversion, repr(i.format_spec))
t2 = t'{x!r:>5}' t"-{name}"
print(t2.strings, t2.values)
print([j.conversion for j in t2.interpolations], [j.format_spec for j in t2.interpolations])
t3 = T'{x:>{w}}' rt'\n{name!s}' Rt'{x + 1}'
print(t3.strings, t3.values)
print([j.expression for j in t3.interpolations], [j.format_spec for j in t3.interpolations])
t4 = t"{{literal}} {'quoted'} {name=}"
print(t4.strings, t4.values, [j.conversion for j in t4.interpolations])
t5 = t''
print(t5.strings, t5.values)
t6 = t'''multi
{x}
line'''
print(t6.strings, t6.values)
