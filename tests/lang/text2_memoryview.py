# needs: bigint
# memoryview: formats, cast, slicing with steps, assignment, comparison, release.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

m = memoryview(b'abcdef')
print(m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides, m.suboffsets)
print(m.c_contiguous, m.f_contiguous, m.contiguous, m.obj)
print(len(m), m[0], m[-1], m[1:3].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[::-2].tolist())
print(m[::2].strides, m[::2].contiguous, m[1:][1:3].tobytes(), m[1:3].obj, m[5:1].tobytes())
print(list(m[::-1]), m.tolist(), m.hex(), m.hex(':'), m.hex(':', 2), m[::2].hex('-', -1))
t(lambda: m[10])
t(lambda: m[-7])
t(lambda: m['x'])
t(lambda: m[1.0])
t(lambda: m.__setitem__(0, 1))
t(lambda: m.__delitem__(0))
t(lambda: m + b'x')
print(b'x' + m, bytearray(b'y') + m)
t(lambda: m < m)
print(m == b'abcdef', m == bytearray(b'abcdef'), m == m[:], m == 'abcdef', m != b'abc', b'abcdef' == m)
print(97 in m, b'a' in m, 200 in m, m[::2] == b'ace')

# formats through cast
h = m.cast('h')
print(h.format, h.itemsize, len(h), h.nbytes, h.tolist() == [int.from_bytes(b'ab', 'little'), int.from_bytes(b'cd', 'little'), int.from_bytes(b'ef', 'little')] or h.tolist())
print(h.shape, h.strides, h.cast('B').tolist(), h.cast('c').tolist(), h.cast('b').tolist())
print(m.cast('B', [6]).tolist(), m.cast('@B').format, m.cast('h', (3,)).shape)
t(lambda: m.cast('h', [2]))
t(lambda: m.cast('i'))
t(lambda: m.cast('hh'))
t(lambda: m.cast('x'))
t(lambda: h.cast('i'))
t(lambda: m[::2].cast('B'))
t(lambda: m.cast(1))
for fmt, data in [('b', b'\x80\x7f'), ('B', b'\xff\x00'), ('h', b'\x00\x80\xff\x7f'), ('H', b'\xff\xff\x01\x00'),
                  ('i', b'\xff\xff\xff\xff'), ('I', b'\xff\xff\xff\xff'), ('q', b'\xff' * 8), ('Q', b'\xff' * 8),
                  ('f', b'\x00\x00\x80\x3f'), ('d', b'\x00' * 7 + b'\x40'), ('?', b'\x00\x02'), ('c', b'xy'),
                  ]:
    v = memoryview(data).cast(fmt)
    print(fmt, v.itemsize, v.tolist(), list(v), v[0])
# sizes of these depend on the platform's C long and size_t
for fmt, first in [('l', 1), ('L', 1), ('n', 0xfe), ('N', 2)]:
    size = memoryview(bytes(8)).cast(fmt).itemsize
    fill = 0xff if fmt == 'n' else 0
    v = memoryview(bytes([first] + [fill] * (size - 1))).cast(fmt)
    print(fmt, v.tolist(), size in (4, 8))

# writable views
ba = bytearray(b'abcdef')
w = memoryview(ba)
w[0] = 65
w[1:3] = b'BC'
w[::2] = b'xyz'
print(ba, w.readonly, w.toreadonly().readonly)
w[-1] = 255
print(ba)
t(lambda: w.__setitem__(0, 256))
t(lambda: w.__setitem__(0, -1))
t(lambda: w.__setitem__(0, 'a'))
t(lambda: w.__setitem__(0, 1.0))
t(lambda: w.__setitem__(slice(0, 2), b'xyz'))
t(lambda: w.__setitem__(slice(0, 2), b'x'))
t(lambda: w.__delitem__(slice(0, 2)))
w[2:4] = w[0:2]
print(ba)
w[1:5] = w[0:4]
print(ba)
wh = w.cast('h')
wh[0] = -2
wh[1] = 0x4142
print(ba[:4], wh[0], wh[1])
t(lambda: wh.__setitem__(0, 70000))
t(lambda: wh.__setitem__(0, -32769))
t(lambda: wh.__setitem__(0, 1.5))
t(lambda: wh.__setitem__(slice(0, 1), b'zz'))
wh[0:1] = memoryview(b'zz').cast('h')
print(ba)
wq = memoryview(bytearray(16)).cast('Q')
wq[0] = 2**64 - 1
wq[1] = 2**63
print(wq.tolist())
t(lambda: wq.__setitem__(0, 2**64))
t(lambda: wq.__setitem__(0, -1))
ws = memoryview(bytearray(16)).cast('q')
ws[0] = -2**63
ws[1] = 2**63 - 1
print(ws.tolist())
t(lambda: ws.__setitem__(0, 2**63))
t(lambda: ws.__setitem__(0, 2**64 - 1))
wf = memoryview(bytearray(8)).cast('d')
wf[0] = 3
print(wf[0])
wf[0] = 2.5
print(wf.tolist())
t(lambda: wf.__setitem__(0, 'x'))
wc = memoryview(bytearray(b'ab')).cast('c')
wc[0] = b'z'
print(wc.tolist())
t(lambda: wc.__setitem__(0, 1))
t(lambda: wc.__setitem__(0, b'zz'))
wb = memoryview(bytearray(2)).cast('?')
wb[0] = 5
wb[1] = []
print(wb.tolist())

# hashing
t(lambda: hash(memoryview(b'abc')) == hash(b'abc'))
t(lambda: hash(memoryview(bytearray(b'abc'))))
t(lambda: hash(memoryview(b'abcd').cast('h')))
t(lambda: hash(memoryview(b'abcd').cast('b')) == hash(b'abcd'))
print({memoryview(b'k'): 1}[b'k'])

# equality across formats
a = memoryview(b'\x01\x00\x02\x00').cast('h')
b = memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('i')
print(a == b, a == [1, 2], a.tolist() == b.tolist(), a == b'\x01\x00\x02\x00', memoryview(b'\x01\x02') == b'\x01\x02')
nan = memoryview(b'\x00\x00\xc0\x7f').cast('f')
print(nan == nan, nan == memoryview(b'\x00\x00\xc0\x7f').cast('f'))

# release and the context manager
r = memoryview(b'ab')
r.release()
r.release()
t(lambda: r[0])
t(lambda: len(r))
t(lambda: r.tobytes())
t(lambda: r.format)
t(lambda: bytes(r))
print(r == r, r == memoryview(b'ab'), repr(r).startswith('<released memory at 0x'), repr(m).startswith('<memory at 0x'))
with memoryview(b'xy') as q:
    print(q[0], q.tobytes())
t(lambda: q[0])

# construction
t(lambda: memoryview('abc'))
t(lambda: memoryview(1))
t(lambda: memoryview())
t(lambda: memoryview(object=b'kw').tobytes())
mm = memoryview(m[::2])
print(mm.tobytes(), mm.obj, memoryview(bytearray(b'q')).readonly)

# the buffer protocol in C functions
print(bytes(m[::2]), bytearray(m[1:3]), bytes(h), list(bytes(memoryview(b'\x01\x02').cast('h'))))
print(b''.join([m[0:2], memoryview(b'-')]), b'-'.join([b'a', m[2:4]]), int.from_bytes(m[:2], 'big'))
print(b'bc' in b'abcd', m[1:3] in [b'bc'], b'abcdef'.startswith(m[:2]), b'xbcx'.find(m[1:3]), b'abc'.count(m[1:2]))
print(b'a,b'.split(memoryview(b',')), b'abc'.replace(m[1:2], memoryview(b'X')), b'xxabxx'.strip(memoryview(b'x')))
print(str(m[0:3], 'ascii'), m[0:3].tobytes().decode(), bytes(m[0:3]).decode('utf-8'))
t(lambda: b''.join([m[::2]]))
bb = bytearray(b'1')
bb += memoryview(b'23')
bb.extend(memoryview(b'45'))
print(bb, bb + memoryview(b'6'))
print(m.tobytes(order=None), m.tobytes('C'))
