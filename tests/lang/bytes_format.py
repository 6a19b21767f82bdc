# needs: float
# printf-style formatting of bytes and bytearray
print(b"%s-%s" % (b"ab", bytearray(b"cd")), b"%d|%5d|%-4x|%#o" % (5, -3, 255, 8), b"%%" % ())
print(b"%r %a" % ("é", b"x"), b"%c%c" % (65, b"z"), b"%.2s|%4s|" % (b"abc", b"q"), b"%b" % memoryview(b"mv"))
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 7}, b"%5.1f|%e" % (2.25, 10.0), bytearray(b"<%s>") % b"in")
print(b"GET %s HTTP/1.0\r\n" % b"/index.html", b"\xff%s" % b"\xfe")
for f, a in [(b"%s", 5), (b"%c", 256), (b"%c", b"ab"), (b"%d", b"x"), (b"%s %s", (b"a",)), (b"x", 1)]:
    try:
        print(f % a)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
