# needs: bigint
# Every augmented operator on names, attributes and subscripts, and in-place dunders.
ops = ['+=', '-=', '*=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^=']
for op in ops:
    ns = {'x': 13, 'o': type('O', (), {})(), 'l': [13], 'd': {'k': 13}}
    ns['o'].a = 13
    for tgt in ['x', 'o.a', 'l[0]', 'd["k"]']:
        exec(tgt + ' ' + op + ' 3', ns)
    print(op, ns['x'], ns['o'].a, ns['l'][0], ns['d']['k'])
f = 2.5
f **= 2
f //= 2
f %= 2
print(f)
s = 'ab'
s *= 3
s += 'c'
print(s)
l = [1]
alias = l
l += (2, 3)
l *= 2
print(l, alias is l)
t = (1,)
tt = t
t += (2,)
print(t, tt)
st = {1, 2}
st |= {3}
st &= {2, 3}
st ^= {4}
st -= {2}
print(sorted(st))
dd = {'a': 1}
dd |= {'b': 2}
print(dd)
b = bytearray(b'x')
b += b'yz'
b *= 2
print(b)
class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return V(self.v + o)
    def __imul__(self, o):
        self.v *= o
        return self
    def __matmul__(self, o):
        return V(self.v * 100 + o)
    def __rsub__(self, o):
        return V(o - self.v)
    def __ipow__(self, o):
        return NotImplemented
    def __pow__(self, o):
        return V(self.v ** o)
v = V(2)
w = v
v += 1
print(v.v, w.v, v is w)
v = w
v *= 5
print(v.v, w.v, v is w)
v @= 3
print(v.v)
v **= 2
print(v.v)
r = 10 - V(3)
print(r.v)
try:
    n = None
    n += 1
except TypeError as e:
    print('TypeError', e)
try:
    q = 1
    q /= 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    undefined_name_zz += 1
except NameError as e:
    print('NameError', e)
def local_aug():
    try:
        cnt += 1
    except UnboundLocalError:
        print('UnboundLocalError')
    cnt = 0
local_aug()
m = [[0] * 2 for _ in range(2)]
m[1][0] += 5
m[0][-1] -= 1
print(m)
sl = [1, 2, 3, 4]
sl[1:3] += [9]
print(sl)
x = 7
x >>= 1; x <<= 4; x |= 1; x ^= 0xff; x &= 0x0f
print(x)
x = 2
x **= 100
x //= 3
x %= 10 ** 9
print(x)
x = -7
x //= 2
y = -7
y %= 3
print(x, y)
