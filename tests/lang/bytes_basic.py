# needs: float
# bytes construction, repr, indexing, slicing, iteration, operators
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"xy"), bytes(bytearray(b"z")))
print(bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes((1, 255)), bytes(memoryview(b"mv")))
print(b"it's", b'say "x"', b"both ' \"", b"\x00\x7f\x80\xff\t\n\r\\", b"")
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], b[::2], b[10:], list(b), len(b), b"ll" in b, 104 in b, 120 in b)
print(b + b" world", b * 2, 3 * b"ab", b + bytearray(b"!"), b == b"hello", b != b"x", b < b"help", b"a" < b"ab")
print(b == bytearray(b"hello"), b == "hello", hash(b"abc") == hash(b"ab" + b"c"), {b"k": 1}[b"k"])
print(str(b"abc"), repr(b"abc"), "%s" % b"x", "{}".format(b"y"), f"{b'z'}")
for expr in ['b"a" + "b"', 'b"a"[5]', 'bytes([256])', 'bytes([-1])', 'bytes(-1)', 'bytes("abc")',
             'bytes(1.5)', 'b"a"[0:1][5]', 'bytes(["a"])', '"x" in b"xyz"']:
    try:
        eval(expr)
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError", e)
print(bytes.fromhex("de ad be ef"), bytes.fromhex(""), b"\x01\xab".hex(), b"\x01\x02\x03".hex(":"), b"abcdef".hex("-", 2))
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError", e)
