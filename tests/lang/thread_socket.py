# needs: float
# A threaded TCP server with blocking sockets: a thread per connection,
# each blocked in recv while the others run.
import _thread
import socket
import time

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(8)
port = srv.getsockname()[1]
lock = _thread.allocate_lock()
served = []


def handle(c, n):
    while True:
        data = c.recv(100)
        if not data:
            break
        c.sendall(data.upper())
    c.close()
    with lock:
        served.append(n)


def acceptor(count):
    for n in range(count):
        c, _ = srv.accept()
        _thread.start_new_thread(handle, (c, n))


_thread.start_new_thread(acceptor, (4,))
clients = []
for i in range(4):
    c = socket.socket()
    c.connect(("127.0.0.1", port))
    clients.append(c)
for round in range(3):
    for i, c in enumerate(clients):
        c.sendall(b"client %d round %d" % (i, round))
    print([c.recv(100) for c in clients])
for c in clients:
    c.close()
while True:
    with lock:
        if len(served) == 4:
            break
    time.sleep(0.01)
print(sorted(served))
srv.close()
