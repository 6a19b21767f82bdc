# PEP 750 t-strings (CPython 3.14 / MicroPython 1.28): Template and Interpolation
from string.templatelib import Template, Interpolation
name = "World"
x = 42
t = t"Hello {name}!"
print(type(t).__name__, t.strings, t.values)
print(t.interpolations)
print(list(t))
print(repr(t))
i = t.interpolations[0]
print(i.value, i.expression, i.conversion, repr(i.format_spec))
t2 = t"{x!r:>5} and {name!s}"
print(t2.strings, [(j.value, j.expression, j.conversion, j.format_spec) for j in t2.interpolations])
t3 = t"{x}{name}"
print(t3.strings, list(t3))
t4 = t"plain"
print(t4.strings, t4.interpolations, list(t4))
c = t"a{x}b" + t"c{name}d"
print(c.strings, c.values)
print(isinstance(t, Template), isinstance(i, Interpolation))
def render(tpl):
    out = []
    for part in tpl:
        if isinstance(part, str):
            out.append(part)
        else:
            v = part.value
            if part.conversion == "r":
                v = repr(v)
            out.append(format(v, part.format_spec))
    return "".join(out)
print(render(t), render(t2), render(c))
print(Interpolation(1, "one"), Interpolation(2, "two", "r", ">3"))
tm = Template("a", Interpolation(1, "x"), "b", "c", Interpolation(2, "y"))
print(tm.strings, tm.values)
try:
    t + "s"
except TypeError as e:
    print("TypeError")
