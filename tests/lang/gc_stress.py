# many allocations and collections keep reachable data intact
# big heap: builds lists of 300,000 items (not run in the 2 MiB heap pass)
import gc

keep = []
for round in range(20):
    tmp = [str(i) + "x" for i in range(2000)]
    keep.append({"round": round, "items": tmp[::100], "t": tuple(range(round))})
    d = {}
    for i in range(500):
        d[i] = [i] * 3
    if round % 5 == 0:
        gc.collect()
gc.collect()
print(len(keep))
print(keep[7]["items"][:3], keep[19]["t"][-1])
print(sum(len(k["items"]) for k in keep))


# a long linked structure survives collection (deep marking)
node = None
for i in range(100000):
    node = (i, node)
gc.collect()
count = 0
total = 0
while node is not None:
    total += node[0]
    node = node[1]
    count += 1
print(count, total)

# big strings and bytes survive and are freed
s = "abc" * 100000
b = bytes(range(256)) * 1000
gc.collect()
print(len(s), s[-3:], len(b), b[-1])


# cycles are collected without trouble
class Node:
    def __init__(self):
        self.other = None


for i in range(10000):
    a = Node()
    b2 = Node()
    a.other = b2
    b2.other = a
gc.collect()
print("done")
