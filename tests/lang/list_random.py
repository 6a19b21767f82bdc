# needs: bigint
# random list mutations (deterministic LCG); results must match CPython's
seed = 11
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
l = []
out = []
for step in range(4000):
    op = rnd(12)
    n = len(l)
    if op < 3:
        l.append(rnd(100))
    elif op == 3:
        l.insert(rnd(n + 3) - 1, step)
    elif op == 4 and n:
        out.append(l.pop(rnd(n)))
    elif op == 5:
        a, b = rnd(n + 2), rnd(n + 2)
        l[a:b] = [step] * rnd(4)
    elif op == 6:
        a, b, c = rnd(n + 2), rnd(n + 2), rnd(4) + 1
        del l[a:b:c]
    elif op == 7:
        a, b, c = rnd(n + 2), rnd(n + 2), -(rnd(3) + 1)
        out.append(len(l[a:b:c]))
    elif op == 8:
        x = rnd(100)
        if x in l:
            l.remove(x)
            out.append(x)
    elif op == 9 and n > 1:
        a = rnd(n)
        c = -(rnd(3) + 1)
        ln = len(l[a::c])
        l[a::c] = list(range(ln))
    elif op == 10:
        l.extend(l[: rnd(5)])
    elif op == 11 and n:
        out.append(l.index(l[rnd(n)]))
    if len(l) > 300:
        l.sort()
        del l[::2]
print(len(l), sum(l), l[:20], l[-10:])
print(len(out), sum(out), out[:20])
