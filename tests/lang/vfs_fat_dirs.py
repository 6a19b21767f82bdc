# vfs.VfsFat: directories, long and short names, rename, the current
# directory (ASCII letters match in either case), and the errors as
# OSError with their errno.
import os, vfs


class RAM:
    def __init__(self, n):
        self.data = bytearray(n * 512)

    def readblocks(self, n, buf):
        buf[:] = self.data[n * 512:n * 512 + len(buf)]

    def writeblocks(self, n, buf):
        self.data[n * 512:n * 512 + len(buf)] = buf

    def ioctl(self, op, arg):
        return len(self.data) // 512 if op == 4 else 512 if op == 5 else 0


def err(f, *a):
    try:
        f(*a)
        print("no error")
    except OSError as e:
        print(f.__name__, e.errno)


dev = RAM(48)
vfs.VfsFat.mkfs(dev)
vfs.mount(dev, "/d")
os.chdir("/d")
os.mkdir("lib")
os.mkdir("A Long Directory Name")
os.mkdir("lib/pkg")
open("lib/pkg/Mixed Case Ünicode.py", "w").write("x = 1\n")
open("UPPER.TXT", "w").close()
open("lower.txt", "w").close()
print(sorted(os.listdir()), os.listdir("lib/pkg"))
print(os.stat("a long directory name")[0], os.stat("LIB/PKG/mixed case Ünicode.py")[6])
os.chdir("lib/pkg")
print(os.getcwd(), os.listdir(".."), os.listdir("/d/lib"))
os.chdir("../..")
print(os.getcwd())
os.rename("lib/pkg/Mixed Case Ünicode.py", "A Long Directory Name/moved.py")
os.rename("lib/pkg", "A Long Directory Name/pkg")
os.rename("lower.txt", "Lower.txt")
print(sorted(os.listdir()), sorted(os.listdir("A Long Directory Name")))
os.chdir("A Long Directory Name/pkg")
print(os.getcwd(), os.listdir(".."))
os.chdir("/d")
err(os.mkdir, "lib")
err(os.rmdir, "A Long Directory Name")
err(os.rmdir, "nothing")
err(os.remove, "lib")
err(os.listdir, "UPPER.TXT")
err(open, "nothing/x.txt", "w")
err(open, "lib", "w")
err(os.rename, "nothing", "x")
err(os.rename, "A Long Directory Name", "A Long Directory Name/pkg/in")
err(open, "bad:name", "w")
err(open, "x" * 256, "w")
err(open, "UPPER.TXT", "x")
os.remove("A Long Directory Name/moved.py")
os.rmdir("A Long Directory Name/pkg")
os.rmdir("A Long Directory Name")
os.rmdir("lib")
print(sorted(os.listdir()))
os.chdir("/")
vfs.umount("/d")
