# set.pop takes the oldest element first; draining a big set stays linear
s = {1, 2, 3}
print(s.pop(), s)
t = {10, 20, 30, 40}
out = []
while t:
    out.append(t.pop())
print(sorted(out))  # the order of other ints follows CPython's hash table, not ours
big = set(range(100000))
n = 0
while big:
    big.pop()
    n += 1
print(n)
u = set(range(8))
u.pop()
u.add(100)
u.discard(3)
print(u.pop(), sorted(u))
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
