# Blocks of every small size class (and some large ones) made, dropped in
# strides and made again, with collections between the phases: a block
# handed out twice, or one handed out before it is free, shows as an object
# whose contents changed; one handed out unzeroed as an object whose
# fields hold what it never set (a bytearray's buffer pointer and length,
# an instance's attribute arrays).
import gc


class Rec:
    def __init__(self, i):
        for k in range(i % 7):
            setattr(self, "a%d" % k, i + k)


def size(i):
    if i % 16 == 0:
        return (i * 37) % 2100  # through the large classes and past them
    return (i * 37) % 200


def make(i):
    n = size(i)
    k = i % 5
    if k == 0:
        return bytes([i % 256]) * n
    if k == 1:
        return (i,) * (n // 8)
    if k == 2:
        return [i] * (n // 8)
    if k == 3:
        return chr(65 + i % 26) * n
    return Rec(i)


def same(i, o):
    if i % 5 == 4:
        want = make(i)
        return all(getattr(o, "a%d" % k) == getattr(want, "a%d" % k) for k in range(i % 7)) and not hasattr(
            o, "a%d" % (i % 7))
    return o == make(i)


N = 48
objs = [make(i) for i in range(N)]
gc.collect()
print(all(same(i, o) for i, o in enumerate(objs)))
for step, start in ((2, 0), (3, 1), (5, 2), (64, 3), (1, 0)):
    for i in range(start, N, step):
        objs[i] = None
    gc.collect()
    zeroed = True
    for r in range(4):
        junk = [make(i) for i in range(r, N, 3)]  # garbage between the survivors
        # every class, and past the largest
        zeroed = zeroed and all(not any(bytearray((i * 97 + step * 13) % 2100)) for i in range(r, N, 6))
        fresh = [Rec(i) for i in range(r, N, 4)]
        zeroed = zeroed and all(not hasattr(o, "a%d" % (i % 7)) for i, o in zip(range(r, N, 4), fresh))
        junk = fresh = None
        if r == 1:
            gc.collect()
    for i in range(N):
        if objs[i] is None:
            objs[i] = make(i)
    print(step, start, zeroed, all(same(i, o) for i, o in enumerate(objs)))
