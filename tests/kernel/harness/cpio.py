"""A writer for the cpio "newc" format the kernel unpacks as its initramfs
(see the kernel's Documentation/driver-api/early-userspace/buffer-format).
Written here so building the initramfs needs neither root nor a cpio tool:
owners and device nodes are just numbers in the headers."""
import stat

_MAGIC = b"070701"


class CpioWriter:
    def __init__(self, out):
        self.out = out
        self.ino = 1
        self.names = set()

    def _entry(self, name, mode, data=b"", uid=0, gid=0, rdev=(0, 0)):
        name = name.lstrip("/")
        if name in self.names:
            return
        self.names.add(name)
        fields = [self.ino, mode, uid, gid, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name) + 1, 0]
        self.ino += 1
        head = _MAGIC + b"".join(b"%08X" % v for v in fields) + name.encode() + b"\0"
        self.out.write(head + b"\0" * (-len(head) % 4))
        self.out.write(data + b"\0" * (-len(data) % 4))

    def entry(self, name, mode, data=b"", uid=0, gid=0, rdev=(0, 0)):
        """Any member: mode has the file type and permission bits."""
        self._entry(name, mode, data, uid, gid, rdev)

    def dir(self, name, perm=0o755):
        self._entry(name, stat.S_IFDIR | perm)

    def file(self, name, data, perm=0o644):
        self._entry(name, stat.S_IFREG | perm, data)

    def symlink(self, name, target):
        self._entry(name, stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name, major, minor, perm=0o600):
        self._entry(name, stat.S_IFCHR | perm, rdev=(major, minor))

    def close(self):
        self._entry("TRAILER!!!", 0)
