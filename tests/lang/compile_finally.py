# finally runs on every exit path: fall through, return, break, continue, exception.
def ret():
    try:
        return "try"
    finally:
        print("finally after return")

print(ret())

def override():
    try:
        return 1
    finally:
        return 2

print(override())

def loop():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

print(loop())

def exc():
    try:
        try:
            1 // 0
        finally:
            print("inner finally")
    except ZeroDivisionError as e:
        print("caught", type(e).__name__)

exc()

def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i

print(swallow())

def nested():
    log = []
    try:
        try:
            log.append("body")
            return log
        finally:
            log.append("inner")
    finally:
        log.append("outer")

print(nested())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n < 3:
                continue
            break
        finally:
            print("fin", n)
    return n

print(while_finally())

def finally_value_order():
    x = [0]
    try:
        return x[0]
    finally:
        x[0] = 5

print(finally_value_order())
