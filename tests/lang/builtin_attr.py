# needs: float
# getattr/setattr/hasattr/delattr/dir/vars/callable/isinstance/issubclass
class A:
    cls_attr = 1

    def __init__(self):
        self.inst = 2

    def meth(self):
        return 3


a = A()
print(getattr(a, "inst"), getattr(a, "cls_attr"), getattr(a, "meth")(), getattr(a, "zz", "d"))
print(hasattr(a, "meth"), hasattr(a, "zz"), hasattr(A, "meth"), hasattr(A, "inst"))
setattr(a, "new", 5)
print(a.new, vars(a) == {"inst": 2, "new": 5})
delattr(a, "new")
print(hasattr(a, "new"))
print("meth" in dir(a), "inst" in dir(a), "cls_attr" in dir(A), "inst" in dir(A))
print(callable(a.meth), callable(A), callable(a), callable(len), callable(None))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (int,))))
print(isinstance("s", str), isinstance([], list), isinstance(a, A), isinstance(A, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(A, object), issubclass(A, (int, A)))
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(a, "zz")
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(int, "from_bytes")(b"\x01\x00", "little"))
print(getattr([1, 2], "count")(1))
print(sorted(vars(A).keys() & {"cls_attr", "meth"}))
print(len("abc"), len([1, 2]), len({}), len(range(5)))
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(x=1)
except TypeError as e:
    print(type(e).__name__, e)
print(abs(-3), abs(2.5), abs(-0))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
print(id(a) == id(a), id(a) != id(A()))
print(repr("x"), repr(1), repr([1, "a"]))
