# getaddrinfo (the C library's: /etc/hosts), address checking, inet_pton.
import socket

r = socket.getaddrinfo("localhost", 80, socket.AF_INET, socket.SOCK_STREAM)
print(r[0][0] == socket.AF_INET, r[0][1] == socket.SOCK_STREAM, r[0][-1])
r = socket.getaddrinfo("127.0.0.1", "8080", socket.AF_INET, socket.SOCK_DGRAM)
print(len(r), r[0][2] == socket.IPPROTO_UDP, r[0][-1])
r = socket.getaddrinfo("::1", 443, socket.AF_INET6, socket.SOCK_STREAM)
print(r[0][-1])
r = socket.getaddrinfo(None, 7, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)
print(r[0][-1])
r = socket.getaddrinfo("localhost", None, socket.AF_INET)
print(sorted(set(x[-1] for x in r)))
try:
    socket.getaddrinfo("not a host", 80, 0, 0, 0, socket.AI_NUMERICHOST)
except OSError as e:
    # an OSError (CPython's subclass socket.gaierror, which MicroPython has
    # not) with the C library's negative EAI_NONAME
    print(e.errno)

# connect to a name from /etc/hosts
s = socket.socket()
s.bind(("localhost", 0))
print(s.getsockname()[0])
s.close()

print(socket.inet_pton(socket.AF_INET, "10.1.2.3"))
print(socket.inet_pton(socket.AF_INET6, "::1"))
print(socket.inet_ntop(socket.AF_INET, b"\x7f\x00\x00\x01"))
print(socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))
for bad in ("1.2.3", "x"):
    try:
        socket.inet_pton(socket.AF_INET, bad)
    except OSError as e:
        print("OSError")

s = socket.socket()
for addr in (("127.0.0.1", 70000), ("127.0.0.1", -1)):
    try:
        s.bind(addr)
    except OverflowError as e:
        print("OverflowError")
for addr in ("127.0.0.1", ("127.0.0.1",), ("127.0.0.1", 1, 2)):
    try:
        s.connect(addr)
    except TypeError:
        print("TypeError")
try:
    s.connect((1, 80))
except TypeError:
    print("TypeError")
s.close()
