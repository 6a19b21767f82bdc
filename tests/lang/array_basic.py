# needs: bigint
# array.array: construction, repr, indexing, slicing, operators, iteration
from array import array

for tc in 'bBhHiIlLqQfd':
    a = array(tc, [1, 2, 3])
    print(tc, a, repr(array(tc)), len(a), a.typecode, a.itemsize == len(bytes(array(tc, [0]))))

a = array('i', range(10))
print(a[0], a[-1], a[3], a[-4])
print(a[2:5], a[::2], a[::-1], a[8:2:-2], a[5:2], a[-3:], a[100:])
print(list(a), [x * 2 for x in a], sum(a), 3 in a, 30 in a, 2.0 in a)
print(array('d', [1.5, -0.25, 1e100]), array('f', [0.5, 0.1]))
print(array('b', b'\x01\xff'), array('H', b'\x01\x00\x02\x00'))
print(array('i', array('b', [1, -2])), array('d', (i / 2 for i in range(3))))
print(bool(array('i')), bool(array('i', [0])))

# operators
a = array('h', [1, 2])
b = array('h', [3])
print(a + b, a * 3, 3 * a, a * 0, a * -1, array('h') * 5)
c = a
c += b
print(c is a, a)
c *= 2
print(c is a, a)
c *= 0
print(a, len(a))

# comparisons: item by item, then by length, across typecodes too
x, y = array('i', [1, 2, 3]), array('i', [1, 2, 4])
print(x == y, x != y, x < y, x <= y, x > y, x >= y)
print(x == array('i', [1, 2, 3]), x == array('b', [1, 2, 3]), x == array('d', [1.0, 2.0, 3.0]))
print(array('i', [1, 2]) < array('i', [1, 2, 0]), array('i') < array('i', [0]), array('i') == array('i'))
print(x == [1, 2, 3], x != (1, 2, 3))

# iteration while the array changes
a = array('B', [1, 2, 3])
out = []
for v in a:
    out.append(v)
    if v == 1:
        a.append(4)
print(out)
it = iter(array('q', [-5, 2**62]))
print(next(it), next(it), next(it, 'end'))

# item assignment and deletion
a = array('i', [1, 2, 3, 4, 5, 6, 7])
a[0] = -1
a[-1] = 70
del a[1]
print(a)
del a[::2]
print(a)
a = array('i', range(10))
del a[1:3]
print(a)
del a[::-3]
print(a)
del a[5:1]
print(a)

# slice assignment from arrays
a = array('i', range(6))
a[1:3] = array('i', [10, 20, 30])
print(a)
a[::2] = array('i', [7, 8, 9, 6])
print(a)
a[:] = a
print(a)
a[2:2] = a[:2]
print(a)
a[1:] = array('i')
print(a)
a[::-1] = array('i', [5])
print(a)
a = array('d', [1.0, 2.0, 3.0])
a[-2:] = array('d', [0.5])
print(a)
