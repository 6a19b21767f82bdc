# Iterators wrapping iterators two million deep, and Python __next__ methods
# calling each other, end in RecursionError instead of exhausting the C
# stack (CPython 3.11 crashes on the first).
x = [1]
for i in range(2000000):
    x = map(abs, x)
try:
    print(list(x))
except RecursionError as e:
    print("RecursionError", e)


class Ping:
    def __iter__(self):
        return self

    def __next__(self):
        return next(self.other)


a, b = Ping(), Ping()
a.other, b.other = b, a
try:
    next(a)
except RecursionError as e:
    print("RecursionError", e)

shallow = [1, 2]
for i in range(100):
    shallow = map(abs, shallow)
print(list(enumerate(zip(shallow, filter(None, shallow)))))
