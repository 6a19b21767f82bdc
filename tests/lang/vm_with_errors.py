# `with` / `async with` on objects lacking the protocol methods: TypeError.


class Neither:
    pass


class EnterOnly:
    def __enter__(self):
        print("enter called")
        return self


class ExitOnly:
    def __exit__(self, *a):
        print("exit called")


for cls in (Neither, EnterOnly, ExitOnly):
    try:
        with cls():
            print("body ran")
    except Exception as e:
        print(type(e).__name__, e)

for obj in (5, "s", None, [1]):
    try:
        with obj:
            pass
    except TypeError as e:
        print(type(e).__name__, e)

# a nested with: the outer manager still exits
class Good:
    def __enter__(self):
        print("good enter")
        return self

    def __exit__(self, t, v, tb):
        print("good exit", t.__name__ if t else None)
        return False


try:
    with Good(), Neither():
        print("not reached")
except TypeError as e:
    print(type(e).__name__, e)


class AEnterOnly:
    async def __aenter__(self):
        return self


class AExitOnly:
    async def __aexit__(self, *a):
        pass


async def use(o):
    async with o:
        print("async body ran")


for obj in (Neither(), AEnterOnly(), AExitOnly(), EnterOnly(), 3):
    try:
        use(obj).send(None)
    except Exception as e:
        print(type(e).__name__, e)
