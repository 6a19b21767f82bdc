# needs: bigint
# array.array and the buffer protocol: bytes, bytearray, memoryview, join, files
from array import array

a = array('h', [1, -2, 300])
print(bytes(a), bytearray(a), len(bytes(array('d', [1.0, 2.0]))))
print(b''.join([array('B', [65, 66]), b'C', array('b', [68])]))
print(b'AB' + array('B', [67]), bytearray(b'x') + array('B', [121]))

m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.readonly, m.ndim, m.shape, m.strides)
print(m[0], m[-1], m.tolist(), m[::2].tolist(), m[1:].tolist())
m[0] = 7
m[1:3] = array('h', [8, 9])
print(a)
m[::-1] = array('h', [1, 2, 3])
print(a)
print(m.cast('B').tolist(), m.cast('B').cast('h').tolist())
print(bytes(m), m.tobytes() == a.tobytes(), m == a, m == array('h', [3, 2, 1]))
for tc in 'bBhHiIlLqQfd':
    v = memoryview(array(tc, [1, 2]))
    print(tc, v.format, v.itemsize == array(tc).itemsize, v.tolist())
f = memoryview(array('f', [0.5, -1.5]))
print(f.tolist(), f[1])
mb = memoryview(array('B', [1, 2, 3, 4]))
mb[1:3] = b'\x09\x08'
print(mb.tolist(), mb.obj, type(mb.obj).__name__)
try:
    memoryview(array('h', [1]))[0] = 1 << 20
except ValueError as e:
    print('ValueError', e)

# a view of an int array
b = array('i', [1, 2])
v = memoryview(b)
print(len(v), v.tolist())

# files
import sys
name = '/tmp/array_buffer_' + ''.join(c if c.isalnum() else '_' for c in sys.executable)
with open(name, 'wb') as fh:
    print(fh.write(array('i', [1, 2, 3])), fh.write(array('B', [255])))
r = array('i', [0, 0, 0])
with open(name, 'rb') as fh:
    print(fh.readinto(r), r, fh.read())

# typed views: strides, casts, writes through other buffers
a = array('i', [1, 2, 3, 4])
m = memoryview(a)
print(m.obj is a, m.hex(), m[::2].tolist(), m[::-1].tolist())
m[::2] = array('i', [9, 8])
print(a)
ba = bytearray(4)
ba[0:2] = array('B', [1, 2])
ba.extend(array('b', [3]))
print(ba, bytes(4) + array('B', [1]), b'abc'.find(array('B', [98])))
print(memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('i').tolist())
d = memoryview(array('d', [0.25, 0.5]))
print(d == array('d', [0.25, 0.5]), d.tolist(), d.cast('B').cast('d').tolist())
with memoryview(array('h', [5])) as v:
    print(v[0])
print(list(memoryview(array('q', [-1, 2**62]))))
print(array('B', b'xyz').tobytes().decode())
print(int.from_bytes(array('B', [1, 2]), 'big'))
try:
    m[0] = 1.5
except TypeError as e:
    print('TypeError', e)
try:
    m[0:2] = b'12345678'
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
