# needs: bigint
# marshal (MicroPython's subset): dumps takes code objects only; loads
# refuses anything dumps did not make, damaged or made up, with ValueError.
import marshal
import sys


def f(a, b=1):
    return [a + i for i in range(b)]


for v in (1, "s", b"b", (1,), None, f):
    try:
        marshal.dumps(v)
    except ValueError as e:
        print("ValueError", e)

good = marshal.dumps(f.__code__)
# a .mpy file: 'M', our version (not MicroPython's 6), no native arch
print(good[:1], good[1] == sys.implementation._mpy & 0xFF, good[2], len(good) > 20)


def fnv(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def seal(body):
    # a body with a correct checksum, as if made on purpose
    return bytes(body) + fnv(body).to_bytes(4, "little")


body = bytearray(good[:-4])
cases = [
    b"",
    b"M",
    b"XYZ\x01\x00\x00\x00\x00",
    good[:-1],
    good + b"\x00",
    good[:10] + bytes([good[10] ^ 1]) + good[11:],  # damaged in transfer
    seal(body + b"N"),
    seal(body[:4] + b"\x05"),  # five names, none there
    seal(body[:4] + b"\x01\x02\xff\xfe"),  # a name that is not UTF-8
    seal(body[:4] + b"\x00\x00"),  # a name index with no names
    seal(body[:1] + b"\x06" + body[2:]),  # MicroPython's version
    seal(body[:2] + bytes([body[2] | 4]) + body[3:]),  # native code
]
for data in cases:
    try:
        print(repr(marshal.loads(data)))
    except ValueError as e:
        print("ValueError", e)
try:
    marshal.loads("text")
except TypeError as e:
    print("TypeError", e)


# made-up bytecode that would read outside the code object is refused
def mutate(at, value):
    b = bytearray(body)
    b[at] = value
    try:
        marshal.loads(seal(b))
        return "loaded"
    except ValueError as e:
        return str(e)


results = set()
for at in range(4, len(body)):
    for value in (0, 1, 0x7F, 0x80, 0xFF):
        results.add(mutate(at, value).split(" (")[0])
print(sorted(results))
print(type(marshal.loads(bytearray(good))).__name__, type(marshal.loads(memoryview(good))).__name__)
