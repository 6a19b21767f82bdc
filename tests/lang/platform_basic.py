# platform: the MicroPython functions. The values depend on the build (its
# compiler, architecture and C library), so the test checks their shape
# and that they agree with each other and with sys.implementation.
import platform
import sys

p = platform.platform()
lib, ver = platform.libc_ver()
comp = platform.python_compiler()
version = "%d.%d.%d" % sys.implementation.version[:3]
print(type(p).__name__, p.startswith("MicroPython-" + version + "-"))
print(p.endswith("-with-" + lib + ver) if lib else "-with-" not in p)
print(p.split("-")[2] in ("x86_64", "x86", "aarch64", "arm", "riscv"))
print(type(lib).__name__, type(ver).__name__, lib in ("glibc", "newlib", "picolibc", ""), ver == "" or ver[0].isdigit())
print(comp.startswith("GCC ") or comp.startswith("Clang "), len(comp) > 6)
print(platform.platform() == p, platform.libc_ver() == (lib, ver))
