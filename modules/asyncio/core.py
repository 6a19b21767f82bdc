# The scheduler: tasks, the loop, sleeping and waiting on streams.
#
# A task runs its coroutine one step at a time (coro.send / coro.throw).
# A coroutine waits by yielding through `await`: `None` (or a bare yield
# from a generator) means "run me again soon"; PARK means "I have put
# myself where something will wake me" (the sleep queue, a stream's wait
# slot, an Event's list, a task's done callbacks). Every parked task holds
# a token; waking it bumps the token, so the other places it was put (a
# timeout and a stream, say) go stale and are skipped when they come due.
# Streams are waited on with one select.poll object, so the loop sleeps
# in the interpreter's event poller (signals, Pin IRQs) when idle.
from time import ticks_ms, ticks_diff, ticks_add
import select

_POLLIN = select.POLLIN
_POLLOUT = select.POLLOUT
_WAKE_READER = select.POLLIN | select.POLLERR | select.POLLHUP | select.POLLNVAL
_WAKE_WRITER = select.POLLOUT | select.POLLERR | select.POLLHUP | select.POLLNVAL


class CancelledError(BaseException):
    pass


# asyncio.TimeoutError is the built-in one (as in CPython 3.11).
TimeoutError = TimeoutError

PARK = object()


class _Parker:
    # `await _park`: give control back until woken
    def __await__(self):
        yield PARK

    __iter__ = __await__


class _Yield:
    # `await _yield`: let the other runnable tasks go first
    def __await__(self):
        yield None

    __iter__ = __await__


_park = _Parker()
_yield = _Yield()

# ---- the loop's state (one loop, as MicroPython has; new_event_loop resets it)
_cur = None  # the task running now
_ready = []  # runnable tasks, in order
_sleepers = []  # [deadline, task, token], latest deadline first
_stale = 0  # entries of _sleepers known to be stale
_io = {}  # stream -> [reader, reader token, writer, writer token]
_poll = None
_stop = False
_handler = None


class Task:
    def __init__(self, coro):
        self.coro = coro
        self._done = False
        self._result = None
        self._exc = None
        self._cbs = None  # called with the task when it finishes
        self._awaited = False  # someone will see its exception
        self._parked = False
        self._token = 0
        self._throw = None  # exception to throw in at the next step
        self._io = None  # the stream it waits on
        self._sleeping = False  # has an entry in _sleepers

    def __repr__(self):
        return "<Task>"

    def done(self):
        return self._done

    def cancelled(self):
        return self._done and isinstance(self._exc, CancelledError)

    def cancel(self):
        if self._done:
            return False
        self._throw = CancelledError()
        if self._parked:
            wake(self, self._token)
        return True

    def result(self):
        if not self._done:
            raise RuntimeError("Result is not set.")
        if self._exc is not None:
            raise self._exc
        return self._result

    def exception(self):
        if not self._done:
            raise RuntimeError("Exception is not set.")
        if isinstance(self._exc, CancelledError):
            raise self._exc
        return self._exc

    def add_done_callback(self, cb):
        if self._cbs is None:
            self._cbs = []
        self._cbs.append(cb)
        self._awaited = True

    def __await__(self):
        if not self._done:
            me = _cur
            tok = me._token
            self.add_done_callback(lambda t: wake(me, tok))
            yield PARK
        self._awaited = True
        return self.result()

    __iter__ = __await__


def wake(t, token):
    # make a parked task runnable, if the token is still its own
    global _stale
    if t._parked and t._token == token:
        t._parked = False
        t._token += 1
        if t._sleeping:  # its entry in _sleepers is stale now
            t._sleeping = False
            _stale += 1
        if t._io is not None:
            _io_forget(t)
        _ready.append(t)


def _finish(t, result, exc):
    t._done = True
    t._result = result
    t._exc = exc
    if t._cbs:
        cbs = t._cbs
        t._cbs = None
        for cb in cbs:
            cb(t)
    elif exc is not None and not t._awaited and not isinstance(exc, CancelledError):
        call_exception_handler({"message": "Task exception wasn't retrieved", "exception": exc, "future": t})
    t.coro = None


def _step(t):
    global _cur
    _cur = t
    exc = t._throw
    try:
        if exc is None:
            r = t.coro.send(None)
        else:
            t._throw = None
            r = t.coro.throw(exc)
    except StopIteration as e:
        _cur = None
        _finish(t, e.value, None)
        return
    except BaseException as e:
        _cur = None
        _finish(t, None, e)
        if isinstance(e, (KeyboardInterrupt, SystemExit)):
            raise
        return
    _cur = None
    if r is PARK and t._throw is None:
        t._parked = True
    else:
        if r is PARK:  # cancelled itself while running: drop what it waits on
            t._token += 1
            if t._io is not None:
                _io_forget(t)
        _ready.append(t)


# ---- sleeping


def sleep_until(t, deadline):
    # put t in the sleep queue (kept sorted, latest first, so the next one
    # due is popped from the end)
    global _stale
    q = _sleepers
    lo, hi = 0, len(q)
    while lo < hi:
        mid = (lo + hi) // 2
        if ticks_diff(q[mid][0], deadline) > 0:
            lo = mid + 1
        else:
            hi = mid
    q.insert(lo, [deadline, t, t._token])
    t._sleeping = True
    if _stale > 64 and _stale * 2 > len(q):
        q[:] = [e for e in q if e[1]._parked and e[1]._token == e[2]]
        _stale = 0


class _Sleep:
    def __init__(self, ms):
        self.ms = ms

    def __await__(self):
        if self.ms <= 0:
            yield None
        else:
            sleep_until(_cur, ticks_add(ticks_ms(), self.ms))
            yield PARK

    __iter__ = __await__


async def sleep_ms(t):
    await _Sleep(int(t))


def _ms(t):
    # seconds to milliseconds, a fraction of a millisecond past 0.000001
    # rounded up; no float literal and ints stay ints, so it works in a
    # build without floats
    return t * 1000 if isinstance(t, int) else int((t * 1000000000 + 999999) // 1000000)


async def sleep(t):
    await _Sleep(_ms(t) if t > 0 else 0)


# ---- waiting on streams


def _poller():
    global _poll
    if _poll is None:
        _poll = select.poll()
    return _poll


def _io_update(s, e):
    mask = (_POLLIN if e[0] is not None else 0) | (_POLLOUT if e[2] is not None else 0)
    if mask:
        _poller().register(s, mask)
    else:
        del _io[s]
        try:
            _poll.unregister(s)
        except (KeyError, ValueError, OSError):
            pass


def _io_forget(t):
    s, i = t._io
    t._io = None
    e = _io.get(s)
    if e is not None and e[i] is t:
        e[i] = None
        _io_update(s, e)


class IOWait:
    # `await IOWait(stream, 0)` until readable, `IOWait(stream, 2)` writable
    def __init__(self, s, i):
        self.s = s
        self.i = i

    def __await__(self):
        s, i, t = self.s, self.i, _cur
        e = _io.get(s)
        if e is None:
            e = _io[s] = [None, 0, None, 0]
        elif e[i] is not None and e[i] is not t:
            raise RuntimeError("another task is already waiting on this stream")
        e[i] = t
        e[i + 1] = t._token
        t._io = (s, i)
        _io_update(s, e)
        yield PARK

    __iter__ = __await__


def _wait_io(timeout):
    n = 0
    for s, ev in _poller().ipoll(timeout):
        n += 1
        e = _io.get(s)
        if e is None:
            continue
        if ev & _WAKE_READER and e[0] is not None:
            wake(e[0], e[1])
        if ev & _WAKE_WRITER and e[2] is not None:
            wake(e[2], e[3])
    return n


# ---- the loop


def _run_until(main):
    global _ready, _stop, _stale
    spare = []
    _stop = False
    while True:
        if (main is not None and main._done) or _stop:
            return
        now = ticks_ms()
        q = _sleepers
        while q and ticks_diff(q[-1][0], now) <= 0:
            d, t, tok = q.pop()
            if t._parked and t._token == tok:
                t._sleeping = False
                wake(t, tok)
            elif _stale:
                _stale -= 1
        if _ready:
            timeout = 0
        elif q:
            timeout = ticks_diff(q[-1][0], now)
        elif _io:
            timeout = -1
        elif main is None:
            return
        else:
            raise RuntimeError("Event loop stopped before Future completed.")
        if _io or timeout:
            _wait_io(timeout)
        run = _ready
        _ready = spare
        for t in run:
            _step(t)
        run.clear()
        spare = run


def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("a coroutine was expected, got %r" % (coro,))
    t = Task(coro)
    _ready.append(t)
    return t


def current_task():
    if _cur is None:
        raise RuntimeError("no running event loop")
    return _cur


def run_until_complete(main=None):
    if main is not None and not isinstance(main, Task):
        main = create_task(main)
    if main is not None:
        main._awaited = True
    _run_until(main)
    if main is not None:
        return main.result()


def run(coro):
    return run_until_complete(create_task(coro))


# ---- the event loop object (MicroPython's: one loop, reset by new_event_loop)


def default_exception_handler(loop, context):
    import sys

    print(context["message"], file=sys.stderr)
    print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
    sys.print_exception(context["exception"], sys.stderr)


def call_exception_handler(context):
    (_handler or default_exception_handler)(Loop, context)


class Loop:
    create_task = staticmethod(create_task)
    run_until_complete = staticmethod(run_until_complete)

    @staticmethod
    def run_forever():
        _run_until(None)

    @staticmethod
    def stop():
        global _stop
        _stop = True

    @staticmethod
    def close():
        pass

    @staticmethod
    def set_exception_handler(handler):
        global _handler
        _handler = handler

    @staticmethod
    def get_exception_handler():
        return _handler

    @staticmethod
    def default_exception_handler(context):
        default_exception_handler(Loop, context)

    call_exception_handler = staticmethod(call_exception_handler)


def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def new_event_loop():
    global _ready, _stale, _io, _poll, _stop, _cur
    _ready = []
    _sleepers[:] = []
    _stale = 0
    _io = {}
    _poll = None
    _stop = False
    _cur = None
    return Loop
