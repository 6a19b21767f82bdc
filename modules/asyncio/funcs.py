# wait_for and gather: a task waits for other tasks through their done
# callbacks, and for a deadline through the sleep queue.
from . import core
from .core import CancelledError, Task, create_task


def _as_task(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


async def _wait_done(t, ms):
    # park until t is done or ms (None: no limit) have passed
    me = core._cur
    tok = me._token
    t.add_done_callback(lambda _: core.wake(me, tok))
    if ms is not None:
        core.sleep_until(me, core.ticks_add(core.ticks_ms(), ms))
    await core._park


async def wait_for_ms(aw, timeout):
    if timeout is None:
        return await aw
    t = _as_task(aw)
    if not t._done:
        try:
            await _wait_done(t, max(0, int(timeout)))
        except CancelledError:
            t.cancel()
            raise
        if not t._done:
            # timed out: cancel it and let it finish its clean-up
            t.cancel()
            while not t._done:
                await _wait_done(t, None)
            raise core.TimeoutError
    return t.result()


def wait_for(aw, timeout):
    return wait_for_ms(aw, None if timeout is None else core._ms(timeout))


async def gather(*aws, return_exceptions=False):
    tasks = [_as_task(a) for a in aws]
    me = core._cur
    tok = me._token
    state = [0, None]  # how many are not done; the first exception

    def done(t):
        state[0] -= 1
        if t._exc is not None and state[1] is None:
            state[1] = t._exc
        if state[0] == 0 or (state[1] is not None and not return_exceptions):
            core.wake(me, tok)

    for t in tasks:
        t._awaited = True
        if not t._done:
            state[0] += 1
            t.add_done_callback(done)
        elif t._exc is not None and state[1] is None:
            state[1] = t._exc
    if state[0] and (state[1] is None or return_exceptions):
        try:
            await core._park
        except CancelledError:
            for t in tasks:
                t.cancel()
            raise
    if state[1] is not None and not return_exceptions:
        raise state[1]
    res = []
    for t in tasks:
        if t._exc is not None:
            res.append(t._exc)
        else:
            res.append(t._result)
    return res
