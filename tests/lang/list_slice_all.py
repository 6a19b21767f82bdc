# every small slice on every small list: load, delete, assignment (with
# size errors for extended slices); one checksum line per list length
vals = [None, -7, -3, -1, 0, 1, 2, 4, 9]
steps = [None, -3, -2, -1, 1, 2, 3]
for n in range(6):
    base = list(range(n))
    acc = []
    errs = 0
    for a in vals:
        for b in vals:
            for c in steps:
                s = slice(a, b, c)
                acc.append(len(base[s]))
                acc.append(sum(base[s]) if base[s] else -1)
                acc.append(len(tuple(base)[s]))
                acc.append(len(range(n)[s]))
                acc.append(list(range(n)[s]) == base[s])
                d = base[:]
                del d[s]
                acc.append(sum(d) * 7 + len(d))
                e = base[:]
                try:
                    e[s] = [100, 200]
                    acc.append(sum(e) + len(e))
                except ValueError:
                    errs += 1
    print(n, len(acc), sum(x if type(x) is int else (1 if x else 0) for x in acc), errs)
