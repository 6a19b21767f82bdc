# Mandelbrot: escape-time iteration over a grid of points, in plain float
# arithmetic, counting iterations and points inside the set.
from benchlib import measure


def mandel(width, height, limit):
    inside = 0
    total = 0
    for y in range(height):
        ci = 2.4 * y / height - 1.2
        for x in range(width):
            cr = 3.0 * x / width - 2.1
            zr = zi = 0.0
            zr2 = zi2 = 0.0
            n = 0
            while n < limit and zr2 + zi2 <= 4.0:
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                zr2 = zr * zr
                zi2 = zi * zi
                n += 1
            total += n
            if n == limit:
                inside += 1
    return inside, total


def run():
    return mandel(320, 240, 200)


measure(run, (16337, 3620843))
