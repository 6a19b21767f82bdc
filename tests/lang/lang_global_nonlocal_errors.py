# global/nonlocal declaration errors with CPython's messages.
cases = ['def f():\n  x = 1\n  global x', 'def f(a):\n  global a', 'def f():\n  print(x)\n  nonlocal x',
         'def o():\n  x = 1\n  def f():\n    x = 2\n    nonlocal x', 'def o():\n  def f(x):\n    nonlocal x',
         'def f():\n  global x\n  nonlocal x', 'class C:\n  nonlocal x', 'def o():\n  x = 1\n  class C:\n    nonlocal x\n    x = 2\n  return C',
         'def f():\n  x = 1\n  del x\n  global y', 'def f():\n  print(y)\n  global y', 'global q\nq = 1',
         'def f():\n  global x, x', 'def o():\n  y = 1\n  def f():\n    nonlocal y, y', 'def f():\n  for x in []: pass\n  global x',
         'def f():\n  try: pass\n  except E as x: pass\n  global x',
         'def f():\n  global x\n  x: int = 1']
for src in cases:
    try:
        compile(src, '<s>', 'exec')
        print('ok')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.msg == e.args[0])
