# Control flow through finally/with/except: break, continue, return, generator close/throw.
class CM:
    def __enter__(self): print('enter'); return self
    def __exit__(self, et, ev, tb):
        print('exit', et.__name__ if et else None)
def g():
    with CM():
        yield 1
        yield 2
x = g(); next(x); x.close()
x = g(); next(x)
try:
    x.throw(KeyError('t'))
except KeyError as e:
    print('KeyError', e)
def cont_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError
            out.append(i)
        except ValueError:
            out.append(-i)
            continue
        finally:
            out.append('f')
    return out
print(cont_in_finally())
def nested_fin():
    try:
        try:
            return 'inner'
        finally:
            print('f1')
    finally:
        print('f2')
print(nested_fin())
def break_in_except():
    for i in range(3):
        try:
            1 // 0
        except ZeroDivisionError:
            break
        finally:
            print('fin', i)
    return i
print(break_in_except())
def exc_in_else():
    try:
        pass
    except ValueError:
        print('no')
    else:
        raise KeyError('from else')
    finally:
        print('finally after else')
try:
    exc_in_else()
except KeyError as e:
    print('KeyError', e)
def deep_return():
    for i in range(2):
        for j in range(2):
            try:
                with CM():
                    try:
                        return i, j
                    finally:
                        print('inner finally')
            finally:
                print('outer finally')
print(deep_return())
def while_cont():
    n = 0
    while n < 5:
        n += 1
        try:
            if n < 3:
                continue
            return n
        finally:
            print('wf', n)
print(while_cont())
def exc_replaced_in_finally():
    try:
        raise ValueError
    finally:
        return 'swallowed by return'
print(exc_replaced_in_finally())
def except_tuple():
    try:
        raise OSError('o')
    except (ValueError, OSError) as e:
        return type(e).__name__
print(except_tuple())
