# try/except/finally corner cases and exception object attributes.
def t(f):
    try:
        print(f())
    except BaseException as e:
        print(type(e).__name__, e)
def c1():
    try:
        1 / 0
    except int:
        pass
t(c1)
def c2():
    try:
        1 / 0
    except (ZeroDivisionError, 5) as e:
        return 'ok'
t(c2)
def c3():
    try:
        raise ValueError
    except (5, ValueError):
        return 'ok'
t(c3)
t(lambda: exec("raise Exception"))
def c4():
    raise ValueError from 5
t(c4)
def c5():
    raise int
t(c5)
def c6():
    raise ValueError(1) from ValueError
t(lambda: (c6(),))
def c7():
    try:
        return 'try'
    finally:
        print('finally')
t(c7)
def c8():
    for i in range(3):
        try:
            continue
        finally:
            print('fin', i)
t(c8)
def c9():
    try:
        raise KeyError(1)
    except KeyError:
        try:
            raise
        except KeyError as e:
            return 'reraised %r' % (e,)
t(c9)
def c10():
    raise
t(c10)
def c11():
    e = ValueError('saved')
    try:
        raise e
    except ValueError as x:
        return x is e
t(c11)
def c12():
    try:
        try:
            raise ValueError('a')
        finally:
            return 'finally wins'
    except ValueError:
        return 'not reached'
t(c12)
class CustomBase(BaseException): pass
def c13():
    try:
        raise CustomBase('cb')
    except Exception:
        return 'wrong'
try:
    c13()
except CustomBase as e:
    print('CustomBase', e)
t(lambda: isinstance(SystemExit(), Exception))
t(lambda: SystemExit(5).code)
t(lambda: SystemExit().code)
t(lambda: SystemExit(1, 2).code)
t(lambda: KeyboardInterrupt.__mro__[1].__name__)
t(lambda: BaseException('a', 'b').args)
t(lambda: str(BaseException()))
t(lambda: repr(OSError(2, 'x')))
t(lambda: OSError(2, 'x').errno)
t(lambda: str(OSError(2, 'x')))
t(lambda: UnicodeError.__mro__[1].__name__)
