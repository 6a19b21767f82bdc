# memoryview over bytes and bytearray: indexing, slicing without copy, assignment
data = bytearray(b"abcdef")
m = memoryview(data)
print(len(m), m[0], m[-1], m.tobytes(), m.tolist()[:3], m.readonly, m.nbytes)
s = m[1:4]
print(len(s), s.tobytes(), bytes(s), s[0])
s[0] = 90
print(data, s.tobytes())
m[4:6] = b"XY"
print(data)
data[5] = 33
print(s.tobytes(), m.tobytes(), bytes(m[::1]), list(m[2:4]))
r = memoryview(b"readonly")
print(r.readonly, r[0], r[1:3].tobytes(), r == b"readonly", m == data)
for stmt in ["r[0] = 1", "m[0] = 300", "m[1:3] = b'abc'", "memoryview('str')", "m[10]"]:
    try:
        exec(stmt)
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(b"".join([memoryview(b"ab"), b"cd"]), bytearray(memoryview(b"xy")))
