# sys.exc_info() inside a generator after its own handler ends is its current
# resumer's, not the one that resumed it when the handler began
import sys
def g():
    try:
        raise KeyError
    except KeyError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
    try:
        raise TypeError
    except TypeError:
        pass
    yield sys.exc_info()[0]

it = g()
try:
    raise ValueError
except ValueError:
    print(next(it), sys.exc_info()[0])
print(next(it), sys.exc_info()[0])
print(next(it), sys.exc_info()[0])
try:
    raise IndexError
except IndexError:
    print(next(it), sys.exc_info()[0])
print(sys.exc_info()[0])
def h():
    yield sys.exc_info()[0]
    yield sys.exc_info()[0]
x = h()
try:
    raise ValueError
except ValueError:
    print(next(x))
print(next(x))
def k():
    try:
        yield 1
    finally:
        print("fin", sys.exc_info()[0])
y = k(); next(y)
try:
    raise OSError
except OSError:
    y.close()
print(list(g()))
try:
    raise ValueError
except ValueError:
    print(list(g()))
    print(sys.exc_info()[0])
