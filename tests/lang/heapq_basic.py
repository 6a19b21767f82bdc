# needs: bigint
# heapq: the heap functions leave lists in exactly CPython's order (the
# same sift algorithm), pop in sorted order, and nsmallest/nlargest are
# stable.
import heapq

seed = 5
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % (1 << 31)
    return (seed >> 8) % n

h = []
for i in range(30):
    heapq.heappush(h, rnd(50))
print(h)
print([heapq.heappop(h) for i in range(10)], h)
data = [rnd(1000) for i in range(200)]
heapq.heapify(data)
print(data[:40])
print(all(data[k] <= data[c] for k in range(len(data)) for c in (2 * k + 1, 2 * k + 2) if c < len(data)))
out = [heapq.heappop(data) for i in range(len(data))]
print(out == sorted(out), len(out), data)
h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print(h, heapq.heapreplace(h, 7), h, heapq.heappushpop(h, 0), h, heapq.heappushpop(h, 4), h)
print(heapq.heappushpop([], 5), heapq.heappop([3]), heapq.heapify([]))

# tuples, priorities with ties, strings
tasks = []
for p, name in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e"), (2, "b2")]:
    heapq.heappush(tasks, (p, name))
print(tasks, [heapq.heappop(tasks) for i in range(6)])
words = "the quick brown fox jumps over the lazy dog".split()
heapq.heapify(words)
print(words, heapq.heappop(words))

print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, [5, 1, 4, 1, 5, 9, 2, 6]))
print(heapq.nsmallest(2, ["bb", "a", "ccc", "dd"], key=len), heapq.nlargest(2, ["bb", "a", "ccc", "dd", "ee"], key=len))
print(heapq.nsmallest(0, [1]), heapq.nlargest(-1, [1]), heapq.nsmallest(10, iter([3, 1, 2])), heapq.nlargest(2, range(10)))

class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "R%d" % self.v

r = [Rev(i) for i in [3, 1, 4, 1, 5]]
heapq.heapify(r)
print(r, heapq.heappop(r))

class MyList(list):
    pass

ml = MyList([4, 2, 3])
heapq.heapify(ml)
heapq.heappush(ml, 1)
print(ml, type(ml).__name__)

for f, args in [(heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)), (heapq.heappush, ((), 1)),
                (heapq.heapify, (None,)), (heapq.heappush, ([1, "a"], 2)), (heapq.heappush, ([1], "a"))]:
    try:
        print(f(*args))
    except (IndexError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)

class Evil:
    def __init__(self, heap):
        self.heap = heap
    def __lt__(self, other):
        self.heap.clear()
        return False

h = [1, 2, 3]
h.append(Evil(h))
try:
    heapq.heappush(h, Evil(h))
except RuntimeError as e:
    print("RuntimeError", e)
