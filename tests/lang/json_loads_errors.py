# needs: unicode
# json.loads: malformed documents raise ValueError with CPython's message and position
import json

bad = [
    "", " ", "   \n  ", "[1,]", '{"a":1,}', '{"a" 1}', "{1:2}", "[1 2]", '"abc', '"a\x01"', '"\\x"', '"\\u12"',
    '"\\u12zz"', "01", "1.", "-", "1e", "tru", "nul", "[", "{", "[1", '{"a":1', "nan", "inf", "1 2", "\n\n  x",
    '"\u00e9\x01"', '{"a"', '{"a":', "[1,", "\ufeff1", "-01", "1.5e+", '"\\', "[1]]", '{"a": [}', "+1", ".5",
    "[-]", '{"a":1 "b":2}', "'single'", '"line\nbreak"', '["\u00e9\u00e9", x]', "\u00e9", "[\n1,\n2,\n]",
    "[true false]", "True", "None", "[1,,2]", "0x10", '"\\ud83d\\uzzzz"', '{"a":1}}',
]
for text in bad:
    try:
        v = json.loads(text)
        print(repr(text), "parsed as", repr(v))
    except ValueError as e:
        print(repr(text), "->", e)

for obj in [1, None, [1], {"a": 1}, 2.5]:
    try:
        json.loads(obj)
    except TypeError as e:
        print("TypeError", e)

try:
    json.loads(b"\xff[]")
except ValueError as e:
    print(type(e).__name__, isinstance(e, ValueError))
