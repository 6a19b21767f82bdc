# hashlib: the hash object API as CPython's (update after digest, copy,
# attributes), the accepted data types and the errors.
import hashlib

h = hashlib.sha256(b"hello ")
d1 = h.digest()
print(d1 == h.digest(), h.hexdigest())
h.update(b"world")
print(h.hexdigest(), h.digest() == hashlib.sha256(b"hello world").digest())
c = h.copy()
c.update(b"!")
print(h.hexdigest() != c.hexdigest(), c.hexdigest() == hashlib.sha256(b"hello world!").hexdigest())
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"):
    o = getattr(hashlib, name)()
    print(o.name, o.digest_size, o.block_size, len(o.digest()), len(o.hexdigest()))
print(hashlib.new("SHA256", b"x").hexdigest() == hashlib.sha256(b"x").hexdigest())
print(hashlib.sha1(bytearray(b"abc")).hexdigest(), hashlib.md5(memoryview(b"xabcx")[1:4]).hexdigest())
print(hashlib.sha256(b"abc", usedforsecurity=False).hexdigest())
h = hashlib.md5()
h.update(bytearray(70))
h.update(memoryview(b"abc"))
print(h.hexdigest())
for bad in ("text", 5, None, [1]):
    try:
        hashlib.sha256().update(bad)
    except TypeError as e:
        print("TypeError", type(bad).__name__)
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError", e)
try:
    hashlib.new("nosuch")
except ValueError as e:
    print("ValueError", e)
