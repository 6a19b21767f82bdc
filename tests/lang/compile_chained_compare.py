# needs: float
log = []
def v(x):
    log.append(x)
    return x

print(v(1) < v(2) < v(3), log)
log.clear()
print(v(1) < v(0) < v(3), log)
log.clear()
print(v(3) > v(2) >= v(2) == v(2) != v(5), log)
log.clear()
print(1 < 2 < 3, 3 < 2 < 1, 1 == 1.0 < 2)
print(v(1) in [1, 2] not in [[1]], log)
a = None
print(a is None, a is not None, 1 if a is None else 2)
x = 5
print(0 < x < 10, 0 < x < 3, x < 10 > 2)
if 0 < x <= 5:
    print("in range")
if not (1 < x < 4):
    print("not in range")
print([i for i in range(10) if 2 < i < 6])
print("a" < "b" < "c", (1, 2) < (1, 3) <= (1, 3))
