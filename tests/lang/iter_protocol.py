# user iterables with the containers
class Count:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return CountIter(self.n)
class CountIter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
c = Count(4)
print(list(c), tuple(c), sorted(c, reverse=True), set(c) == {1, 2, 3, 4}, dict(zip(c, c)))
print(sum(c), min(c), max(c), list(enumerate(c)), list(map(lambda x: x * x, c)))
l = [0]
l.extend(c)
l += Count(2)
print(l, 3 in c, 9 in c)
print(list(zip(Count(3), "abcdef")))
class Sq:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError(i)
        return i * i
print(list(Sq()), 16 in Sq(), 5 in Sq())
a, b, c2, d, e = Sq()
print(a, b, c2, d, e)
def gen():
    yield 1
    yield 2
print(list(gen()), tuple(gen()), dict.fromkeys(gen(), 0), sorted(gen(), reverse=True))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
it = iter((1,))
print(iter(it) is it, next(it), next(it, "done"))
r = reversed([1, 2, 3])
print(next(r), list(r))
