# Loopback TCP echo with asyncio: an echo server and 20 concurrent clients
# sending 500 small lines each, waiting for every echo.
import asyncio


async def echo(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    got = 0
    for i in range(n):
        writer.write(b"message %d\n" % i)
        await writer.drain()
        got += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return got


async def main():
    # backlog=100, CPython's default: with MicroPython's documented 5 the
    # 20 clients connecting at once overflow the listen queue, and the
    # kernel drops their SYNs, which are resent after 1 s (one second of
    # waiting for nothing in a run that otherwise takes a quarter of it)
    server = await asyncio.start_server(echo, "127.0.0.1", 0, backlog=100)
    port = server.sockets[0].getsockname()[1]
    print(sum(await asyncio.gather(*[client(port, 500) for _ in range(20)])))
    server.close()
    await server.wait_closed()


asyncio.run(main())
