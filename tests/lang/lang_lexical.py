# Lexical structure: one-liners, tabs, continuation lines, trailing commas, unicode names.
héllo = 'unicode ident'
print(héllo)
if 1: print('one-liner'); print('two')
while 0: pass
class C: x = 1; y = 2
print(C.x + C.y)
def f(a,
      b=2,
      *args,
      **kw,
      ): return a + b
print(f(1,))
x = (1 +
     2) * \
    3
print(x)
s = [
    1, 2,
    # comment
    3,
]
print(s)
if (x > 1 and
        x < 100):
    print('multi-line cond')
print(1,
  2)
def g():
	return 'tab-indented'
print(g())
lst = [1, 2, 3,]; tup = 1,; print(tup, lst)
print((1,), (), ( ), [ ], { })
def h(): pass
print(h())
assert h() is None
print("a\
b")
a = b = c = 5; print(a, b, c)
i = j = []
i.append(1); print(j)
print(type(lambda: 0).__name__, type(print).__name__)
x = 1 if True else \
    2
print(x)
print(1 \
      + 2)
@staticmethod
def sm(): return 'sm'
print(type(sm).__name__)
print(__name__, __doc__)
print(*(i for i in range(3)))
print(not(1), -(1), +(-1))
print('a' if[]else'b', [1]if 1 else[2])
