# A generator dropped while suspended in try/finally or with is closed
# when it is collected: its finally and __exit__ run (CPython runs them
# at once; we run them right after the collection that finds it).
import gc

events = []


class CM:
    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        events.append("exit " + t.__name__)


def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        events.append("finally ran")


def gen_with():
    with CM():
        yield 1


def gen_plain():
    yield 1


def start(g):
    next(g)


def scope():
    start(gen_finally())
    start(gen_with())
    start(gen_plain())


scope()
gc.collect()
print(sorted(events))


def stubborn():
    try:
        yield 1
    finally:
        pass
    yield 2


g = stubborn()
next(g)
g.close()
print("closed", list(g))
