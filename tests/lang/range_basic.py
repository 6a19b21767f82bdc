# needs: bigint
# range objects
print(range(5), range(1, 5), range(0, 10, 2), range(5, 0, -1), range(-3))
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(10, 0, -3)), list(range(5, 5)), list(range(5, 0)))
r = range(3, 20, 4)
print(len(r), r[0], r[-1], r[2], r.start, r.stop, r.step, list(r))
print(r[1:3], r[::-1], r[::2], r[10:], list(r[::-1]), range(10)[-3:], range(10)[::-2])
print(7 in r, 8 in r, 19 in r, 23 in r, 3 in r, -1 in r, 7.0 in r, "x" in r, True in range(2))
print(r.index(11), r.count(11), r.count(12), range(5).count(True))
print(range(0) == range(0), range(0) == range(5, 2), range(1, 5, 2) == range(1, 4, 2), range(3) == range(3), range(3) != range(4))
print(range(1, 2, 5) == range(1, 2, 9), bool(range(0)), bool(range(1)), len(range(-5, 5, 3)), len(range(5, -5, -3)))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(range(10, 0, -4))))
print(hash(range(3)) == hash(range(0, 3)), {range(2): 1}[range(0, 2)])
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True))
big = range(10**9)
print(len(big), big[-1], 10**9 - 1 in big, 10**9 in big, 10**20 in big, big[123456789])
for bad in [lambda: range(0, 5, 0), lambda: range(1.5), lambda: r[10], lambda: r.index(12),
            lambda: r["a"]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    r[0] = 1
except TypeError as e:
    print("TypeError", e)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))
for i in range(3, -3, -2):
    print(i, end=" ")
print()
print(range(-10, 10, 7)[1], range(-10, 10, 7)[-1], list(range(-10, 10, 7)[::-1]))
print(range(10)[2:8:3], range(10)[8:2:-3], range(10)[100:200], range(0, 10, 3)[-2:])
