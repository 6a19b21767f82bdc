# eval, exec, compile, globals, locals
print(eval("1 + 2"), eval(" 3 * 4"), eval("x + y", {"x": 1, "y": 2}))
g = {"a": 10}
exec("b = a * 2", g)
print(g["b"], sorted(k for k in g if not k.startswith("__")))
loc = {}
exec("c = 5\nd = c + 1", {}, loc)
print(sorted(loc.items()))
print(eval("a + 1", g, {"a": 100}))
code = compile("1 + 1", "<test>", "eval")
print(eval(code))
code = compile("z = 9", "<test>", "exec")
ns = {}
exec(code, ns)
print(ns["z"])
top = 7
print(eval("top"), "top" in globals())


def f():
    local_v = 3
    return eval("local_v + top"), sorted(locals())


print(f())
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    compile("x", "f", "bad")
except ValueError as e:
    print(type(e).__name__, e)
exec("def sq(n):\n    return n * n", g)
print(g["sq"](5))
exec("print('printed from exec')")
print(eval("[i * i for i in range(4)]"))
