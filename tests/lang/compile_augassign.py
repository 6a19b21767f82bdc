# needs: float
log = []
class Obj:
    def __init__(self):
        self.d = {"k": [1]}
        self.n = 1

def get(x, name):
    log.append(name)
    return x

o = Obj()
get(o, "obj").n += get(5, "rhs")
print(o.n, log)
log.clear()
get(o.d, "container")[get("k", "key")] += get([2], "rhs")
print(o.d, log)
log.clear()

lst = [1, 2, 3]
alias = lst
lst += [4]
print(lst is alias, lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = "a"
s *= 3
print(s)
n = 7
n //= 2; print(n)
n **= 3; print(n)
n %= 5; print(n)
n <<= 4; print(n)
n >>= 1; print(n)
n |= 1; print(n)
n &= 0xF; print(n)
n ^= 0xFF; print(n)
f = 1.5
f /= 2; print(f)
f -= 0.25; print(f)
d = {"a": 1}
d["a"] += 1
d.setdefault("b", 0)
d["b"] -= 1
print(d)

class Slot:
    def __init__(self):
        self.v = [0, 0]
    def __getitem__(self, i):
        log.append(("get", i))
        return self.v[i]
    def __setitem__(self, i, x):
        log.append(("set", i, x))
        self.v[i] = x

sl = Slot()
sl[1] += 10
print(sl.v, log)
g = 0
def inc_global():
    global g
    g += 2
inc_global(); inc_global()
print(g)
