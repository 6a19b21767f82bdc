# needs: float
# A module is compiled one top-level statement at a time, yet the error
# reported is the one compiling the whole text would give: a syntax error
# anywhere before a scope error, a scope error anywhere before an error
# found making code, and the first of each kind.
cases = [
    # parse errors after a code-generation error
    "break\nx = (\n",
    "break\nx = 1\n1 +\n",
    "def f():\n    yield\ncontinue\nclass C:\n    def g(self):\n        pass\n  x = 1\n",
    # a lexer error after a scope error
    "nonlocal x\ny = 'abc\n",
    "x = 1\nglobal x\nz = 0777\n",
    # scope errors after a code-generation error
    "continue\ndef f():\n    nonlocal q\n",
    "break\nx = 1\nglobal x\n",
    "break\ndef f(a, a):\n    pass\n",
    # a scope error found collecting names, after one found resolving them
    "def f():\n    nonlocal q\nx = 1\nglobal x\n",
    "def f():\n    nonlocal q\ndef g():\n    nonlocal r\n",
    # the first code-generation error of several
    "x = 1\nbreak\ncontinue\n",
    "for i in ():\n    pass\nelse:\n    break\ncontinue\n",
    # no error: statements that continue a statement, decorators
    "if 0:\n    pass\nelif 0:\n    pass\nelse:\n    x = 1\nprint(x)\n",
    "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print('zd')\nelse:\n    pass\nfinally:\n    print('fin')\n",
    "def d(f):\n    return f\n@d\n\n# comment\n@d\ndef f():\n    return 3\nprint(f())\n",
    "while 0:\n    pass\nelse:\n    print('while else')\nfor i in ():\n    pass\nelse:\n    print('for else')\n",
    # errors a statement boundary would change if it were misplaced
    "try:\n    pass\nx = 1\n",
    "if 1:\n    pass\n  else:\n    pass\n",
    "x = 1\n    y = 2\n",
    "@d\nx = 1\n",
    "else:\n    pass\n",
    "x = 1\nelif y:\n    pass\n",
    "def f():\n    pass\n\n\n",
    "class C:\n    pass\n\n  # indented comment\nprint(C.__name__)\n",
]
for src in cases:
    try:
        exec(compile(src, "<case>", "exec"), {"print": print, "d": lambda f: f, "y": 0})
    except SyntaxError as e:
        print(type(e).__name__, e.args[0], e.lineno, e.offset)
