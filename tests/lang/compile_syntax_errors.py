cases = [
    "return 1",
    "break",
    "continue",
    "yield 1",
    "def f():\n    nonlocal q\n",
    "nonlocal z",
    "def f(a):\n    global a\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "class C:\n    return 1\n",
    "def f():\n    class C:\n        break\n",
    "def f():\n    await g()\n",
    "def f(a, a):\n    pass\n",
    "a, *b, *c = d",
    "def f():\n    from os import *\n",
    "while True:\n    def g():\n        continue\n",
    "x = [(yield 1) for i in range(3)]",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n",
]
for src in cases:
    try:
        exec(src)
        print("no error:", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.args[0])
