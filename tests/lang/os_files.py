# os file functions on a real temporary directory, compared with CPython:
# mkdir, rmdir, remove, rename, listdir, chdir/getcwd, stat (by index, as
# both tuples have the same ten fields), and OSError with errno and path.
import os

base = "/tmp/px-os-files-" + "".join("%02x" % b for b in os.urandom(6))
start = os.getcwd()


def show(f, *args):
    try:
        r = f(*args)
        print("ok", r if r is None or not isinstance(r, list) else sorted(r))
    except OSError as e:
        print(type(e).__name__, e.errno, str(e).replace(base, "BASE"))


print(os.sep, type(os.getcwd()).__name__)
os.mkdir(base)
os.chdir(base)
print(os.getcwd() == base)
os.mkdir("d")
with open("f.txt", "w") as f:
    f.write("twelve bytes")
with open(b"g.bin", "wb") as f:
    f.write(bytes(range(7)))
print(sorted(os.listdir()), sorted(os.listdir(".")), sorted(os.listdir(base)))
print(sorted(os.listdir(b".")), os.listdir("d"))

st = os.stat("f.txt")
print(len(tuple(st)), st[0] & 0o170000 == 0o100000, st[6], st[3], type(st[1]).__name__)
sd = os.stat("d")
print(sd[0] & 0o170000 == 0o040000, sd[6] > 0)
print(os.stat(base + "/g.bin")[6], os.stat(b"g.bin")[6])
print(os.stat("f.txt")[8] >= os.stat("f.txt")[8] - 1)

os.rename("f.txt", "d/moved.txt")
print(sorted(os.listdir()), os.listdir("d"))
os.rename("d/moved.txt", "f.txt")

# errors name the path
show(os.mkdir, "d")
show(os.rmdir, "missing")
show(os.rmdir, "f.txt")
show(os.remove, "missing")
show(os.remove, "d")
show(os.rename, "missing", "x")
show(os.listdir, "missing")
show(os.listdir, "f.txt")
show(os.chdir, "missing")
show(os.chdir, "f.txt")
show(os.stat, "missing")
show(os.stat, "")
show(os.mkdir, "missing/sub")
os.mkdir("d/inner")
show(os.rmdir, "d")
show(lambda: open("d"))
show(lambda: open("missing/x", "w"))
try:
    os.stat("a\0b")
except ValueError as e:
    print("ValueError", e)
try:
    os.mkdir(None)
except TypeError as e:
    print("TypeError")


class P:
    def __fspath__(self):
        return "f.txt"


print(os.stat(P())[6])

# relative paths follow chdir
os.chdir("d")
print(os.listdir(), os.getcwd() == base + "/d")
os.chdir("..")
print(os.getcwd() == base)

os.rmdir("d/inner")
os.rmdir("d")
os.remove("f.txt")
os.remove("g.bin")
print(os.listdir())
os.chdir(start)
os.rmdir(base)
print(os.getcwd() == start)
show(os.stat, base)
