# Runaway recursion raises RecursionError (a RuntimeError), not a crash,
# and the interpreter keeps working afterwards.
def down(n):
    return down(n + 1) + 1

try:
    down(0)
except RecursionError as e:
    print('RecursionError', e)

try:
    down(0)
except RuntimeError as e:
    print(type(e).__name__, issubclass(type(e), RuntimeError), e)

class Node:
    def __repr__(self):
        return repr(self)
try:
    repr(Node())
except RuntimeError as e:
    print('repr', type(e).__name__)

class Attr:
    def __getattr__(self, name):
        return getattr(self, name + 'x')
try:
    Attr().a
except RecursionError as e:
    print('getattr', type(e).__name__)

def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
for i in range(3):
    try:
        mutual_a(0)
    except RecursionError:
        print('again', i)

lst = []
lst.append(lst)
print(lst)
d = {}
d['self'] = d
print(d)

# moderate recursion still works
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(200))
print(issubclass(RecursionError, RuntimeError), RecursionError.__mro__[1].__name__)
