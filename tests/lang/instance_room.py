# Instance attributes start in room inside the instance's own block, sized
# by what earlier instances of the class had; an instance that gets more,
# deletes some, changes class or is copied keeps every attribute right.
class P:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i * 10)


def attrs(o):
    return sorted(o.__dict__.items())


# first instances small, then bigger ones, then small again
sizes = [0, 1, 2, 3, 5, 8, 20, 3, 1, 40, 2]
objs = [P(n) for n in sizes]
for n, o in zip(sizes, objs):
    assert len(o.__dict__) == n, (n, len(o.__dict__))
    assert all(getattr(o, "a%d" % i) == i * 10 for i in range(n))
print([len(o.__dict__) for o in objs])

# growing one past its room, then deleting and re-adding
o = P(2)
o.x = 1
o.y = 2
o.z = 3
del o.a0
del o.x
o.a0 = "back"
o.w = 4
print(attrs(o))

# attribute stores through the same site on instances of different sizes
class V:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


vs = [V(i, i + 1, i + 2) for i in range(50)]
for v in vs[::7]:
    v.extra = v.x * 2
print(sum(v.x + v.y + v.z for v in vs), [getattr(v, "extra", None) for v in vs[:15]])

# __class__ changed between classes with different room
class Big:
    def __init__(self):
        for i in range(12):
            setattr(self, "b%d" % i, i)


b = Big()
s = V(1, 2, 3)
s.__class__ = Big
s.more = 9
print(attrs(s))
b.__class__ = V
b.q = 1
print(len(b.__dict__), b.b11, b.q)

# copies and __dict__ updates
c = P(0)
c.__dict__.update(objs[6].__dict__)
c.a0 = "changed"
print(objs[6].a0, c.a0, len(c.__dict__))
d = V(0, 0, 0)
d.__dict__.update({"k%d" % i: i for i in range(30)})
print(len(d.__dict__), d.k29, d.x)
d.__dict__.clear()
d.x = 5
print(attrs(d))
