# needs: float
# f-strings: conversions, specs, nesting
x, name, w, p = 42, "Ada", 8, 3
print(f"{x}", f"{name!r}", f"{name!s:>6}", f"{name!a}", f"{'é'!a}", f"{x:>{w}}|", f"{3.14159:.{p}f}")
print(f"{name:^{w}}|", f"{{literal}}", f"{x!r:5}|", f"{[1, 2]}", f"{None}", f"{'a' 'b'}")
print(f"{x=}", f"{name=!s}", f"{x = }", f"{x*2=:>4}")
class C:
    def __format__(self, spec):
        return "C(" + spec + ")"
    def __repr__(self):
        return "Crepr"
print(f"{C()}", f"{C():xyz}", f"{C()!r}", f"{C()!r:>7}")
print(f"{'nested ' + f'{x}'}", f"{'yes' if x else 'no'}", f"{x:{'>'}{w}}|")
d = {"a": 1}
print(f"{d['a']}", f"{len(name)}", f"{name[1:]}", f"{name.upper()}")
try:
    f"{object():d}"
except TypeError as e:
    print("TypeError", e)
try:
    f"{'s':d}"
except ValueError as e:
    print("ValueError", e)
