# format_map with plain dicts, dict subclasses (__missing__) and other mappings
print("{a}-{b}".format_map({"a": 1, "b": 2}), "{0}".format_map({0: "zero"}))
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{x} {y}".format_map(D(x=1)))
class M:
    def __getitem__(self, k):
        return k.upper()
print("{abc} {d}".format_map(M()))
try:
    "{q}".format_map({})
except KeyError as e:
    print("KeyError", e)
