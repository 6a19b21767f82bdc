# MicroPython's own os API: ilistdir's (name, type, inode) tuples, stat as
# a plain 10-tuple, getenv seeing putenv at once, uname, urandom, system,
# sync, dupterm duplicating output, and the compatibility names.
import os

base = "/tmp/px-os-mp-" + "".join("%02x" % b for b in os.urandom(6))
os.mkdir(base)
os.mkdir(base + "/dir")
with open(base + "/file", "w") as f:
    f.write("abc")

entries = sorted(os.ilistdir(base))
print([(name, typ, len(e)) for name, typ, *rest in entries for e in [(name, typ, *rest)]])
for name, typ, ino in entries:
    print(name, ino == os.stat(base + "/" + name)[1])
print(sorted(n for n, *_ in os.ilistdir(base.encode())))
it = os.ilistdir(base)
print(iter(it) is it, len(list(it)), list(it))

st = os.stat(base + "/file")
print(type(st).__name__, len(st), st[0], st[6], all(type(x) is int for x in st))
sv = os.statvfs(base)
print(type(sv).__name__, len(sv), sv[0] > 0, sv[9] >= 255, all(type(x) is int for x in sv))

# getenv reads the environment itself: putenv and unsetenv show at once
print(os.getenv("PX_OS_TEST"), os.getenv("PX_OS_TEST", "dflt"))
os.putenv("PX_OS_TEST", "v1")
print(os.getenv("PX_OS_TEST"))
os.unsetenv("PX_OS_TEST")
print(os.getenv("PX_OS_TEST"))
for bad in ("", "A=B"):
    try:
        os.putenv(bad, "x")
    except ValueError as e:
        print("ValueError", e)

u = os.uname()
print(type(u).__name__, len(u), u[0], all(type(x) is str for x in u), u[3].startswith("MicroPython v"))
r = os.urandom(32)
print(type(r).__name__, len(r), os.urandom(0), r != os.urandom(32))
try:
    os.urandom(-1)
except ValueError as e:
    print("ValueError", e)
print(os.sync(), os.system("exit 3") >> 8, os.system("true"))

# dupterm: what goes to stdout goes to the stream too
log = open(base + "/log", "w")
print(os.dupterm(log))
print("duplicated")
print(os.dupterm(None) is log)
print("not duplicated")
log.close()
print(repr(open(base + "/log").read()))
for bad in ((log, 5), (42,)):
    try:
        os.dupterm(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# compatibility names: the vfs module's
import vfs

print(os.mount is vfs.mount, os.umount is vfs.umount, os.VfsPosix is vfs.VfsPosix)
import uos

print(uos is os or uos.listdir is os.listdir)

for p in (base + "/file", base + "/log"):
    os.remove(p)
os.rmdir(base + "/dir")
os.rmdir(base)
