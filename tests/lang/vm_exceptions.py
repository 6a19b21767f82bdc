# exception flow through frames, try/finally/return interplay
def f():
    try:
        return 1
    finally:
        print("finally f")

print(f())

def g():
    try:
        return 1
    finally:
        return 2

print(g())

def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return "done"

print(h())

def thrower(n):
    if n == 0:
        raise ValueError("bottom")
    return thrower(n - 1)

try:
    thrower(5)
except ValueError as e:
    print(type(e).__name__, e)

def catch_inner():
    try:
        thrower(2)
    except KeyError:
        print("wrong")
    except ValueError as e:
        print("caught", e)
        return "ret"
    finally:
        print("cleanup")

print(catch_inner())

def reraise():
    try:
        raise TypeError("x")
    except TypeError:
        raise

try:
    reraise()
except TypeError as e:
    print("reraised", e)

def chain():
    try:
        1 // 0
    except ZeroDivisionError:
        raise ValueError("ctx")

try:
    chain()
except ValueError as e:
    print(type(e.__context__).__name__, e.__cause__)

def cause():
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("c") from k

try:
    cause()
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__)

try:
    try:
        raise ValueError(1)
    except ValueError:
        raise KeyError(2) from None
except KeyError as e:
    print(e.__cause__, e.__suppress_context__, type(e.__context__).__name__)

# nested handlers restore the handled exception
import sys
try:
    raise ValueError("outer")
except ValueError:
    try:
        raise KeyError("inner")
    except KeyError:
        pass
    print(repr(sys.exc_info()[1]))
print(sys.exc_info()[0])

def finally_exc():
    try:
        raise ValueError("a")
    finally:
        print("in finally")

try:
    finally_exc()
except ValueError as e:
    print("after finally", e)

try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)

try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)

class E(Exception):
    pass

try:
    raise E
except E as e:
    print("class raised", type(e).__name__)

e = None
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as x:
    print("NameError")
