# Returns inside finally bodies that are themselves inlined on a return path,
# and loops inside inlined finally bodies.
class CM:
    def __init__(self, k):
        self.k = k
    def __enter__(self):
        print("enter", self.k)
    def __exit__(self, *a):
        print("exit", self.k)

def pending(flag):
    with CM(1):
        try:
            return "body"
        finally:
            try:
                if flag:
                    return "finally"
            finally:
                print("inner finally")

print(pending(False), pending(True))

def loop_in_finally(v):
    try:
        try:
            if v == 1:
                return "early"
        finally:
            n = 0
            while n < 2:
                n += 1
            for i in range(2):
                pass
        if v == 2:
            return "late"
    finally:
        print("outer finally", v)
    return "end"

print(loop_in_finally(1), loop_in_finally(2), loop_in_finally(3))

def break_discards_return():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return "loop done"

print(break_discards_return())

def nested_with_returns(k):
    with CM("a"):
        with CM("b"):
            for i in range(3):
                try:
                    if i == k:
                        return i
                finally:
                    print("f", i)
    return None

print(nested_with_returns(1), nested_with_returns(5))

def handler_finally_return():
    try:
        raise ValueError
    except ValueError:
        try:
            return "from handler"
        finally:
            print("handler finally")
    finally:
        print("outer")

print(handler_finally_return())
