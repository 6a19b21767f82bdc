# Subclasses of array.array, io.StringIO/BytesIO and the iterator types (map, zip, enumerate, filter, reversed)
import array, io
class A(array.array):
    def total(self): return sum(self)
a = A('i', [1, 2, 3])
a.append(4)
print(a.total(), len(a), a[1], isinstance(a, array.array), list(a))
class S(io.StringIO):
    def writeln(self, s): self.write(s + "\n")
s = S()
s.writeln("hi"); s.writeln("there")
print(repr(s.getvalue()))
class B(io.BytesIO):
    pass
b = B(b"abc")
print(b.read(2), b.getvalue())
class MyMap(map):
    pass
print(list(MyMap(abs, [-1, -2])))
class MyEnum(enumerate):
    def __next__(self):
        i, v = super().__next__()
        return i * 10, v
print(list(MyEnum("ab")))
class MyZip(zip): pass
print(list(MyZip([1], [2])))
class R(reversed): pass
print(list(R([1, 2, 3])))
class F(filter): pass
print(list(F(None, [0, 1, 2])))
for line in S("a\nb\n"):
    print(repr(line))
class Evens(filter):
    def __init__(self, it):
        super().__init__(None, it)
print(list(Evens([0, 1, 0, 2])))
