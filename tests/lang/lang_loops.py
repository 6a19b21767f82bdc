# while/for with else, break, continue, nested loops and try/finally interplay.
for i in range(3):
    print('for', i)
else:
    print('for-else ran')
for i in range(5):
    if i == 2:
        break
else:
    print('not printed')
print('broke at', i)
for i in []:
    pass
else:
    print('empty for-else')
n = 0
while n < 3:
    n += 1
else:
    print('while-else', n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print('never')
print('n', n)
out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
print(out)
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j, end='; ')
    else:
        print('inner-else', i)
print()
def fin():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print('finally', i)
    return i
print(fin())
def ret_in_loop():
    for x in range(10):
        try:
            return x
        finally:
            print('cleanup', x)
print(ret_in_loop())
def while_else_return(k):
    while k:
        k -= 1
        if k == 5:
            return 'found'
    else:
        return 'exhausted'
print(while_else_return(10), while_else_return(3))
for a, (b, *c) in [(1, (2, 3, 4)), (5, (6,))]:
    print(a, b, c)
for k in {'x': 1, 'y': 2}:
    print(k, end=' ')
print()
it = iter(range(6))
for v in it:
    if v == 2:
        break
print(list(it))
i = 0
while i < 10:
    i += 1
    try:
        if i < 8:
            continue
    finally:
        pass
    break
print(i)
for x in range(3):
    pass
print(x)
l = [1, 2, 3]
for x in l:
    if x == 1:
        l.append(4)
print(l)
class Obj:
    pass
o = Obj()
for o.attr in range(2):
    pass
d = {}
for d['k'] in 'ab':
    pass
print(o.attr, d)
