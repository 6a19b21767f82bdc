# `with` looks __enter__/__exit__ up on the type, not the instance.
class CM:
    def __enter__(self):
        print("type enter")
        return "T"

    def __exit__(self, *a):
        print("type exit", a[0])
        return False


c = CM()
c.__enter__ = lambda: "instance"
c.__exit__ = lambda *a: print("instance exit")
with c as v:
    print(v)


class NoEnter:
    pass


n = NoEnter()
n.__enter__ = lambda: 1
n.__exit__ = lambda *a: None
try:
    with n:
        pass
except TypeError as e:
    print(e)


class OnlyEnter:
    def __enter__(self):
        return self


try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)


class Meta(type):
    def __enter__(cls):
        return cls.__name__

    def __exit__(cls, *a):
        pass


class K(metaclass=Meta):
    pass


with K as name:
    print(name)


class Suppress:
    __enter__ = lambda self: self

    @staticmethod
    def helper():
        return 1

    def __exit__(self, t, v, tb):
        print("suppress", t.__name__)
        return True


with Suppress():
    raise ValueError("x")
print("after")
