# The vfs module: VfsPosix mounted at "/", more mounts with a root or
# read-only, a file system written in Python, the current directory moving
# between mounts, and the errors mount/umount document.
import os, vfs, io

base = "/tmp/px-vfs-" + "".join("%02x" % b for b in os.urandom(6))
os.mkdir(base)
os.mkdir(base + "/sub")
start = os.getcwd()


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", r)
    except OSError as e:
        print(type(e).__name__, e.errno, str(e).replace(base, "BASE"))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


print(vfs.mount())
print(vfs.VfsPosix(), vfs.VfsPosix(base + "/sub") is not None)
show(vfs.VfsPosix, base + "/missing")

# a VfsPosix with a root: "/" inside it is the root
sub = vfs.VfsPosix(base + "/sub")
vfs.mount(sub, "/px_sub")
print([p for fs, p in vfs.mount()])
with open("/px_sub/a.txt", "w") as f:
    f.write("in sub")
print(os.listdir("/px_sub"), os.listdir(base + "/sub"), os.stat("/px_sub/a.txt")[6])
os.mkdir("/px_sub/d")
os.rename("/px_sub/a.txt", "/px_sub/d/b.txt")
print(sorted(os.listdir("/px_sub")), os.listdir("/px_sub/d"), sorted(os.listdir(base + "/sub")))
show(os.stat, "/px_sub/missing")
show(os.rename, "/px_sub/d/b.txt", base + "/b.txt")

# the current directory in a mount: relative paths go to that file system
os.chdir("/px_sub/d")
print(os.getcwd(), os.listdir(), open("b.txt").read())
os.chdir("/px_sub")
print(os.getcwd(), sorted(os.listdir()))
os.chdir(base)
print(os.getcwd() == base)

# mounting again at a point, unmounting what is not mounted
show(vfs.mount, sub, "/px_sub")
show(vfs.umount, "/nothing")
try:
    vfs.umount(object())
except OSError as e:
    print("umount(object()):", e.errno)
show(vfs.mount, sub, "relative")
show(vfs.mount, object(), "/px_dev")
show(vfs.mount, sub)
vfs.umount(sub)
print([p for fs, p in vfs.mount()])
show(os.listdir, "/px_sub")

# read-only
vfs.mount(sub, "/px_ro/", readonly=True)
print([p for fs, p in vfs.mount()])
print(open("/px_ro/d/b.txt").read())
show(open, "/px_ro/new.txt", "w")
show(os.mkdir, "/px_ro/x")
show(os.remove, "/px_ro/d/b.txt")
vfs.umount("/px_ro")


# a file system written in Python
class MemFS:
    def __init__(self):
        self.files = {}
        self.calls = []
        self.cwd = "/"

    def mount(self, readonly, mkfs):
        self.calls.append(("mount", readonly, mkfs))

    def umount(self):
        self.calls.append("umount")

    def path(self, p):
        return p if p.startswith("/") else self.cwd.rstrip("/") + "/" + p

    def open(self, path, mode):
        p = self.path(path)
        if "w" in mode:
            return Writer(self.files, p)
        if p not in self.files:
            raise OSError(2, "No such file or directory", path)
        return io.StringIO(self.files[p])

    def ilistdir(self, path):
        for name in sorted(self.files):
            yield (name[1:], 0x8000, 0, len(self.files[name]))

    def stat(self, path):
        p = self.path(path)
        if p == "/":
            return (0x4000, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if p not in self.files:
            raise OSError(2, "No such file or directory", path)
        return (0x8000, 0, 0, 0, 0, 0, len(self.files[p]), 0, 0, 0)

    def statvfs(self, path):
        return (512, 512, 64, 32, 32, 0, 0, 0, 0, 255)

    def remove(self, path):
        self.calls.append(("remove", path))
        del self.files[self.path(path)]

    def rename(self, old, new):
        self.files[self.path(new)] = self.files.pop(self.path(old))

    def mkdir(self, path):
        raise OSError(1, "Operation not permitted", path)

    def chdir(self, path):
        self.calls.append(("chdir", path))
        self.cwd = self.path(path)

    def getcwd(self):
        return self.cwd


class Writer:
    def __init__(self, files, p):
        self.files, self.p, self.buf = files, p, io.StringIO()

    def write(self, s):
        return self.buf.write(s)

    def close(self):
        self.files[self.p] = self.buf.getvalue()

    def __enter__(self):
        return self

    def __exit__(self, *a):
        self.close()


mem = MemFS()
vfs.mount(mem, "/px_mem", readonly=True, mkfs=True)
with open("/px_mem/one.txt", "w") as f:
    f.write("first")
print(os.listdir("/px_mem"), list(os.ilistdir("/px_mem")), os.stat("/px_mem/one.txt")[6], os.statvfs("/px_mem")[0])
show(os.stat, "/px_mem/two.txt")
show(os.mkdir, "/px_mem/dir")
show(open, "/px_mem/one.txt", "r", 1)
show(open, "/px_mem/one.txt", "r", encoding="latin-1")
print(open("/px_mem/one.txt", "r", encoding="UTF_8").read())
os.rename("/px_mem/one.txt", "/px_mem/two.txt")
os.chdir("/px_mem")
print(os.getcwd(), os.listdir(), open("two.txt").read())
os.remove("two.txt")
print(os.listdir())
os.chdir(start)
vfs.umount("/px_mem")
print(mem.calls)

# with nothing mounted at "/", the root lists the mount points
root = [fs for fs, p in vfs.mount() if p == "/"][0]
vfs.mount(mem, "/px_mem")
vfs.umount("/")
print(os.getcwd(), os.listdir("/"), os.stat("/")[0], os.statvfs("/")[0])
show(os.listdir, "/tmp")
show(open, "/tmp/x")
# the VFS's own root holds only mount points: no changes there (EPERM); a
# mount point itself is not removed or renamed (EINVAL, as FAT's root)
show(os.rmdir, "/")
show(os.mkdir, "/px_new")
show(os.remove, "/")
show(os.rmdir, "/px_mem")
show(os.remove, "/px_mem/")
show(os.rename, "/px_mem", "/px_mem/x")
os.chdir("/")
print(os.getcwd(), os.listdir(), os.listdir("."))
os.chdir("/px_mem")
print(os.getcwd())
vfs.mount(root, "/")
vfs.umount(mem)
os.chdir(start)
print([p for fs, p in vfs.mount()], os.getcwd() == start)

os.remove(base + "/sub/d/b.txt")
os.rmdir(base + "/sub/d")
os.rmdir(base + "/sub")
os.rmdir(base)
