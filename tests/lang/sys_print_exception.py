# sys.print_exception (MicroPython) / traceback.print_exception (CPython)
import sys

try:
    print_exception = sys.print_exception
except AttributeError:
    import traceback

    def print_exception(e, file=sys.stdout):
        traceback.print_exception(e, file=file)


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


def fail():
    raise ValueError("bad value")


try:
    fail()
except ValueError as e:
    c = Collect()
    print_exception(e, c)
    text = "".join(c.parts)
    lines = text.splitlines()
    print(lines[0])
    print(lines[-1])
    print(any("fail" in l for l in lines))

try:
    raise KeyError("key")
except KeyError as e:
    c = Collect()
    print_exception(e, c)
    print("".join(c.parts).splitlines()[-1])
