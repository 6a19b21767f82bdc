# struct.error derives from ValueError, on purpose: MicroPython's struct
# raises ValueError and CPython's struct.error, and programs written for
# either catch the errors here. (CPython's derives from Exception only.)
import struct

print(issubclass(struct.error, ValueError), isinstance(struct.error("x"), ValueError))
for fmt, args in [("<h", (99999,)), ("y", ()), ("i", ()), ("i", ("x",))]:
    try:
        struct.pack(fmt, *args)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    struct.unpack("i", b"abc")
except ValueError as e:
    print(type(e).__name__, e)
