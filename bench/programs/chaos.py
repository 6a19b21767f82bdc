# A chaos-game workload: points drawn by repeatedly applying one of several
# randomly chosen affine maps (an iterated function system), with a point
# class, weighted choice and a density grid; floats and small objects.
from benchlib import measure, Lcg


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f
        self.weight = weight

    def apply(self, p):
        return Point(self.a * p.x + self.b * p.y + self.e, self.c * p.x + self.d * p.y + self.f)


class Game:
    def __init__(self, maps, seed):
        self.maps = maps
        total = sum(m.weight for m in maps)
        acc = 0.0
        self.cumulative = []
        for m in maps:
            acc += m.weight / total
            self.cumulative.append(acc)
        self.rng = Lcg(seed)

    def pick(self):
        u = self.rng.unit()
        for m, c in zip(self.maps, self.cumulative):
            if u < c:
                return m
        return self.maps[-1]

    def play(self, steps, size):
        grid = [[0] * size for _ in range(size)]
        p = Point(0.0, 0.0)
        lo_x = lo_y = 1e9
        hi_x = hi_y = -1e9
        for i in range(steps):
            p = self.pick().apply(p)
            if i < 20:
                continue
            lo_x = min(lo_x, p.x)
            hi_x = max(hi_x, p.x)
            lo_y = min(lo_y, p.y)
            hi_y = max(hi_y, p.y)
            gx = int((p.x + 3.0) / 6.0 * size)
            gy = int(p.y / 10.5 * size)
            if 0 <= gx < size and 0 <= gy < size:
                grid[gy][gx] += 1
        filled = sum(1 for row in grid for v in row if v)
        return filled, round(lo_x, 3), round(hi_x, 3), round(hi_y, 3)


def run():
    fern = [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
    ]
    return Game(fern, 2024).play(300000, 64)


measure(run, (1671, -2.182, 2.656, 9.998))
