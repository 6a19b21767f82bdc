# bytes % with %s takes a str as its UTF-8, as MicroPython (its requests
# package builds request lines so); CPython raises TypeError. %b and other
# objects still need the buffer protocol.
method, path = "GET", "caf\u00e9/index.html"
print(b"%s /%s HTTP/1.1\r\n" % (method, path))
print(b"[%5s|%-5s|%.3s]" % ("ab", "cd", "efgh"))
print(b"%s and %s" % (b"bytes", bytearray(b"array")))
for fmt, arg in ((b"%b", "x"), (b"%s", 5), (b"%s", None)):
    try:
        print(fmt % arg)
    except TypeError as e:
        print("TypeError", e)
