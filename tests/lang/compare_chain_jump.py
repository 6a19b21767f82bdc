# Chained comparisons as conditions (if/while/elif/not/and/or, ternaries,
# comprehension filters) jump on each comparison: same results, each
# operand evaluated once, each result's truth tested once, as CPython.
log = []


class Truth:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        log.append("bool %s" % self.v)
        return self.v


class Cmp:
    def __init__(self, name, result):
        self.name = name
        self.result = result

    def __lt__(self, other):
        log.append("lt %s" % self.name)
        return Truth(self.result)


def val(x, tag):
    log.append("eval " + tag)
    return x


for a, b, c in [(1, 2, 3), (3, 2, 1), (1, 3, 2), (2, 2, 2), (1, 1, 2)]:
    r = []
    if a < b < c:
        r.append("lt")
    if not (a < b < c):
        r.append("not")
    if a <= b <= c:
        r.append("le")
    elif a >= b >= c:
        r.append("ge")
    else:
        r.append("neither")
    if a < b < c or a == b:
        r.append("or")
    if a < b <= c and c > 1:
        r.append("and")
    if a != b != c != a:
        r.append("distinct")
    if 0 < a < b < c < 10:
        r.append("four")
    r.append("T" if a < b < c else "F")
    r.append([x for x in range(5) if a <= x <= c])
    print(a, b, c, r)
for first, second in [(True, True), (True, False), (False, True), (False, False)]:
    log.clear()
    if Cmp("x", first) < Cmp("y", second) < Cmp("z", True):
        log.append("then")
    else:
        log.append("else")
    print(first, second, log)
    log.clear()
    if not (Cmp("x", first) < Cmp("y", second) < Cmp("z", True)):
        log.append("not-then")
    print(first, second, log)
log.clear()
if val(1, "a") < val(5, "b") < val(3, "c"):
    log.append("then")
print(log)
log.clear()
if val(9, "a") < val(5, "b") < val(3, "c"):
    log.append("then")
print(log)
n = 0
i = 0
while 0 <= i < 10:
    n += i
    i += 1
print(n)
x = "m"
print("a" <= x <= "z", 1 < 2 < 3, 3 > 2 > 2)
if "a" in "abc" in ["abc"]:
    print("in chain")
if None is not x is not None:
    print("is chain")
try:
    if 1 < "a" < 3:
        pass
except TypeError as e:
    print("TypeError", e)
