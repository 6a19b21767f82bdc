# Slicing: list, str, bytes and bytearray slices with steps and negative
# indexes, slice assignment and deletion, reversing, and rotating buffers,
# as parsers and buffer code do.
from benchlib import measure


def run():
    data = list(range(1000))
    text = "".join(chr(97 + i % 26) for i in range(1000))
    raw = bytes(i % 251 for i in range(1000))
    acc = 0
    for i in range(30000):
        k = i % 500
        part = data[k:k + 300]
        acc += part[-1] - part[0] + len(data[::7]) + data[-k - 1]
        s = text[k:k + 40]
        acc += len(s[::-1]) + ord(s[3]) + len(text[-k:])
        b = raw[k::3]
        acc += b[0] + len(raw[:k]) + raw[-1 - k]
        ring = data[k:] + data[:k]
        acc += ring[0]
        acc %= 1000003
    buf = bytearray(raw)
    for i in range(20000):
        buf[i % 700:i % 700 + 4] = b"abcd"
        del buf[100:103]
        buf += b"xyz"
    lst = list(range(2000))
    for i in range(20000):
        lst[i % 900:i % 900 + 10] = lst[-10:]
        lst[::50] = lst[1::50]
    return acc, len(buf), sum(buf) % 10007, sum(lst) % 10007


measure(run, (212630, 1000, 1773, 2964))
