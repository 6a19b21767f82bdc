# needs: float
# Last-line wording of common mistakes, as CPython 3.11 prints them.
def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: undefined_name)
def ul():
    print(x)
    x = 1
t(ul)
def ul2():
    y = 1
    del y
    return y
t(ul2)
t(lambda: 1 + 'a')
t(lambda: 'a' + 1)
t(lambda: [] + ())
t(lambda: 1 - 'a')
t(lambda: 'a' * 'b')
t(lambda: -'a')
t(lambda: ~1.5)
t(lambda: 1 < 'a')
t(lambda: [] < 1)
t(lambda: None())
t(lambda: 5())
t(lambda: len(5))
t(lambda: len())
t(lambda: (1).foo)
t(lambda: None.foo)
t(lambda: 'abc'.foo)
t(lambda: {}['k'])
t(lambda: {}[1])
t(lambda: {}[(1, 2)])
t(lambda: [1][5])
t(lambda: (1,)[5])
t(lambda: 'a'[5])
t(lambda: 1 / 0)
t(lambda: 1 // 0)
t(lambda: 1 % 0)
t(lambda: 1.0 / 0)
t(lambda: int('x'))
t(lambda: int('12a'))
t(lambda: int('9', 8))
t(lambda: float('abc'))
t(lambda: [].pop())
t(lambda: [1].index(2))
t(lambda: {1}.remove(2))
t(lambda: iter(5))
t(lambda: next(iter([])))
t(lambda: hash([]))
t(lambda: {[]: 1})
t(lambda: 'a'.join([1]))
t(lambda: 1[0])
t(lambda: None[0])
t(lambda: abs('a'))
t(lambda: int(None))
class A: pass
t(lambda: A().x)
t(lambda: A.x)
t(lambda: A()[0])
t(lambda: A() + 1)
t(lambda: len(A()))
t(lambda: iter(A()))
def f(a, b): pass
t(lambda: f(1))
t(lambda: f(1, 2, 3))
t(lambda: f(1, c=2))
t(lambda: f(1, a=2))
def g(*, k): pass
t(lambda: g())
t(lambda: g(1))
t(lambda: A(1))
t(lambda: 'x' in 5)
t(lambda: (lambda: 0)(**{1: 2}))
def unpack():
    a, b = [1, 2, 3]
t(unpack)
def unpack2():
    a, b, c = [1, 2]
t(unpack2)
def unpack3():
    a, b = 5
t(unpack3)
t(lambda: import_nonexistent_module_xyz())
def imp():
    import nonexistent_module_xyz
t(imp)
def imp2():
    from sys import nonexistent_name_xyz
t(imp2)
t(lambda: 2 ** -1 % 0)
t(lambda: divmod(1, 0))
t(lambda: chr(-1))
t(lambda: range(0, 5, 0))
t(lambda: () + [])
t(lambda: (1,) + 'a')
t(lambda: [1] + None)
class R:
    def __radd__(self, o):
        return ('radd', o)
print([1] + R(), (2,) + R())
