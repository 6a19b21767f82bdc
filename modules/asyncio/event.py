# Event (for tasks) and ThreadSafeFlag (set from IRQ handlers and
# scheduled callbacks: a pollable object the loop's poll asks through
# ioctl, so setting it ends the loop's wait).
from . import core


class Event:
    def __init__(self):
        self.state = False
        self._waiting = []  # (task, token)

    def is_set(self):
        return self.state

    def set(self):
        self.state = True
        w = self._waiting
        self._waiting = []
        for t, tok in w:
            core.wake(t, tok)

    def clear(self):
        self.state = False

    async def wait(self):
        if not self.state:
            t = core._cur
            self._waiting.append((t, t._token))
            await core._park
        return True


_MP_STREAM_POLL = 3


class ThreadSafeFlag:
    def __init__(self):
        self.state = False

    def ioctl(self, req, flags):
        if req == _MP_STREAM_POLL:
            return flags & core._POLLIN if self.state else 0
        return None

    def set(self):
        self.state = True

    def clear(self):
        self.state = False

    async def wait(self):
        if not self.state:
            await core.IOWait(self, 0)
        self.state = False
