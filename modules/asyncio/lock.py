# Lock: released to the next waiter directly, so it stays locked while the
# lock passes from task to task.
from . import core


class Lock:
    def __init__(self):
        self._owner = None  # None: unlocked; True: locked; a task: handed to it
        self._waiting = []  # (task, token), first come first served

    def locked(self):
        return self._owner is not None

    def release(self):
        if self._owner is None:
            raise RuntimeError("Lock not acquired")
        w = self._waiting
        while w:
            t, tok = w.pop(0)
            if t._parked and t._token == tok:
                self._owner = t
                core.wake(t, tok)
                return
        self._owner = None

    async def acquire(self):
        if self._owner is not None:
            t = core._cur
            self._waiting.append((t, t._token))
            try:
                await core._park
            except core.CancelledError:
                if self._owner is t:  # handed over just before the cancel
                    self._owner = True
                    self.release()
                raise
        self._owner = True
        return True

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        self.release()
