# classes: attributes, methods, class attributes, instance dicts
class Point:
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


p = Point(3, 4)
q = Point(1, 2)
print(p, q, Point.count)
print(p.norm2(), Point.norm2(q))
print(repr(p), str(p))
print(type(p) is Point, type(p).__name__, Point.__name__)
p.z = 10
print(p.z, hasattr(p, "z"), hasattr(q, "z"))
del p.z
print(hasattr(p, "z"))
m = p.norm2
print(m())
print(sorted(vars(q).items()))
print(Point.count, p.count)
p.count = 99
print(Point.count, p.count)


class Empty:
    pass


e = Empty()
print(type(e).__name__, isinstance(e, Empty), isinstance(e, object))
try:
    Empty(1)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    e.missing
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    Empty.missing
except AttributeError as ex:
    print(type(ex).__name__, ex)


class WithInitReturn:
    def __init__(self):
        return 5


try:
    WithInitReturn()
except TypeError as ex:
    print(type(ex).__name__, ex)

# class attribute shared by instances, shadowed per instance
class Counter:
    items = []

    def add(self, x):
        self.items.append(x)


a, b = Counter(), Counter()
a.add(1)
b.add(2)
print(Counter.items, a.items is b.items)
print(Point.__qualname__, Point.__module__)
print(str(Point) == "<class '__main__.Point'>")
print(str(int), str(type), repr(object))
