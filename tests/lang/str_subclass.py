# str/bytes subclasses and explicit dunder calls
class Up(str):
    def __getitem__(self, i):
        return super().__getitem__(i).upper()
    def shout(self):
        return self.upper() + "!"
u = Up("hello")
print(u[1], u[1:3], u.shout(), len(u), u + "x", u == "hello", u.find("l"))
print(repr(u), str(u), "%s" % u, "{}".format(u), f"{u:>7}", u.split("l"))
class Tag(str):
    def __repr__(self):
        return "Tag(" + super().__repr__() + ")"
print(repr(Tag("a")), [Tag("b")], str(Tag("c")))
print("abc".__len__(), "a".__add__("b"), "abc".__getitem__(1), "a".__lt__("b"), "x".__repr__(), "x".__str__())
print("ab".__contains__("a"), "ab".__mul__(2), "ab".__rmul__(2), "%d".__mod__(5), "a".__eq__("a"), "a".__ne__("a"))
print("a".__eq__(1), b"a".__eq__(1))
print(b"ab".__len__(), b"ab".__getitem__(0), bytearray(b"x").__getitem__(0), b"a".__add__(b"b"))
ba = bytearray(b"abc")
ba.__setitem__(0, 65)
ba.__delitem__(1)
print(ba, ba.__iadd__(b"!"), ba)
class B(bytes):
    pass
b = B(b"xyz")
print(b, len(b), b[0], b + b"!", b.upper(), b == b"xyz", isinstance(b, bytes))
