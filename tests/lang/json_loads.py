# needs: bigint
# json.loads: every value type, whitespace, escapes, surrogate pairs, bytes
import json

for text in [
    "null", "true", "false", "0", "-0", "123", "-45", "1.5", "-2.25e3", "1E2", "1e-2", "6.02e+23",
    "12345678901234567890123", "-98765432109876543210", "1e400", "-1e400", "NaN", "Infinity", "-Infinity",
    '""', '"abc"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u0041\\u00e9\\u20AC"', '"\\ud83d\\ude00"', '"x\\uD834\\uDD1Ey"',
    '"caf\u00e9 \u20ac \U0001F600"',
    "[]", "[1]", "[1, 2, [3, [4, []]]]", "{}", '{"a": 1}', '{"a": {"b": {"c": [true, false, null]}}}',
    ' \t\n\r [ 1 , 2 ] \n ', '{ "k" : "v" , "n" : [ ] }', '{"dup": 1, "dup": 2}', '{"b": 1, "a": 2, "c": 3}',
]:
    v = json.loads(text)
    print(repr(text), repr(v), type(v).__name__)

# -0.0 and exact float round trip
print(repr(json.loads("-0.0")), repr(json.loads("0.1")), repr(json.loads("2.2250738585072014e-308")))
print(repr(json.loads("5e-324")), repr(json.loads("1.7976931348623157e308")))

# bytes and bytearray are UTF-8 (a BOM is skipped)
print(json.loads(b'{"x": [1, "\xc3\xa9"]}'))
print(json.loads(bytearray(b"[1, 2]")))
print(json.loads(b'\xef\xbb\xbf"bom"'))

# hooks
print(json.loads('{"a": 1, "b": 2}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=lambda p: p))
print(json.loads('[1.5, 2, "3"]', parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: s.lower()))
print(json.loads('"tab\there"', strict=False))

# the result is fresh objects of the basic types
v = json.loads('{"list": [], "dict": {}}')
v["list"].append(1)
v["dict"]["k"] = 2
print(v)
