# vfs.VfsFat on corrupted images: whatever the bytes, mounting, listing,
# reading and writing give results or OSError, never another exception or
# a crash (a fuzz test with a fixed seed).
import vfs


class RAM:
    def __init__(self, data):
        self.data = data

    def readblocks(self, n, buf):
        buf[:] = self.data[n * 512:n * 512 + len(buf)]

    def writeblocks(self, n, buf):
        self.data[n * 512:n * 512 + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // 512


good = RAM(bytearray(24 * 512))
vfs.VfsFat.mkfs(good)
fs = vfs.VfsFat(good)
fs.mkdir("/d")
for i in range(6):
    with fs.open("/d/file number %d.txt" % i if i % 2 else "/f%d" % i, "wb") as f:
        f.write(bytes([i]) * (300 * i))
image = bytes(good.data)
seed = 12345


def rand(n):
    # a small generator, so that no build needs big ints for it
    global seed
    seed = (seed * 75 + 74) % 65537
    return seed % n


def walk(fs, path, depth):
    for name, kind, _, size in fs.ilistdir(path):
        p = path.rstrip("/") + "/" + name
        fs.stat(p)
        if kind == 0x4000 and depth < 3:
            walk(fs, p, depth + 1)
        elif kind == 0x8000:
            with fs.open(p, "rb") as f:
                f.read()


outcomes = {}
for round in range(120):
    data = bytearray(image)
    for k in range(1 + rand(30)):
        # mostly the boot sector, the FATs and the root directory
        at = rand(len(data)) if rand(4) == 0 else rand(11 * 512)
        data[at] = rand(256)
    try:
        fs = vfs.VfsFat(RAM(data))
        walk(fs, "/", 0)
        with fs.open("/new file.txt", "w") as f:
            f.write("after the damage\n" * 40)
        fs.mkdir("/new dir")
        fs.rename("/new file.txt", "/new dir/moved")
        walk(fs, "/", 0)
        fs.remove("/new dir/moved")
        outcome = "worked"
    except OSError as e:
        outcome = "OSError"
    except Exception as e:
        outcome = "%s: %s" % (type(e).__name__, e)
        print("round", round, outcome)
    outcomes[outcome] = outcomes.get(outcome, 0) + 1
print(sorted(outcomes.items()))
