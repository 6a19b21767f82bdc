# vfs.VfsFat on a device with only the extended block interface (offset
# argument required, erase before write) and 1024-byte blocks; a VfsFat
# used without mounting it; a failing device's error reaching the program.
import vfs


class ExtDev:
    def __init__(self, n):
        self.data = bytearray(n * 1024)
        self.erased = set()
        self.fail = False

    def readblocks(self, n, buf, offset):
        if self.fail:
            raise OSError(5)
        a = n * 1024 + offset
        buf[:] = self.data[a:a + len(buf)]

    def writeblocks(self, n, buf, offset):
        if n not in self.erased or offset != 0:
            raise ValueError("write to block %d without an erase" % n)
        self.erased.discard(n)
        self.data[n * 1024:n * 1024 + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // 1024
        if op == 5:
            return 1024
        if op == 6:
            self.erased.add(arg)
            return 0


dev = ExtDev(30)
vfs.VfsFat.mkfs(dev)
fs = vfs.VfsFat(dev)
print(list(fs.ilistdir("/")))
fs.mkdir("/sub")
with fs.open("/sub/data.txt", "w") as f:
    f.write("1024-byte blocks\n" * 100)
print(list(fs.ilistdir("/sub")), fs.stat("/sub/data.txt")[6])
print(fs.statvfs("/")[:4])
fs.chdir("/sub")
print(fs.getcwd(), fs.open("data.txt", "r").read(16))
dev.fail = True
fs2 = vfs.VfsFat(dev)
try:
    fs2.stat("/sub")
except OSError as e:
    print("device error", e.errno)
dev.fail = False
vfs.mount(fs2, "/x")
print(open("/x/sub/data.txt").read() == "1024-byte blocks\n" * 100)
vfs.umount("/x")
for bad in (None, 123, "dev"):
    try:
        vfs.VfsFat.mkfs(bad)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__)
