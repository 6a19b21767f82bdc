# Datagrams, IPv6 and AF_UNIX over loopback.
import os
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(("127.0.0.1", 0))
print(b.sendto(b"ping", a.getsockname()))
data, frm = a.recvfrom(100)
print(data, frm == b.getsockname())
a.sendto(b"pong", 0, frm)
print(b.recvfrom(100)[0])
b.connect(a.getsockname())
b.send(b"connected")
print(a.recv(100))
a.close()
b.close()

# IPv6
s6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
s6.bind(("::1", 0))
s6.listen(1)
addr = s6.getsockname()
print(addr[0], len(addr))
c6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
c6.connect(("::1", addr[1]))
k, peer = s6.accept()
print(peer[0], len(peer))
c6.sendall(b"six")
print(k.recv(10))
for s in (s6, c6, k):
    s.close()

# AF_UNIX, stream and datagram
path = "/tmp/px-sock-" + "".join("%02x" % b for b in os.urandom(6))
u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
u.bind(path)
u.listen(1)
print(u.getsockname() == path)
uc = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
uc.connect(path)
uk, _ = u.accept()
uc.sendall(b"unix")
print(uk.recv(10))
for s in (u, uc, uk):
    s.close()
os.remove(path)
try:
    socket.socket(socket.AF_UNIX).connect(path)
except OSError as e:
    print(type(e).__name__, e.errno)

d1 = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
d1.bind(path)
d2 = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
d2.sendto(b"dgram", path)
print(d1.recv(10))
d1.close()
d2.close()
os.remove(path)

# a raw socket where permitted (as root), PermissionError otherwise
try:
    r = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    print("raw", r.type == socket.SOCK_RAW)
    r.close()
except OSError as e:
    print(type(e).__name__, e.errno)
