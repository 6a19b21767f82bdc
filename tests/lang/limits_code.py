# needs: float
# Code-object limits (docs/reliability.md): counts stored in 16 bits fit up
# to 65535 and beyond that raise SyntaxError naming the limit; everything
# else (constants, names, arguments of a call, items of a display, parts
# of an f-string) fits however many there are. Tested at 2**16 - 1, 2**16,
# 2**16 + 1 and far beyond.
# big heap: compiles code at the 2**16 limits and beyond (not run in the 2 MiB heap pass)


def attempt(label, src, use):
    ns = {}
    try:
        exec(src, ns)
        print(label, "ok", use(ns))
    except SyntaxError as e:
        print(label, "SyntaxError", e.msg)
    except TypeError as e:
        print(label, "TypeError", str(e)[:60])


def names(n, fmt="v%d"):
    return [fmt % i for i in range(n)]


for n in (2**16 - 1, 2**16, 2**16 + 1, 200000):
    print("--", n)
    v = names(n)
    attempt("locals", "def f():\n " + "=".join(v) + "=1\n return v0 + v%d\n" % (n - 1), lambda ns: ns["f"]())
    attempt("parameters", "def f(" + ",".join(v) + "): return v%d\n" % (n - 1), lambda ns: ns["f"](1, 2))
    attempt("defaults", "def f(" + ",".join(x + "=%d" % i for i, x in enumerate(v)) + "): return v%d\n" % (n - 1),
            lambda ns: ns["f"]())
    attempt("keyword-only", "def f(*, " + ",".join(x + "=%d" % i for i, x in enumerate(v)) + "): return v%d\n" % (n - 1),
            lambda ns: ns["f"](v1=5))
    attempt("cells", "def f():\n " + "=".join(v) + "=1\n def g(): return (" + ",".join(v) + ")\n return g\n",
            lambda ns: len(ns["f"]()()))
    attempt("constants", "def f(a):\n return [" + ",".join("a,%d.5" % i for i in range(n)) + "]\n",
            lambda ns: ns["f"](0)[-1])
    attempt("names", "=".join(v) + "=7\n", lambda ns: len(ns))
    attempt("arguments", "def g(*a, **k): return len(a), len(k)\nr = g(" + ",".join("1" for i in range(n)) + ")\n",
            lambda ns: ns["r"])
    attempt("keyword arguments", "def g(*a, **k): return len(a), len(k)\nr = g(" + ",".join(x + "=1" for x in v) + ")\n",
            lambda ns: ns["r"])
    attempt("method arguments", "class C:\n def m(self, *a): return len(a)\nr = C().m(" + ",".join("1" for i in range(n)) + ")\n",
            lambda ns: ns["r"])
    attempt("unpacking", ",".join(v) + "= range(%d)\n" % n, lambda ns: ns["v%d" % (n - 1)])
    attempt("f-string", "a = 1\nr = f'" + "{a}" * n + "'\n", lambda ns: len(ns["r"]))
    attempt("try blocks", "def f():\n" + " try: x = 1\n except: pass\n" * (n // 2) + " return 1\n",
            lambda ns: ns["f"]())


# Jump targets are 24-bit offsets: a function whose bytecode passes 16 MiB
# is refused (finally bodies are copied onto each exit path, so nesting
# them doubles the code).
def nested_finally(depth):
    src = "def f(x):\n"
    ind = " "
    for i in range(depth):
        src += ind + "try:\n" + ind + " x += 1\n" + ind + "finally:\n"
        ind += " "
    return src + ind + "x = x * 2 + 1\n return x\n"


for depth in (12, 20, 30):
    attempt("nested finally %d" % depth, nested_finally(depth), lambda ns: ns["f"](0))

# Line numbers are 32-bit: far beyond 65536 lines.
for lines in (2**16 - 1, 2**16, 2**16 + 1, 2**24 + 3):
    try:
        exec("\n" * (lines - 1) + "1 +")
    except SyntaxError as e:
        print("line", lines, e.lineno == lines)
