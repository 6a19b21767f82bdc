# needs: float
# comparisons, repr, nesting, cycles
print([1, 2] == [1, 2], [1, 2] != [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
print([] < [1], [1] <= [1], [1, 2] >= [1], [] == [], [1] == (1,), [1] != (1,))
print([1, [2, 3]] == [1, [2, 3]], [1.0] == [1], [1] == [1.5])
n = float("nan")
print([n] == [n], n in [n])
a = [1, 2]
a.append(a)
print(a)
b = {"k": a}
a.append(b)
print(a)
print(repr([]), str([1, "a", 2.5, None, True, (1,)]))
try:
    [1] < ["a"]
except TypeError as e:
    print("TypeError", e)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError")
try:
    hash([])
except TypeError as e:
    print("TypeError", e)
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Eq) and other.v == self.v
print([Eq(1)] == [Eq(1)], Eq(2) in [Eq(1), Eq(2)], [Eq(1), Eq(3)].index(Eq(3)))
print([1, 2, 3].count(True), [0, False, 0.0].count(0))
