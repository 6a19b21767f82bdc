# open() in text mode: write/read round trips, readline, iteration,
# seek/tell, newline translation, append and exclusive modes, `with`.
import sys

path = "/tmp/rt2_file_text_" + "".join(c if c.isalnum() else "_" for c in sys.executable)

with open(path, "w") as f:
    print(f.write("héllo\nwörld\n"), f.mode, f.closed, f.name == path)
    f.writelines(["a\n", "b\n"])
    print("x", 1, sep="-", end="!\n", file=f)
print(f.closed)

with open(path) as f:
    print(repr(f.read()))
with open(path, "r") as f:
    print(repr(f.read(3)), repr(f.read(4)), f.tell())
    print(repr(f.readline()), repr(f.readline(2)), repr(f.readline()))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
    f.seek(0)
    print([line for line in f])
    print(f.seek(0, 2) == f.tell(), f.readable(), f.writable(), f.seekable())

with open(path, "a") as f:
    f.write("tail")
    print(f.tell() > 0)
with open(path, encoding="utf-8") as f:
    print(f.read().splitlines()[-1])

with open(path, "w+") as f:
    f.write("one\ntwo\n")
    f.seek(0)
    print(repr(f.readline()))
    f.seek(0, 1)
    f.write("TWO\n")
    f.seek(0)
    print(repr(f.read()))

# newline translation on reading and writing
with open(path, "wb") as f:
    f.write(b"a\r\nb\rc\nd\r")
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(path, newline=nl) as f:
        print(repr(nl), repr(f.read()), end=" ")
    with open(path, newline=nl) as f:
        print(f.readlines())
for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(path, "w", newline=nl) as f:
        f.write("x\ny\n")
    with open(path, "rb") as f:
        print(repr(nl), f.read())

# line buffering and big writes
with open(path, "w", buffering=1) as f:
    print(f.line_buffering)
    f.write("z" * 100000)
with open(path) as f:
    print(len(f.read()))

# bad UTF-8 in a text file
with open(path, "wb") as f:
    f.write(b"ok\xff\n")
try:
    with open(path) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
with open(path, errors="replace") as f:
    print(repr(f.read()))
with open(path, errors="ignore") as f:
    print(repr(f.read()))

# exclusive creation
try:
    open(path, "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename == path)
