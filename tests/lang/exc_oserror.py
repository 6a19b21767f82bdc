# OSError and friends: errno/strerror/filename, str forms, subclasses
e = OSError(2, "No such file or directory", "missing.txt")
print(e.errno, e.strerror, e.filename, e.args)
print(str(e))
print(repr(OSError(5, "I/O error")))
print(str(OSError(13, "Permission denied")))
print(OSError("just text").strerror, str(OSError("just text")))
print(OSError().args, str(OSError()))
try:
    raise OSError(28, "No space left on device")
except OSError as x:
    print(type(x).__name__, x, x.errno)


class DeviceError(OSError):
    pass


try:
    raise DeviceError(19, "No such device", "/dev/x")
except OSError as x:
    print(type(x).__name__, x, x.errno, x.filename)

s = SyntaxError("invalid syntax", ("f.py", 3, 5, "x = = 1\n"))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text))
print(str(s))
print(SyntaxError("plain").msg, SyntaxError("plain").lineno)
print(str(SystemExit(2)), SystemExit(2).code, SystemExit("msg").code, SystemExit(1, 2).code)
print(StopIteration(1, 2).value)
print(KeyError("a", "b"), KeyError(("t",)), str(KeyError(1)))
print(UnicodeError("u"), UnicodeDecodeError.__mro__[1].__name__)
for n in (1, 2, 4, 11, 13, 17, 20, 21, 32, 104, 110, 111, 999):
    e = OSError(n, "msg")
    print(n, type(e).__name__, isinstance(e, OSError), e.errno)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError))
print(IOError is OSError, EnvironmentError is OSError, issubclass(TabError, IndentationError))
print(issubclass(UserWarning, Warning), issubclass(Warning, Exception), issubclass(FloatingPointError, ArithmeticError))
try:
    raise FileNotFoundError(2, "No such file or directory", "f.txt")
except OSError as e:
    print(type(e).__name__, e)
