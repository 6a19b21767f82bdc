# needs: bigint
# Every parameter kind together, and how arguments bind to them.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3))
print(f(1, c=3, d=9, e=10, z=0))
print(f(*[1, 2, 3], **{'c': 0, 'q': 1}))
print(f(a=1, c=2))

def pos_only(a, b, /, c=3):
    return a, b, c
print(pos_only(1, 2), pos_only(1, 2, c=4))
try:
    pos_only(1, b=2)
except TypeError as e:
    print('TypeError', e)

def kwonly(*, x, y=1):
    return x, y
print(kwonly(x=0), kwonly(y=5, x=6))

def star(*args):
    return args
print(star(), star(1), star(*range(3), 9, *'ab'))

def dstar(**kw):
    return sorted(kw.items())
print(dstar(), dstar(a=1, **{'b': 2}, **{'c': 3}))
try:
    dstar(a=1, **{'a': 2})
except TypeError as e:
    print('TypeError', e)

# defaults are evaluated once
def acc(x, lst=[]):
    lst.append(x)
    return lst
print(acc(1), acc(2), acc(3, []))

# default expressions see the enclosing scope at def time
n = 10
def dflt(v=n * 2):
    return v
n = 0
print(dflt())

# lambda with all kinds
lam = lambda a, *r, k=1, **o: (a, r, k, sorted(o))
print(lam(1, 2, 3, k=4, m=5))

# recursion with keyword args
def fact(n, *, acc=1):
    return acc if n <= 1 else fact(n - 1, acc=acc * n)
print(fact(20))

print(f.__name__, kwonly.__name__, lam.__name__)
print(f.__defaults__, kwonly.__kwdefaults__)
