# open() errors as CPython words them.
import sys

path = "/tmp/rt2_file_errors_" + "".join(c if c.isalnum() else "_" for c in sys.executable)


def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


open(path, "w").close()
for m in ["rr", "rw", "z", "", "bt", "r++", "U", "wx", 5]:
    t(lambda: open(path, m))
t(lambda: open(path, "rb", encoding="utf-8"))
t(lambda: open(path, "rb", errors="strict"))
t(lambda: open(path, "rb", newline="\n"))
t(lambda: open(path, "r", newline="x"))
t(lambda: open(path, "r", buffering=0))
t(lambda: open(path, "r", encoding="nonesuch"))
t(lambda: open([1]))
t(lambda: open("/"))
t(lambda: open("/nonexistent/x"))
t(lambda: open("/nonexistent/x", "w"))
t(lambda: open(path + "\0"))
t(lambda: open())
e = None
try:
    open("/nonexistent")
except OSError as ex:
    e = ex
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)
print(isinstance(e, FileNotFoundError), isinstance(e, OSError))

f = open(path)
t(lambda: f.write("x"))
t(lambda: f.seek(1, 1))
t(lambda: f.seek(1, 2))
t(lambda: f.seek(0, 3))
print(f.mode, f.encoding, f.closed, repr(f.errors), f.readable(), f.writable())
f.close()
f.close()
print(f.closed)
for op in [f.read, f.readline, f.tell, f.fileno, f.flush, f.readlines, f.__enter__, lambda: iter(f)]:
    t(op)
g = open(path, "wb")
t(lambda: g.read())
t(lambda: g.write(5))
h = open(path, "w")
t(lambda: h.write(b"x"))
t(lambda: h.read())
t(lambda: h.readline())
for x in (g, h):
    x.close()
try:
    open(path).write("no")
except ValueError as e:
    print("ValueError too:", type(e).__name__)
except OSError as e:
    print("OSError too:", type(e).__name__)
