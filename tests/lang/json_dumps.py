# needs: bigint
# json.dumps: every value type, separators, indent, sort_keys, ensure_ascii
import json

print(json.dumps(None), json.dumps(True), json.dumps(False))
print(json.dumps(0), json.dumps(-17), json.dumps(2 ** 100), json.dumps(-(2 ** 70)))
print(json.dumps(1.5), json.dumps(-0.0), json.dumps(1e22), json.dumps(1e-7), json.dumps(0.1 + 0.2))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps(""), json.dumps("abc"), json.dumps('q"b\\s/'))
print(json.dumps("\n\r\t\b\f\x00\x1f\x7f"))
print(json.dumps("caf\u00e9 \u20ac \U0001F600"))
print(json.dumps("caf\u00e9 \u20ac \U0001F600 \x7f \x01", ensure_ascii=False))
print(json.dumps([]), json.dumps({}), json.dumps(()), json.dumps([[]]), json.dumps([{}]))
print(json.dumps([1, "two", 3.0, None, [True, False]]))
print(json.dumps((1, (2, 3))))
print(json.dumps({"a": 1, "b": [1, 2], "c": {"d": None}}))

# keys: str, int, float, bool, None become strings
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n", "s": "str"}))
print(json.dumps({2 ** 80: 1, -3: 2, float("inf"): 3}))

# separators (positional as in MicroPython, or keyword)
print(json.dumps([1, {"a": 2}], separators=(",", ":")))
print(json.dumps([1, {"a": 2}], separators=("; ", " = ")))
print(json.dumps({"x": [1, 2]}, separators=[",", ":"]))

# indent: a number of spaces, a string, 0 (newlines only)
doc = {"name": "px", "list": [1, [2, 3], {}, []], "nested": {"k": {"j": None}}}
print(json.dumps(doc, indent=2))
print(json.dumps(doc, indent="\t"))
print(json.dumps([1, [2]], indent=0))
print(json.dumps([1, 2], indent=-1))
print(json.dumps(doc, indent=3, separators=(",", ": ")))
print(json.dumps(doc, indent=1, separators=(" ,", " : ")))

# sort_keys
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({3: "c", 1: "a", 2: "b"}, sort_keys=True))
try:
    json.dumps({1: 1, "a": 2}, sort_keys=True)
except TypeError as e:
    print("TypeError", e)


# subclasses of the basic types
class MyInt(int):
    pass


class MyFloat(float):
    pass


class MyStr(str):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), MyList([1, 2]), MyDict(a=1)]))
print(json.dumps({MyInt(7): MyStr("v")}))
