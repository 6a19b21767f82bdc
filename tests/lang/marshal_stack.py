# needs: bigint
# marshal.loads checks the stack depth of made-up bytecode: every
# instruction must be reached at one depth whichever path leads to it (as
# the compiler emits), so a loop that pushes on each pass is refused at
# once instead of being followed 65,535 times round (fuzz_mpy found it).
import marshal


def g(x):
    while x:
        x = x


good = marshal.dumps(g.__code__)
body = bytes(good[:-4])


def fnv(b):
    h = 2166136261
    for c in b:
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h


def load(b):
    try:
        marshal.loads(bytes(b) + fnv(b).to_bytes(4, "little"))
        return "loaded"
    except ValueError as e:
        return str(e)


print(load(body))
# every byte replaced by every byte value the body has: one of them turns
# the loop's store into a load
results = set()
for at in range(4, len(body)):
    for value in sorted(set(body)):
        b = bytearray(body)
        b[at] = value
        results.add(load(b).split(" (")[-1].rstrip(")"))
print("stack depth differs between paths" in results, "stack too deep" in results)
