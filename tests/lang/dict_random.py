# needs: bigint
# random operations (deterministic LCG) on a dict and a set, mirrored by a
# list of pairs; the final contents and order must match CPython's
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
d = {}
s = set()
keys = [i for i in range(40)] + ["k%d" % i for i in range(40)] + [i + 0.5 for i in range(20)] + [(i, i) for i in range(10)]
log = []
for step in range(6000):
    op = rnd(10)
    k = keys[rnd(len(keys))]
    if op < 4:
        d[k] = step
        s.add(k)
    elif op < 6:
        log.append(d.pop(k, None))
        s.discard(k)
    elif op == 6:
        log.append(d.get(k))
    elif op == 7 and d:
        log.append(d.popitem())
    elif op == 8:
        log.append(d.setdefault(k, -step))
        s.add(k)
    else:
        log.append(k in d)
print(len(d), len(s), len(log))
print(list(d.items())[:10])
print(list(d)[-10:])
print(log[:20])
print(log[-20:])
print(sum(1 for x in log if x is True), sum(1 for x in log if x is None))
print(sorted(map(str, s))[:15])
print(all(k in s for k in d))
