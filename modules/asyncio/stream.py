# TCP streams over non-blocking sockets. A read tries the socket first and
# waits for it to become readable only when it has nothing; write tries to
# send at once and keeps what did not fit for drain().
import errno
import socket

from . import core

_AGAIN = (errno.EAGAIN, errno.EWOULDBLOCK)
_CHUNK = 4096


class Stream:
    def __init__(self, s, extra=None):
        self.s = s
        self.e = extra or {}
        self._in = b""  # read but not yet given out (readline's look-ahead)
        self._out = b""  # written but not yet sent
        self._closing = False
        # a plain socket that gave less than asked has nothing more queued:
        # the next read waits for it first instead of asking in vain (not
        # other streams: for them a short read need not mean empty, and an
        # io.IOBase class may not be pollable at all)
        self._drained = False
        self._sock = type(s) is socket.socket

    def get_extra_info(self, v):
        return self.e[v]

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        self._closing = True
        if not self._out:
            self.s.close()

    async def wait_closed(self):
        if self._out and self.s.fileno() >= 0:
            await self.drain()
        self.s.close()

    # ---- reading

    async def _recv(self, n):
        # up to n bytes, waiting until there are some (b'' at the end)
        if self._in:
            data = self._in[:n]
            self._in = self._in[n:]
            return data
        s = self.s
        if self._drained:
            self._drained = False
            await core.IOWait(s, 0)
        while True:
            # the stream protocol, so any stream works (sockets, TLS, pipes,
            # io.IOBase classes): None or EAGAIN means nothing yet
            try:
                data = s.read(n)
            except OSError as e:
                if e.errno not in _AGAIN:
                    raise
                data = None
            if data is not None:
                if self._sock and 0 < len(data) < n:
                    self._drained = True
                return data
            await core.IOWait(s, 0)

    async def read(self, n=-1):
        if n >= 0:
            return await self._recv(n) if n else b""
        parts = []
        while True:
            data = await self._recv(_CHUNK)
            if not data:
                return b"".join(parts)
            parts.append(data)

    async def readinto(self, buf):
        data = await self._recv(len(buf))
        buf[: len(data)] = data
        return len(data)

    async def readexactly(self, n):
        parts = []
        while n > 0:
            data = await self._recv(n)
            if not data:
                raise EOFError
            parts.append(data)
            n -= len(data)
        return b"".join(parts)

    async def readline(self):
        buf = self._in
        self._in = b""
        while True:
            i = buf.find(b"\n")
            if i >= 0:
                self._in = buf[i + 1 :]
                return buf[: i + 1]
            data = await self._recv(_CHUNK)
            if not data:
                return buf
            buf += data

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line

    # ---- writing

    def write(self, buf):
        if isinstance(buf, str):
            buf = buf.encode()  # streams take str as UTF-8, as MicroPython's do
        if self._out:
            self._out += buf
            return
        try:
            n = self.s.write(buf) or 0  # None: nothing fitted
        except OSError as e:
            if e.errno not in _AGAIN:
                raise
            n = 0
        if n < len(buf):
            self._out = bytes(buf[n:])

    async def drain(self):
        s = self.s
        while self._out:
            await core.IOWait(s, 2)
            try:
                n = s.write(self._out) or 0
            except OSError as e:
                if e.errno not in _AGAIN:
                    raise
                n = 0
            self._out = self._out[n:]
        if self._closing:
            s.close()

    # MicroPython's older names, which its packages still use (uaiohttpclient)
    async def awrite(self, buf, off=0, sz=-1):
        if isinstance(buf, str):
            buf = buf.encode()
        if off or sz >= 0:
            buf = memoryview(buf)[off : off + sz if sz >= 0 else len(buf)]
        self.write(buf)
        await self.drain()

    async def aclose(self):
        self.close()
        await self.wait_closed()


StreamReader = Stream
StreamWriter = Stream


def _addr_text(a):
    if isinstance(a, tuple):
        return ("[%s]:%d" if ":" in a[0] else "%s:%d") % (a[0], a[1])
    return str(a)


async def _handshake(s):
    # a TLS handshake on a non-blocking socket: OpenSSL says EAGAIN while
    # it waits for the peer's next flight
    while True:
        try:
            s.do_handshake()
            return
        except OSError as e:
            if e.errno not in _AGAIN:
                raise
        await core.IOWait(s, 0)


def _tls_context(ssl):
    if ssl is True:
        import ssl as _ssl

        return _ssl.create_default_context()
    return ssl


async def open_connection(host, port, ssl=None):
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    try:
        s.connect(ai[-1])
    except OSError as e:
        if e.errno != errno.EINPROGRESS:
            s.close()
            raise
        await core.IOWait(s, 2)
        err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            s.close()
            raise OSError(err, "Connect call failed", _addr_text(ai[-1]))
    if ssl:
        try:
            s = _tls_context(ssl).wrap_socket(s, server_hostname=host, do_handshake_on_connect=False)
            await _handshake(s)
        except BaseException:
            s.close()
            raise
    st = Stream(s, {"peername": ai[-1]})
    return st, st


class Server:
    def __init__(self, s, tls):
        self.sockets = [s]
        self.task = None
        self._tls = tls

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.close()
        await self.wait_closed()

    def close(self):
        if self.task is not None:
            self.task.cancel()

    async def wait_closed(self):
        try:
            await self.task
        except core.CancelledError:
            pass

    async def _serve(self, cb):
        s = self.sockets[0]
        try:
            while True:
                await core.IOWait(s, 0)
                try:
                    c, addr = s.accept()
                except OSError as e:
                    if e.errno in _AGAIN:
                        continue
                    raise
                c.setblocking(False)
                core.create_task(self._connection(c, addr, cb))
        finally:
            s.close()

    async def _connection(self, c, addr, cb):
        if self._tls is not None:
            try:
                c = self._tls.wrap_socket(c, server_side=True, do_handshake_on_connect=False)
                await _handshake(c)
            except Exception:
                # a client that fails the handshake only loses its connection
                c.close()
                return
        st = Stream(c, {"peername": addr})
        await cb(st, st)


async def start_server(cb, host, port, backlog=5, ssl=None):
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)[0]
    s = socket.socket(ai[0], ai[1], ai[2])
    s.setblocking(False)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(ai[-1])
        s.listen(backlog)
    except OSError:
        s.close()
        raise
    srv = Server(s, ssl or None)
    srv.task = core.create_task(srv._serve(cb))
    return srv
