# Scaling probes for bench/run.py: `scaling.py OP N` runs one operation N
# times and prints the seconds it took. Run at N and 10*N, an amortised
# O(1) operation takes about 10 times as long; a quadratic one 100 times.
import sys
import time


def str_iadd(n):
    s = ""
    for _ in range(n):
        s += "x"
    return len(s)


def str_iadd_unicode(n):
    s = "\u00e9"
    for _ in range(n):
        s += "\u00fc"
    return len(s)


def bytes_iadd(n):
    b = b""
    for _ in range(n):
        b += b"x"
    return len(b)


def list_append(n):
    lst = []
    for i in range(n):
        lst.append(i)
    return len(lst)


def bytearray_grow(n):
    ba = bytearray()
    for i in range(n):
        ba.append(i & 255)
        ba += b"."
    return len(ba)


def dict_grow(n):
    d = {}
    for i in range(n):
        d[i] = i
        d["k%d" % i] = i
    return len(d)


def str_join(n):
    return len("".join([str(i & 1023) for i in range(n)]))


def slice_list(n):
    lst = list(range(n))
    t = 0
    for i in range(n):
        t += len(lst[i:i + 8])
    return t


def slice_str(n):
    s = "abcdefgh" * (n // 8 + 1)
    t = 0
    for i in range(n):
        t += len(s[i:i + 8])
    return t


def slice_str_unicode(n):
    s = "abc\u00e9\u20ac\u00fcgh" * (n // 8 + 1)
    t = 0
    for i in range(n):
        t += len(s[i:i + 8])
    return t


def index_str_unicode(n):
    s = "abc\u00e9\u20ac\u00fcgh" * (n // 8 + 1)
    t = 0
    for i in range(n):
        t += ord(s[i])
    return t


OPS = [str_iadd, str_iadd_unicode, bytes_iadd, list_append, bytearray_grow, dict_grow, str_join, slice_list,
       slice_str, slice_str_unicode, index_str_unicode]


def main():
    fn = None
    for f in OPS:
        if f.__name__ == sys.argv[1]:
            fn = f
    n = int(sys.argv[2])
    t0 = time.time_ns()
    fn(n)
    print("bench-seconds", (time.time_ns() - t0) / 1e9)


if __name__ == "__main__":
    main()
