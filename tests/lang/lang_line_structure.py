# Physical/logical line structure via exec: continuations, indentation errors, semicolons, blank lines.
cases = ['x = 1 + \\\n2', 'x = 1 + \\ # c\n2', 'x = 1\\', 'if 1:\n    x = 1 + \\\n2\n    y = x', 'x = [1,\n2,\n  3]\n',
         'def f():\n\tif 1:\n\t\treturn 1', 'def f():\n  x = 1\n    y = 2', 'def f():\n    x = 1\n  y = 2', 'if 1:\n  pass\n # comment at odd indent\n  pass',
         'x = (1 +\n# comment\n 2)', '"""abc\ndef"""', "'abc\\\ndef'", "'abc\ndef'", 'x = 1;', 'x = 1;;', ';', 'if 1: x = 1; y = 2',
         'if 1:\n\n\n  pass', 'x = 1 \\\n  \\\n  + 2', '\\\nx = 1', 'print(\n)', '(\n1\n,\n)', 'class C:\n  """doc"""\n', 'if 1:\n  # only comment\n  pass',
         'if True:\n  pass\n  \n  \n', 'x = \\\n\n1']
for src in cases:
    try:
        ns = {}
        exec(src, ns)
        print('ok', ns.get('x'))
    except SyntaxError as e:
        print('SyntaxError', type(e).__name__)
