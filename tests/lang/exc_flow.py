# exception handling flow with user classes and the hierarchy
class Base(Exception):
    pass


class A(Base):
    pass


class B(Base):
    pass


def classify(exc):
    try:
        raise exc
    except A:
        return "A"
    except (B, KeyError) as e:
        return "B-or-Key:" + type(e).__name__
    except Base:
        return "Base"
    except Exception as e:
        return "other:" + type(e).__name__
    finally:
        pass


for exc in [A(), B(), Base(), KeyError("k"), ValueError(), A, TypeError]:
    print(classify(exc))


def nested():
    log = []
    try:
        try:
            raise A("inner")
        except A as e:
            log.append("caught " + str(e))
            raise B("second")
        finally:
            log.append("finally")
    except B as e:
        log.append("outer " + str(e))
        log.append(type(e.__context__).__name__)
    else:
        log.append("no else")
    return log


print(nested())


def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise


g = gen()
print(next(g))
g.close()

try:
    try:
        raise ValueError("a")
    except ValueError:
        raise
except ValueError as e:
    print("reraised", e)

errors = []
for cls in (ZeroDivisionError, IndexError, KeyError, AttributeError, NameError):
    try:
        raise cls("x")
    except (ArithmeticError, LookupError) as e:
        errors.append(("lookup/arith", cls.__name__))
    except Exception as e:
        errors.append(("other", cls.__name__))
print(errors)


class CustomStr(Exception):
    def __str__(self):
        return "custom:" + ",".join(map(str, self.args))


try:
    raise CustomStr(1, 2)
except CustomStr as e:
    print(e, repr(e), e.args)


def deep(n):
    if n == 0:
        raise IndexError("bottom")
    return deep(n - 1)


try:
    deep(50)
except IndexError as e:
    print("caught from depth", e)

try:
    assert 1 == 2, "math"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, e.args)
