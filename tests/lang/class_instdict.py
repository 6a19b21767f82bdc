# obj.__dict__ and vars(obj) are live views of the instance's attributes
class Bag:
    def __init__(self, **kw):
        self.__dict__.update(kw)


b = Bag(x=1, y=2)
print(b.x, b.y, sorted(b.__dict__.items()), len(vars(b)))
b.__dict__["z"] = 3
print(b.z, "z" in b.__dict__, "q" in vars(b))
del b.__dict__["x"]
print(hasattr(b, "x"), sorted(vars(b)))
print(b.__dict__.get("y"), b.__dict__.get("nope", "dflt"), b.__dict__.pop("y"), hasattr(b, "y"))
print(b.__dict__.setdefault("w", 9), b.w, b.__dict__ == {"z": 3, "w": 9})
print(sorted(b.__dict__.keys()), sorted(b.__dict__.values()), b.__dict__)
b.__dict__.clear()
print(vars(b), bool(vars(b)))
try:
    b.__dict__["missing"]
except KeyError as e:
    print(type(e).__name__, e)
for k in Bag(a=1).__dict__:
    print("key", k)
print(dict(Bag(p=1).__dict__), list(Bag(q=2).__dict__))
