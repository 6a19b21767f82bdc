# needs: float
# eval/exec/compile take any bytes-like source; int() takes bytes-like text
print(eval(b"1 + 2"), eval(bytearray(b" 3 * 4")), eval(memoryview(b"5 - 1")))
exec(bytearray(b"x = 7\nprint('exec', x)"))
exec(compile(memoryview(b"print('compiled')"), "<m>", "exec"))
import array
exec(array.array("b", b"print('from array')"))
print(int(b"12"), int(bytearray(b" 7 ")), int(b"ff", 16), float(b"2.5"), float(bytearray(b"1e3")))
for bad in (5, None, [1]):
    try:
        exec(bad)
    except TypeError as e:
        print("TypeError", e)
