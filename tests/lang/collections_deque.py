# needs: float
# collections.deque: both ends, maxlen dropping from the other end, the
# documented methods, indexing, operators, iteration checks and errors.
from collections import deque

d = deque()
print(d, len(d), bool(d), d.maxlen)
for i in range(5):
    d.append(i)
    d.appendleft(-i)
print(d, len(d), d[0], d[-1], d[4], d[-5])
print(d.pop(), d.popleft(), d)
d.extend([10, 11])
d.extendleft((20, 21))
print(d, list(d), list(reversed(d)))

# bounded: adding to a full deque drops from the other end
b = deque([1, 2, 3], 3)
print(b, b.maxlen)
b.append(4)
print(b)
b.appendleft(0)
print(b)
b.extend(range(10, 15))
print(b)
b.extendleft("ab")
print(b)
print(deque(range(10), maxlen=4), deque("xyz", 0), deque([], 2))
z = deque((), 0)
z.append(1)
z.appendleft(2)
print(z, len(z))

# growth past the initial ring and wrap-around at both ends
r = deque()
for i in range(100):
    if i % 3 == 0:
        r.appendleft(i)
    else:
        r.append(i)
print(len(r), r[0], r[-1], r[50], sum(r))
for i in range(60):
    r.popleft() if i % 2 else r.pop()
print(len(r), list(r))

# subscript load, store, delete; bad indexes
s = deque("abcdef")
s[0] = "A"
s[-1] = "F"
del s[2]
del s[-2]
print(s)
for idx in (6, -7, 100):
    try:
        s[idx]
    except IndexError as e:
        print("IndexError", e)
try:
    s["x"]
except TypeError as e:
    print("TypeError", e)
try:
    s[1:2]
except TypeError as e:
    print("TypeError", type(e).__name__)

# empty pops
for meth in ("pop", "popleft"):
    try:
        getattr(deque(), meth)()
    except IndexError as e:
        print(meth, "IndexError", e)

# the other methods
q = deque([1, 2, 3, 2, 1, 2])
print(q.count(2), q.count(9), q.index(2), q.index(2, 2), q.index(1, -2), q.index(2, 0, 2))
try:
    q.index(3, 3)
except ValueError as e:
    print("ValueError", e)
q.remove(2)
print(q)
try:
    q.remove(7)
except ValueError as e:
    print("ValueError", e)
q.insert(0, "first")
q.insert(100, "last")
q.insert(-1, "-1")
q.insert(-100, "front")
print(q)
q.reverse()
print(q)
q.rotate()
print(q)
q.rotate(3)
print(q)
q.rotate(-2)
print(q)
q.rotate(len(q) * 5 + 1)
print(q)
c = q.copy()
c.append("c")
print(q, c, type(c).__name__)
q.clear()
print(q, len(q))
full = deque([1, 2], 2)
try:
    full.insert(0, 3)
except IndexError as e:
    print("IndexError", e)
deque().rotate(5)
one = deque([1])
one.rotate(-3)
print(one)

# operators
a = deque([1, 2])
print(a + deque([3]), a * 3, 2 * a, a * 0, a * -1)
a += [5, 6]
print(a)
a *= 2
print(a)
m = deque([1, 2, 3], 5)
print(m * 3, (m * 3).maxlen)
m *= 2
print(m)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]), deque([1]) == [1])
print(deque([1, 2]) < deque([1, 3]), deque([2]) > deque([1, 9]), deque([1]) <= deque([1]), deque() >= deque())
print(2 in deque([1, 2]), 5 in deque([1, 2]), 5 not in deque())
try:
    deque([1]) + [2]
except TypeError as e:
    print("TypeError", e)
try:
    hash(deque())
except TypeError as e:
    print("TypeError", type(e).__name__)

# extending with itself
e = deque([1, 2])
e.extend(e)
print(e)
e.extendleft(e)
print(e)

# iteration notices changes
it = iter(deque([1, 2, 3]))
print(next(it), list(it))
g = deque([1, 2, 3])
try:
    for x in g:
        g.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
g = deque([1, 2, 3])
try:
    for x in reversed(g):
        g.pop()
except RuntimeError as e:
    print("RuntimeError", e)

# constructor arguments
for args in ((None,), ([1], -1), ([1], "2"), ([1], 1.5)):
    try:
        print(deque(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
try:
    deque(5)
except TypeError as e:
    print("TypeError")

# subclass
class Q(deque):
    def push(self, x):
        self.append(x)
        return self
q = Q([1], 3).push(2).push(3).push(4)
print(list(q), len(q), q.maxlen, isinstance(q, deque), q[0], q.pop())

# nested and recursive repr
n = deque([deque([1]), [2]])
print(n)
rec = deque()
rec.append(rec)
print(rec)
