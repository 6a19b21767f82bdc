# vfs.VfsFat on a full disk: ENOSPC, the space coming back after remove,
# a full root directory, a read-only mount and an unformatted device.
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


dev = RAM(24)
try:
    vfs.mount(dev, "/f")
except OSError as e:
    print("unformatted", e.errno)
vfs.VfsFat.mkfs(dev)
vfs.mount(dev, "/f")
free = os.statvfs("/f")[3]
print("free clusters", free)
f = open("/f/big", "wb")
n = 0
try:
    while True:
        f.write(b"z" * 100)
        n += 100
except OSError as e:
    print("full", e.errno, n, os.statvfs("/f")[3])
f.close()
print(os.stat("/f/big")[6] >= n, os.stat("/f/big")[6] <= free * 512)
os.remove("/f/big")
print(os.statvfs("/f")[3] == free)
names = 0
try:
    while True:
        open("/f/f%d" % names, "w").close()
        names += 1
except OSError as e:
    print("root full", e.errno, names, len(os.listdir("/f")))
vfs.umount("/f")
vfs.mount(dev, "/ro", readonly=True)
print(len(os.listdir("/ro")), os.statvfs("/ro")[8])
for f, a in ((open, ("/ro/new", "w")), (os.mkdir, ("/ro/d",)), (os.remove, ("/ro/f0",))):
    try:
        f(*a)
    except OSError as e:
        print("read-only", e.errno)
vfs.umount("/ro")
