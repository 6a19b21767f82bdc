# an uncaught exception: the runner compares the last line of stderr
def inner():
    raise ValueError("the message")


def outer():
    inner()


print("before")
outer()
