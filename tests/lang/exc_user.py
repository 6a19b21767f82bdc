# user-defined exceptions
class AppError(Exception):
    pass


class DetailError(AppError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg

    def __str__(self):
        return "[%d] %s" % (self.code, self.msg)


class Quiet(AppError):
    def __init__(self, v):
        self.v = v


try:
    raise AppError("simple")
except AppError as e:
    print(type(e).__name__, e, repr(e), e.args)
try:
    raise DetailError(404, "not found")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, repr(e))
try:
    raise Quiet(3)
except Exception as e:
    print(type(e).__name__, e.v, e.args, str(e))

print(issubclass(DetailError, Exception), isinstance(DetailError(1, "a"), AppError))
print([c.__name__ for c in DetailError.__mro__])


class MyKey(KeyError):
    pass


try:
    raise MyKey("kk")
except LookupError as e:
    print(type(e).__name__, e, repr(e))


class WithRepr(ValueError):
    def __repr__(self):
        return "WithRepr!"


print(repr(WithRepr("a")), str(WithRepr("a")))

try:
    try:
        raise DetailError(1, "x")
    except DetailError as e:
        raise AppError("outer") from e
except AppError as e:
    print(type(e.__cause__).__name__, e.__cause__)


err = AppError("a", "b")
err.note = "n"
print(err.note, err.args)
