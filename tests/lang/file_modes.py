# Every open() mode on a real file, with buffering: what each creates,
# truncates, appends and allows, where it starts, and when written bytes
# reach the file (seen by os.stat from outside the file object).
import os

base = "/tmp/px-file-modes-" + "".join("%02x" % b for b in os.urandom(6))
os.mkdir(base)
path = base + "/f"


def reset(data=b"0123456789"):
    with open(path, "wb") as f:
        f.write(data)


def size():
    return os.stat(path)[6]


def attempt(f, *args):
    try:
        return f(*args)
    except OSError as e:
        return type(e).__name__ + " " + str(e.errno)
    except ValueError as e:
        return "ValueError " + str(e)


for mode in ("r", "rb", "r+", "rb+", "w", "wb", "w+", "wb+", "a", "ab", "a+", "ab+", "x", "xb", "x+", "xb+"):
    reset()
    if mode.startswith("x"):
        print(mode, attempt(open, path, mode))
        os.remove(path)
    with open(path, mode) as f:
        text = "b" not in mode
        start = f.tell()
        got = attempt(f.read) if f.readable() else "unreadable"
        wrote = attempt(f.write, "AB" if text else b"AB") if f.writable() else "unwritable"
        f.flush()
        print(mode, f.readable(), f.writable(), start, got, wrote, f.tell(), size())
    with open(path, "rb") as f:
        print("  ", f.read())

# buffering: N is the buffer size; a write that does not fit goes out
with open(path, "wb", buffering=16) as f:
    f.write(b"12345")
    s1 = size()
    f.write(b"x" * 20)
    s2 = size()
    f.write(b"67")
    s3 = size()
    f.flush()
    print("buffering=16", s1, s2 >= 5, s3 < 27, size())
with open(path, "wb", buffering=0) as f:
    f.write(b"abc")
    print("buffering=0", size())
with open(path, "w", buffering=1) as f:
    f.write("no newline")
    s1 = size()
    f.write(" and a newline\nmore")
    print("buffering=1", s1, size(), f.line_buffering)
print(size())
with open(path, "w") as f:
    f.write("default")
    print("default", size(), f.line_buffering)
print(size())

# reading: read(n), readline(n), readlines, iteration, seek/tell on text
reset(b"line one\nline two\r\nline three\rlast")
with open(path) as f:
    print(repr(f.read(4)), repr(f.readline()), repr(f.readline(4)), f.tell())
    print(f.readlines())
    print(f.seek(0), [line for line in f])
with open(path, "rb") as f:
    print(f.readline(), f.readlines(), f.seek(-4, 2), f.read())
with open(path, newline="") as f:
    print(list(f))
for bad in ("rw", "", "bt", "r++"):
    print(repr(bad), attempt(open, path, bad))
print(attempt(open, path, "w", 0))

os.remove(path)
os.rmdir(base)
