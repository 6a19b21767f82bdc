# Attribute and method access on instances of user classes.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, i):
        self.pos = Vec(i, -i)
        self.vel = Vec(1, 2)
        self.hits = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.dot(self.vel) > 1000:
            self.hits += 1


def main():
    ps = [Particle(i) for i in range(100)]
    for _ in range(8000):
        for p in ps:
            p.step()
    print(sum(p.hits for p in ps))


main()
