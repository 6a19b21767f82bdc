# bytearray: construction, mutation, slice assignment and deletion
a = bytearray(b"hello")
print(a, bytearray(), bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), len(a))
a[0] = 72
a.append(33)
a.extend(b"??")
a.extend([65, 66])
print(a, a[0], a[-1], a[1:3], type(a[1:3]).__name__)
a.insert(0, 62)
a.insert(-1, 45)
a.insert(100, 60)
print(a, a.pop(), a.pop(0), a)
a.remove(63)
print(a)
a.reverse()
print(a, a.copy() == a, a.copy() is a)
a.clear()
print(a, len(a))
b = bytearray(b"0123456789")
b[2:5] = b"ab"
print(b)
b[0:0] = b"XYZ"
print(b)
b[::2] = bytes(len(b[::2]))
print(b)
del b[0]
del b[1:3]
print(b)
del b[::3]
print(b)
b[1:2] = [65, 66, 67]
print(b)
b += b"!!"
print(b, b * 2, b + b"?", bytearray(b"ab") == b"ab")
for stmt in ["b[0] = 256", "b[0] = -1", "b[0] = 'x'", "b[100]", "b[::2] = b'x'", "bytearray([300])",
             "b.remove(200)", "bytearray().pop()", "hash(b)", "b[0:1] = 5"]:
    try:
        exec(stmt)
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
c = bytearray(b"abc")
c *= 2
print(c, c.upper(), c.find(b"c"), c.split(b"b"), c.hex(), bytearray.fromhex("41 42"))
q = bytearray(b"abcdef")
q[::2] = b""
print(q, bytearray(b"it's"), bytearray(b'say "x" it\'s'), repr(bytearray(b"'")))
