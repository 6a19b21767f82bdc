# frames, generators and closures stay intact across garbage collections
import gc

def make(n):
    data = [str(i) * 3 for i in range(n)]
    def get(i):
        return data[i]
    return get

def gen(n):
    for i in range(n):
        if i % 50 == 0:
            gc.collect()
        yield [i] * 10

getters = [make(20) for _ in range(50)]
total = 0
for lst in gen(300):
    total += len(lst)
    if lst[0] % 100 == 0:
        gc.collect()
print(total, getters[10](5), getters[49](19))

def rec(n, acc):
    if n == 0:
        gc.collect()
        return acc
    return rec(n - 1, acc + [n])

print(len(rec(300, [])))

def chain(depth):
    if depth == 0:
        yield "leaf"
        gc.collect()
        yield "leaf2"
        return
    yield from chain(depth - 1)

print(list(chain(50)))

class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt

head = None
for i in range(2000):
    head = Node(i, head)
    if i % 500 == 0:
        gc.collect()
s = 0
while head:
    s += head.v
    head = head.nxt
print(s)

def exc_loop():
    n = 0
    for i in range(2000):
        try:
            raise ValueError(i)
        except ValueError as e:
            n += e.args[0]
        if i % 400 == 0:
            gc.collect()
    return n
print(exc_loop())
