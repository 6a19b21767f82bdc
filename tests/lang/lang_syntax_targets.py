# compile(): invalid assignment/del targets, misplaced statements and star forms are
# SyntaxErrors; the valid corner cases compile.
bad = ['*a = [1]', 'a, *b, *c = 1, 2', 'x := 1', '[i := 0 for i in range(2)]', '[x for x in (y := [1])]',
       'del f()', 'del 1', 'f() = 1', '1 += 1', '(a, b) += 1', 'a + 1 = 2', 'lambda: (yield)', 'None = 1',
       'return 1', 'yield 1', 'break', 'continue', 'def f():\n  nonlocal q', 'nonlocal x',
       'def f(a, a): pass', 'f(x=1, x=2)', 'f(**k, *a)', 'f(a=1, b)', 'def f(a=1, b): pass', 'True = 1',
       'def f():\n  x = 1\n  global x', 'async def f():\n  yield from x', 'await x', 'class C:\n  return 1',
       'for x in 1, 2: pass\nelse: break', 'a.b: int += 1', '[*a] += [1]',
       'x = 1 if 2', 'print(1 2)', 'if x:\npass', '  x = 1', 'def f(*): pass', 'def f(*, **k): pass',
       'try:\n  pass', 'try:\n  pass\nelse:\n  pass', 'with a as 1: pass', 'import a.b as', 'from . import *',
       'f(*)', '{**}', 'a[1:2:3:4]', '(*a)', 'print(*a for a in b)', "f'{!r}'", 'x = *a', 'def f(**k, a): pass']
for src in bad:
    try:
        compile(src, '<s>', 'exec')
        print('compiled:', repr(src))
    except SyntaxError:
        print('SyntaxError')
ok = ['x = *a, b', 'for x in *a, *b: pass', 'a, = b', '[a] = b', '() = []', '[] = ()', 'del (a), [b]',
      'del (a, (b, c))', 'x = yield', 'x = (yield_ := 1)', 'f(a for a in b)',
      'def f(a, /, b, *, c): pass', 'lambda *, k: k', 'a[1:2, ...] = 1', 'print(*a, *b, **c, **d)',
      'x: int', 'x: int = 1', 'async def f():\n  async with a as b, c: pass\n  async for i in x: pass\n  await y',
      'class C(A, B, metaclass=M, **kw): pass', 'from .. import x', 'from os import (path as p,)',
      'if 1: pass\nelif 2: pass\nelse: pass', 'while 1: break\nelse: pass', 'raise\n', 'raise X from None',
      'global a, b', 'assert x, y', 'del a.b, a[c], a[1:2]', 'x = [*a, *b]', 'x = {**a, "k": 1, **b}', 'x = {*a, *b}']
for src in ok:
    try:
        compile(src, '<s>', 'exec')
        print('ok')
    except SyntaxError as e:
        print('SyntaxError?', repr(src), e)
