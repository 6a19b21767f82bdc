# Object graphs much deeper and wider than the collector's mark stack:
# everything reachable survives collections (blocks marked while the
# stack was full have their children found by rescanning their pages).
# big heap: builds chains of 200,000 objects (not run in the 2 MiB heap pass)
import gc

n = 200000
# each level leaves one sibling on the mark stack: the stack overflows
d = None
for i in range(n):
    d = ([i], d)
gc.collect()
# churn so freed memory is reused: a missed node would be overwritten
junk = [[j] * 3 for j in range(50000)]
junk = None
gc.collect()
total, count, node = 0, 0, d
while node is not None:
    total += node[0][0]
    count += 1
    node = node[1]
print(count, total == n * (n - 1) // 2)

# wide: a large block (a big list) whose items overflow the stack
wide = [[i, [i]] for i in range(100000)]
gc.collect()
print(sum(x[1][0] for x in wide) == sum(range(100000)))

# dicts and instances in a chain
class Node:
    def __init__(self, nx, v):
        self.nx = nx
        self.v = {'v': v}
h = None
for i in range(100000):
    h = Node(h, i)
gc.collect()
s = 0
while h is not None:
    s += h.v['v']
    h = h.nx
print(s == sum(range(100000)))
