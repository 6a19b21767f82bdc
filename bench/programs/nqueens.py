# N-queens: count the placements of n non-attacking queens, once by a
# backtracking search over sets of attacked columns and diagonals, and once
# by filtering permutations produced by a recursive generator.
from benchlib import measure


def count_sets(n):
    cols = set()
    diag1 = set()
    diag2 = set()

    def place(row):
        if row == n:
            return 1
        found = 0
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            found += place(row + 1)
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)
        return found

    return place(0)


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p


def count_perms(n):
    found = 0
    for p in permutations(list(range(n))):
        if len({p[i] + i for i in range(n)}) == n and len({p[i] - i for i in range(n)}) == n:
            found += 1
    return found


def run():
    return count_sets(11), count_perms(8), count_sets(6)


measure(run, (2680, 92, 4))
