# an uncaught AssertionError with its message
x = [1, 2]
assert len(x) == 2
print("first assert passed")
assert len(x) == 3, "expected 3 items, got %d" % len(x)
