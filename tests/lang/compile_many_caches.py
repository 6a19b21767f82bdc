# A code object with more attribute/global sites than the inline-cache slot
# limit: later sites share slots by (opcode, name) and must stay correct
# for receivers of different types.
# big heap: compiles code with tens of thousands of inline caches (not run in the 2 MiB heap pass)


class P:
    def __init__(self):
        self.x = "P.x"

    def m(self):
        return "P.m"


class Q:
    x = "Q.x"

    def m(self):
        return "Q.m"


G = "global G"
lines = ["def run(p, q, l, r):"]
lines += ["    l.append(%d)" % i for i in range(64000)]
lines += [
    "    r.append(p.x)", "    r.append(q.x)", "    r.append(p.m())", "    r.append(q.m())",
    "    r.append(G)", "    p.y = 1", "    q.y = 2", "    r.append(p.y + q.y)",
    "    r.append(q.x)", "    r.append(p.x)", "    r.append(len(l))",
    "    for o in (p, q, p):", "        r.append(o.m())", "        r.append(o.x)",
]
ns = {"G": G, "len": len}
exec("\n".join(lines), ns)
r = []
l = []
ns["run"](P(), Q(), l, r)
print(r)
print(sum(l))
