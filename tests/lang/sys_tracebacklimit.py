# sys.tracebacklimit (MicroPython): how many traceback entries an exception
# stores, the innermost ones; 0 stores none. Defaults to 1000.
import sys

print(sys.tracebacklimit)


class Out:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s


def dive(n):
    if n == 0:
        raise ValueError("bottom")
    dive(n - 1)


def show(limit):
    sys.tracebacklimit = limit
    try:
        dive(4)
    except ValueError as e:
        exc = e
    sys.tracebacklimit = 1000
    o = Out()
    sys.print_exception(exc, o)
    lines = o.text.splitlines()
    print(limit, len(lines), [l.split(",")[-1].strip() for l in lines])


show(1000)
show(3)
show(1)
show(0)
show(-5)
# the limit counts at store time: a limit set later does not trim
try:
    dive(2)
except ValueError as e:
    sys.tracebacklimit = 1
    o = Out()
    sys.print_exception(e, o)
    print(len(o.text.splitlines()))
sys.tracebacklimit = 1000
