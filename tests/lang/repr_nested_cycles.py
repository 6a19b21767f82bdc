# repr of containers hundreds of levels deep with references back to
# their ancestors at many depths, siblings entered and left in turn, and
# the same object shown many times: the set of containers being printed
# must report exactly the ancestors as cycles.
root = []
nodes = [root]
cur = root
for i in range(400):
    nxt = [i] if i % 3 else {"k": i}
    if isinstance(cur, list):
        cur.append(nxt)
    else:
        cur["v"] = nxt
    nodes.append(nxt)
    cur = nxt
for k in range(5, len(nodes), 5):
    back = nodes[k // 2]
    if isinstance(nodes[k], list):
        nodes[k].append(back)
    else:
        nodes[k]["back"] = back
r = repr(root)
print(len(r), r.count("[...]"), r.count("{...}"), sum(map(ord, r)) % 1000003)
print(r[:60])
print(r[-60:])

# siblings: the same non-ancestor shown many times is printed in full
leaf = [1, 2]
wide = [leaf] * 50 + [{i: leaf for i in range(20)}]
wide.append(wide)
r = repr(wide)
print(r.count("[1, 2]"), r.count("[...]"), len(r))

# a cycle through many objects, entered from each of them
ring = [[i] for i in range(200)]
for i in range(200):
    ring[i].append(ring[(i + 1) % 200])
lengths = set(len(repr(x)) for x in ring)
print(sorted(lengths)[:3], repr(ring[0])[-40:])
