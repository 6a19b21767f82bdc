def inner(x):
    return 10 // x


def outer():
    try:
        inner(0)
    except ZeroDivisionError as e:
        raise ValueError("bad value") from e


print("start")
outer()
