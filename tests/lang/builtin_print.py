# needs: float
# print with sep, end, file, flush
print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print("a", "b", sep="", end="!\n")
print("no newline", end="")
print(" continued")
print(None, True, 1.5, "s", [1, "x"], (1,), {"k": 2})
print("x", sep=None, end=None)


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


s = Sink()
print("hello", 42, file=s)
print("a", "b", sep=",", end=";", file=s, flush=True)
print(s.parts)
try:
    print(1, sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1, bogus=1)
except TypeError as e:
    print(type(e).__name__, e)


class S:
    def __str__(self):
        return "str-of-S"

    def __repr__(self):
        return "repr-of-S"


print(S(), [S()], str(S()), repr(S()))
