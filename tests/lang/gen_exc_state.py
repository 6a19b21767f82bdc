# the exception being handled is per generator while it is suspended
import sys

def g():
    try:
        raise ValueError("in gen")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

it = g()
print(next(it))
print(sys.exc_info()[0])
try:
    raise KeyError("outer")
except KeyError:
    print(next(it))
    print(sys.exc_info()[0].__name__)
print(next(it))

def ctx_gen():
    try:
        yield
    except IndexError:
        raise TypeError("from gen")

c = ctx_gen()
next(c)
try:
    c.throw(IndexError("thrown"))
except TypeError as e:
    print(type(e.__context__).__name__, e.__context__)

def raise_in_finally():
    try:
        yield 1
    finally:
        raise RuntimeError("finally error")

r = raise_in_finally()
next(r)
try:
    r.close()
except RuntimeError as e:
    print("close raised", e)

def loop_gen():
    for i in range(3):
        try:
            yield i
        finally:
            print("finally", i)

lg = loop_gen()
for v in lg:
    if v == 1:
        break
print("after break")
lg.close()
print("closed")
