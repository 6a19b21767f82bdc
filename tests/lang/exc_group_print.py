# An exception group's report: its sub-exceptions in boxes, nested groups,
# notes and chained exceptions inside, as CPython draws them (source lines,
# which we do not print, are left out of CPython's output).
import sys

try:
    print_exception = sys.print_exception
except AttributeError:
    import traceback

    def print_exception(e, file):
        traceback.print_exception(e, file=file)


class Collect:
    def __init__(self):
        self.text = ""

    def write(self, s):
        self.text += s
        return len(s)


def show(e):
    c = Collect()
    print_exception(e, c)
    for line in c.text.replace(__file__, "FILE").split("\n"):
        body = line.lstrip(" |+-")
        # a source line or its ^ markers (CPython's), after the margin
        if line[len(line) - len(body) - 4:].startswith("    ") and not body.startswith(("File", "Traceback")):
            continue
        print(line)


def f():
    raise ValueError(1)


def g():
    try:
        f()
    except ValueError as e:
        e.add_note("note on v")
        raise ExceptionGroup("outer", [e, TypeError(2), ExceptionGroup("inner", [KeyError(3)])])


try:
    g()
except ExceptionGroup as e:
    show(e)

show(ExceptionGroup("wide", [ValueError(i) for i in range(17)]))
nested = ValueError("leaf")
for i in range(12):
    nested = ExceptionGroup("level %d" % i, [nested])
show(nested)
