# needs: no-float
# Without floats, the float items of struct, array and memoryview are
# refused; json reads a fraction only through parse_float.
import array
import json
import struct

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, "|", e)

show(lambda: struct.pack("f", 1))
show(lambda: struct.pack("<d", 1))
show(lambda: struct.calcsize(">e"))
show(lambda: struct.unpack("<hf", bytes(6)))
print(struct.pack("<hI", 1, 2), struct.unpack("<hI", b"\x01\x00\x02\x00\x00\x00"), struct.calcsize("<hiq"))
show(lambda: array.array("f"))
show(lambda: array.array("d", [1]))
print(array.array("i", [1, 2, 3]), array.array("B", b"ab"))
show(lambda: memoryview(bytes(8)).cast("d"))
print(memoryview(bytes(8)).cast("i").tolist())
show(lambda: json.loads("1.5"))
show(lambda: json.loads("[1, 2e3]"))
show(lambda: json.loads("NaN"))
print(json.loads("1.5", parse_float=str), json.loads("[NaN]", parse_constant=len), json.loads('{"a": [1, -2]}'))
print(json.dumps({"a": [1, True, None]}))
