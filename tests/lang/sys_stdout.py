# console streams: write returns the number of characters
import sys

n = sys.stdout.write("abc\n")
print(n)
n = sys.stdout.write("h\u00e9llo \u20ac\n")
print(n)
print(sys.stdout.write(""))
sys.stdout.flush()
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
sys.stderr.write("stderr write\n")
print(hasattr(sys.stdin, "readline"), hasattr(sys.stdin, "read"))
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print("TypeError")
sys.stdout.flush()
n = sys.stdout.buffer.write(b"raw bytes\n")
sys.stdout.buffer.flush()
print(n)
print(sys.stdin.read())
print(repr(sys.stdin.readline()))
