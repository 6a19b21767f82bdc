# __getattr__, __getattribute__, __setattr__, __delattr__, getattr/setattr builtins
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self.target, name)

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self.target, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self.target, name)


class T:
    pass


t = T()
p = Proxy(t)
p.a = 1
print(t.a, p.a, p.log)
del p.a
print(hasattr(t, "a"), p.log)
try:
    p.nothing
except AttributeError as e:
    print(type(e).__name__, e)


class Dyn:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)


d = Dyn()
print(d.xyz, getattr(d, "xa", 1), getattr(d, "b", "dflt"), hasattr(d, "b"), hasattr(d, "x"))


class Spy:
    def __init__(self):
        self.real = 5

    def __getattribute__(self, name):
        if name == "fake":
            return "faked"
        return object.__getattribute__(self, name)


s = Spy()
print(s.real, s.fake)
try:
    s.nope
except AttributeError as e:
    print(type(e).__name__, e)

o = T()
setattr(o, "k", 3)
print(getattr(o, "k"), o.k)
delattr(o, "k")
print(getattr(o, "k", None))
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).x = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    [].append = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.x = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    delattr(o, "zz")
except AttributeError as e:
    print(type(e).__name__, e)

# class attributes set later are seen by instances
T.shared = "yes"
print(o.shared, T().shared)
T.method = lambda self: "late method"
print(o.method())
print(o.__class__ is T, type(o).__class__ is type, T.__class__.__name__)
print([n for n in dir(o) if not n.startswith("__")])
