# sys module attributes that CPython and MicroPython share
import sys

print(sys.argv[0].endswith("sys_basic.py"), len(sys.argv))
print(type(sys.path).__name__, type(sys.modules).__name__)
print(sys.byteorder in ("little", "big"))
print(sys.maxsize >= 2**31 - 1, type(sys.maxsize).__name__)
print(sys.platform)
print(type(sys.version).__name__, sys.version_info[0])
print(hasattr(sys.implementation, "name"), type(sys.implementation.name).__name__)
print(sys.modules["sys"] is sys)
print("__main__" in sys.modules)
print(sys.modules["__main__"].__name__)

# sys.path is an ordinary mutable list
n = len(sys.path)
sys.path.append("/nonexistent_dir_for_test")
print(len(sys.path) == n + 1)
sys.path.pop()

# sys.argv is mutable too
sys.argv.append("extra")
print(sys.argv[-1])
