# vfs.VfsFat on a RAM block device (the simple block interface, block
# size by default): files in text and binary, and a remount reading back.
import os, vfs


class RAM:
    def __init__(self, n):
        self.data = bytearray(n * 512)

    def readblocks(self, n, buf):
        buf[:] = self.data[n * 512:n * 512 + len(buf)]

    def writeblocks(self, n, buf):
        self.data[n * 512:n * 512 + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // 512


dev = RAM(40)
vfs.VfsFat.mkfs(dev)
vfs.mount(dev, "/fat")
print(os.listdir("/fat"), os.stat("/fat")[0])
with open("/fat/t.txt", "w") as f:
    print(f.write("héllo\nwörld\n"), f.write("3rd"))
with open("/fat/t.txt") as f:
    print(f.read(2), repr(f.readline()), f.tell())
    print([line for line in f])
with open("/fat/t.txt", "a") as f:
    f.write("+")
print(repr(open("/fat/t.txt").read()))
data = bytes(range(256)) * 5
with open("/fat/b.bin", "wb") as f:
    f.write(data)
    f.seek(1000)
    f.write(b"XY")
with open("/fat/b.bin", "rb") as f:
    got = f.read()
    print(len(got), got[998:1004], got[:1000] == data[:1000])
    f.seek(-3, 2)
    buf = bytearray(5)
    print(f.readinto(buf), buf, f.read())
with open("/fat/b.bin", "r+b") as f:
    f.seek(2000)
    f.write(b"end")
print(os.stat("/fat/b.bin")[6], os.stat("/fat/t.txt")[6])
print(sorted(os.ilistdir("/fat")))
st = os.statvfs("/fat")
print(st[0], st[2], st[2] - st[3], st[9])
vfs.umount("/fat")
try:
    open("/fat/t.txt")
except OSError as e:
    print("umounted", e.errno)
vfs.mount(dev, "/again")
print(open("/again/t.txt").read(), open("/again/b.bin", "rb").read()[-5:])
print(os.listdir("/again"))
# rewriting a file ("w") after others were removed: its entry follows
for n in "cde":
    open("/again/%s.py" % n, "w").write(n * 600)
os.remove("/again/c.py")
with open("/again/e.py", "w") as f:
    f.write("new")
print(open("/again/e.py").read(), open("/again/d.py").read() == "d" * 600, os.statvfs("/again")[3])
vfs.umount("/again")
