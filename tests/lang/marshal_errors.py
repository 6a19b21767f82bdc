# needs: bigint
# marshal (MicroPython's subset): dumps takes code objects only; loads
# refuses anything dumps did not make, damaged or made up, with ValueError.
import marshal


def f(a, b=1):
    return [a + i for i in range(b)]


for v in (1, "s", b"b", (1,), None, f):
    try:
        marshal.dumps(v)
    except ValueError as e:
        print("ValueError", e)

good = marshal.dumps(f.__code__)
print(good[:3], len(good) > 20)


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
    b"PXM",
    b"XYZ\x01\x00\x00\x00\x00",
    good[:-1],
    good + b"\x00",
    good[:10] + bytes([good[10] ^ 1]) + good[11:],  # damaged in transfer
    seal(body[:4] + b"N"),  # not code, but a value: loads gives it back
    seal(body[:4] + b"Q"),
    seal(body[:4] + b"t\x05N"),
    seal(body + b"N"),
    seal(body[:3] + b"\x63" + body[4:]),  # another version
    seal(body[:4] + b"s\x02\xff\xfe"),
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
