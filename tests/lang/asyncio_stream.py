# needs: float
# asyncio streams over loopback: a server and many concurrent clients.
import asyncio

served = []


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    name = (await reader.readline()).strip()
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(name + b": " + line.upper())
        await writer.drain()
    served.append((name, peer[0]))
    writer.close()
    await writer.wait_closed()


async def client(port, name, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(name + b"\n")
    out = []
    for i in range(n):
        writer.write(b"msg %d\n" % i)
        await writer.drain()
        out.append(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return out


async def blobs(port):
    # big writes and exact reads
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    data = bytes(range(11, 256)) * 200
    writer.write(b"blob\n" + data + b"\n")
    await writer.drain()
    reply = await reader.readexactly(6)
    rest = await reader.readline()
    writer.close()
    await writer.wait_closed()
    return reply, len(rest)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    res = await asyncio.gather(*[client(port, b"c%d" % i, 5 + i) for i in range(6)], blobs(port))
    for r in res[:-1]:
        print(len(r), r[0], r[-1])
    print(res[-1])
    await asyncio.sleep(0.05)
    print(sorted(served))

    # read() to the end, read(n), readexactly past the end
    async def talker(reader, writer):
        writer.write(b"abcdefgh")
        await writer.drain()
        writer.close()
        await writer.wait_closed()

    s2 = await asyncio.start_server(talker, "127.0.0.1", 0)
    p2 = s2.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", p2)
    print(await r.readexactly(3), await r.read())
    w.close()
    await w.wait_closed()
    r, w = await asyncio.open_connection("127.0.0.1", p2)
    try:
        await r.readexactly(100)
    except EOFError:
        print("EOFError")
    w.close()
    await w.wait_closed()

    # a line in pieces with pauses between them: after a short read the
    # next one waits for more, and the end after a piece is seen
    async def dribbler(reader, writer):
        for piece in (b"par", b"ts of a ", b"line\nand the ", b"rest"):
            writer.write(piece)
            await writer.drain()
            await asyncio.sleep(0.01)
        writer.close()
        await writer.wait_closed()

    s3 = await asyncio.start_server(dribbler, "127.0.0.1", 0)
    r, w = await asyncio.open_connection("127.0.0.1", s3.sockets[0].getsockname()[1])
    print(await r.readline(), await r.read(4), await r.read(100), await r.read(100), await r.read(100))
    await asyncio.sleep(0.02)
    w.close()
    await w.wait_closed()
    s3.close()
    await s3.wait_closed()

    server.close()
    await server.wait_closed()
    s2.close()
    await s2.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except OSError as e:
        print(type(e).__name__, e.errno)


asyncio.run(main())
