# sys.exit raises SystemExit with the given code
import sys

for args in [(), (0,), (3,), ("message",), (None,)]:
    try:
        sys.exit(*args)
    except SystemExit as e:
        print(type(e).__name__, e.args)

try:
    raise SystemExit(5)
except SystemExit as e:
    print(e.args)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
