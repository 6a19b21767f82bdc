# Generator pipelines: a chain of generator stages (source, map, filter,
# windowing, flattening) connected by iteration, a tree walked by
# recursive `yield from`, and a coroutine fed with send().
from benchlib import measure


def source(n):
    for i in range(n):
        yield i


def squares(it):
    for x in it:
        yield x * x % 1009


def odd_only(it):
    for x in it:
        if x & 1:
            yield x


def windows(it, size):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == size:
            yield tuple(buf)
            buf = []


def flatten(it):
    for group in it:
        yield from group


class Node:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right


def build(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Node(mid, build(lo, mid), build(mid + 1, hi))


def inorder(node):
    if node is not None:
        yield from inorder(node.left)
        yield node.value
        yield from inorder(node.right)


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total // count


def run():
    piped = sum(flatten(windows(odd_only(squares(source(1000000))), 4)))
    tree = build(0, 20000)
    walked = 0
    for _ in range(15):
        walked += sum(inorder(tree))
    co = averager()
    next(co)
    last = 0
    for i in range(300000):
        last = co.send(i)
    return piped, walked, last


measure(run, (259274576, 2999850000, 149999))
