# async generator asend/athrow/aclose driven by hand
def run(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value

async def agen():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    finally:
        print("agen finally")

g = agen()
print(run(g.__anext__()))
print(run(g.asend("sent")))
print(run(g.athrow(ValueError("bad"))))
try:
    run(g.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")

g2 = agen()
print(run(g2.__anext__()))
print(run(g2.aclose()))
try:
    run(g2.__anext__())
except StopAsyncIteration:
    print("closed agen stops")

g3 = agen()
print(run(g3.aclose()))

async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
run(s.__anext__())
try:
    run(s.aclose())
except RuntimeError as e:
    print(type(e).__name__, e)

async def raises_stop():
    yield 1
    raise StopAsyncIteration

r = raises_stop()
run(r.__anext__())
try:
    run(r.__anext__())
except RuntimeError as e:
    print(type(e).__name__, e)

async def agen_in_coro():
    results = []
    async for v in agen():
        results.append(v)
    return results

print(run(agen_in_coro()))
