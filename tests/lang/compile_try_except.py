def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ZeroDivisionError:
        return "zero"
    except Exception as e:
        return "other " + type(e).__name__
    else:
        return "none"

print(classify(KeyError("k")), classify(IndexError()), classify(ZeroDivisionError()), classify(ValueError()))

def else_branch():
    try:
        x = 1
    except Exception:
        x = 2
    else:
        x += 10
    finally:
        x += 100
    return x

print(else_branch())

def name_cleared():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    try:
        err
    except NameError:
        return "cleared"
    return "kept"

print(name_cleared())

def reraise():
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            raise
    except KeyError as e:
        return "reraised " + repr(e)

print(reraise())

def chain():
    try:
        try:
            1 // 0
        except ZeroDivisionError as e:
            raise ValueError("wrapped") from e
    except ValueError as e:
        return type(e.__cause__).__name__

print(chain())

def in_handler_return():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 1:
                return "returned at %d" % i
            continue
    return "end"

print(in_handler_return())

def unmatched():
    try:
        try:
            raise TypeError("t")
        except ValueError:
            return "wrong"
    except TypeError as e:
        return "outer got " + str(e)

print(unmatched())

def handler_raises():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise KeyError("second")
    except KeyError as e:
        return "context " + type(e.__context__).__name__

print(handler_raises())

def bare():
    try:
        [][1]
    except:
        return "bare caught"

print(bare())

def loop_break_in_except():
    n = 0
    while True:
        try:
            n += 1
            raise RuntimeError
        except RuntimeError:
            if n > 2:
                break
    return n

print(loop_break_in_except())
import sys
def exc_info_restored():
    try:
        raise ValueError("x")
    except ValueError:
        pass
    return sys.exc_info()[0]

print(exc_info_restored())
