# Exception chaining: __context__, __cause__, __suppress_context__, bare raise.
def show(e):
    c = e.__context__
    k = e.__cause__
    print(type(e).__name__, e.args,
          'ctx=' + (type(c).__name__ if c is not None else 'None'),
          'cause=' + (type(k).__name__ if k is not None else 'None'),
          e.__suppress_context__)
try:
    try:
        raise KeyError('k')
    except KeyError:
        raise ValueError('v')
except ValueError as e:
    show(e)
try:
    try:
        1 // 0
    except ZeroDivisionError as z:
        raise RuntimeError('r') from z
except RuntimeError as e:
    show(e)
    print(e.__cause__ is e.__context__)
try:
    try:
        raise KeyError
    except KeyError:
        raise TypeError('t') from None
except TypeError as e:
    show(e)
try:
    raise IndexError('i') from ValueError('x')
except IndexError as e:
    show(e)
try:
    try:
        raise OSError('o')
    finally:
        pass
except OSError as e:
    show(e)
try:
    try:
        raise KeyError('a')
    finally:
        raise ValueError('b')
except ValueError as e:
    show(e)
def reraise():
    try:
        raise LookupError('l')
    except LookupError:
        raise
try:
    reraise()
except LookupError as e:
    show(e)
try:
    try:
        raise KeyError('first')
    except KeyError:
        try:
            raise ValueError('second')
        except ValueError:
            pass
        raise
except KeyError as e:
    show(e)
try:
    try:
        raise KeyError('outer')
    except KeyError:
        try:
            raise ValueError('inner')
        except ValueError as e2:
            raise TypeError('third')
except TypeError as e:
    show(e)
    show(e.__context__)
e = None
try:
    raise ValueError('x')
except ValueError as e:
    pass
try:
    e
except NameError:
    print('as-name deleted')
try:
    raise ValueError
except ValueError as ex:
    print(repr(ex), ex.args)
try:
    raise ValueError() from 5
except TypeError as e:
    print('TypeError', e)
class MyErr(Exception):
    pass
try:
    raise MyErr
except (KeyError, MyErr) as e:
    print('tuple match', type(e).__name__)
try:
    try:
        raise MyErr('m')
    except KeyError:
        print('no')
    else:
        print('no')
except Exception as e:
    print('propagated', e)
def gen_ctx():
    try:
        raise KeyError('g')
    except KeyError:
        yield 1
        raise ValueError('after yield')
try:
    list(gen_ctx())
except ValueError as e:
    show(e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError', e)
e1 = ValueError(1)
e1.__cause__ = KeyError(2)
print(type(e1.__cause__).__name__, e1.__suppress_context__)
