# help(): MicroPython's text (adapted to Linux), and help(obj) listing
# "object X is of type T" and then the names of its class (dunders left
# out) or module.
help()


class Point:
    x = 1
    y = 2

    def __str__(self):
        return "a point"


help(Point)
help(Point())
help(None)
