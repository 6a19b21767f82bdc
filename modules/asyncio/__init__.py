# asyncio: MicroPython's API on one event loop that waits in select.poll
# (docs/network.md). The streams (and so socket) are imported when first
# used, so a build without sockets still has the rest.
from .core import (
    CancelledError,
    Loop,
    Task,
    TimeoutError,
    create_task,
    current_task,
    get_event_loop,
    new_event_loop,
    run,
    run_until_complete,
    sleep,
    sleep_ms,
)
from .funcs import gather, wait_for, wait_for_ms
from .event import Event, ThreadSafeFlag
from .lock import Lock

_STREAM_NAMES = ("Stream", "StreamReader", "StreamWriter", "Server", "open_connection", "start_server")


def __getattr__(name):
    if name in _STREAM_NAMES:
        from .stream import Server, Stream, StreamReader, StreamWriter, open_connection, start_server

        return locals()[name]
    raise AttributeError("module 'asyncio' has no attribute '%s'" % name)
