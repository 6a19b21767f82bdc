# Spectral norm: the largest singular value of an infinite matrix with
# entries 1/((i+j)(i+j+1)/2+i+1), by power iteration on A^T A, with
# generator expressions and zip doing the inner products.
from benchlib import measure


def entry(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times(v, n):
    return [sum(entry(i, j) * x for j, x in zip(range(n), v)) for i in range(n)]


def times_transposed(v, n):
    return [sum(entry(j, i) * x for j, x in zip(range(n), v)) for i in range(n)]


def ata_times(v, n):
    return times_transposed(times(v, n), n)


def run():
    n = 200
    u = [1.0] * n
    for _ in range(10):
        v = ata_times(u, n)
        u = ata_times(v, n)
    vbv = sum(a * b for a, b in zip(u, v))
    vv = sum(b * b for b in v)
    return round((vbv / vv) ** 0.5, 9)


measure(run, 1.274223601)
