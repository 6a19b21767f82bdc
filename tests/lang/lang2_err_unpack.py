# needs: float
# Unpacking, star-expansion and iteration errors.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def u1():
    a, b = 1
t(u1)
def u2():
    a, b = None
t(u2)
def u3():
    a, *b = 5
t(u3)
def u4():
    a, b, *c = [1]
t(u4)
def u5():
    [a] = []
t(u5)
def u6():
    a, b = {'x': 1, 'y': 2, 'z': 3}
t(u6)
def u7():
    a, b = (i for i in range(5))
t(u7)
def u8():
    for x, y in [(1, 2), (3,)]:
        pass
t(u8)
class G:
    def __getitem__(self, i):
        if i > 2: raise StopIteration
        return i
t(lambda: list(G()))
class BadNext:
    def __iter__(self): return self
    def __next__(self): raise ValueError('in next')
t(lambda: list(BadNext()))
t(lambda: [x for x in BadNext()])
def forloop():
    for x in BadNext():
        pass
t(forloop)
t(lambda: dict([(1, 2), (3,)]))
t(lambda: dict(a=1, **{'a': 2}))
t(lambda: {**{'a': 1}, 'b': 2, **{'a': 3}})
t(lambda: {**[1]})
t(lambda: '{0} {1}'.format(1))
t(lambda: '{a}'.format(b=1))
t(lambda: '{'.format())
t(lambda: 'a'.center('x'))
t(lambda: ' '.join(x for x in [1]))
t(lambda: zip(1, 2))
t(lambda: enumerate(5))
t(lambda: sorted(5))
t(lambda: list(map(None, [1])))
t(lambda: filter(1, 2))
t(lambda: min([], default=3))
t(lambda: next(iter(()), None))
t(lambda: [*5])
t(lambda: (*None,))
t(lambda: [1, *3.5])
t(lambda: {*5})
t(lambda: {**[1]})
t(lambda: [*'ab', *range(2), *{1: 2}, *(x for x in 'q')])
