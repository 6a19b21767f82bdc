# an uncaught exception: traceback to stderr, status 1, stdout kept
print("output before the error")


def fail():
    raise ValueError("uncaught in function")


fail()
