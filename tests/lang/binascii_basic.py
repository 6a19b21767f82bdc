# needs: float
# binascii: hex and base64 conversions (RFC 4648 test vectors), crc32
# (the ZIP/gzip CRC: known check values), and binascii.Error.
import binascii

# RFC 4648 section 10
for s in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"]:
    e = binascii.b2a_base64(s)
    print(s, e, binascii.b2a_base64(s, newline=False), binascii.a2b_base64(e), binascii.hexlify(s), binascii.b2a_hex(s))
print(binascii.b2a_base64(bytes(range(256)))[:80], len(binascii.b2a_base64(bytes(range(256)))))
print(binascii.a2b_base64(binascii.b2a_base64(bytes(range(256)))) == bytes(range(256)))
print(binascii.a2b_base64("Zm9v\nYmFy\n"), binascii.a2b_base64(b"Zm9v YmFy"), binascii.a2b_base64(bytearray(b"YQ==")))
print(binascii.b2a_base64(bytearray(b"\xff\xfe")), binascii.b2a_base64(memoryview(b"xyz")), binascii.b2a_base64(b"x", newline=0))

# hexlify with a separator (every n bytes from the right, or from the left when n < 0)
print(binascii.hexlify(b"\x01\xab\xff"), binascii.hexlify(b"abc", "-"), binascii.hexlify(b"abcdef", b":", 2))
print(binascii.hexlify(b"abcde", ":", 2), binascii.hexlify(b"abcde", ":", -2), binascii.hexlify(bytearray(b"\x00\x10"), " "))
print(binascii.hexlify(memoryview(b"ab")), binascii.hexlify(b""), binascii.hexlify(b"a", "|"))
print(binascii.unhexlify(b"01abFF"), binascii.unhexlify("0A0b"), binascii.a2b_hex(""), binascii.unhexlify(bytearray(b"4142")))

# crc32: the standard check value of "123456789" is 0xCBF43926
print(hex(binascii.crc32(b"123456789")), binascii.crc32(b""), binascii.crc32(b"a"), binascii.crc32(b"\x00" * 32))
print(binascii.crc32(b"The quick brown fox jumps over the lazy dog"), hex(binascii.crc32(bytes(range(256)))))
c = binascii.crc32(b"hello ")
print(binascii.crc32(b"world", c) == binascii.crc32(b"hello world"), binascii.crc32(b"", -1), binascii.crc32(b"abc", 2 ** 40 + 5))
print(binascii.crc32(memoryview(b"123456789")), binascii.crc32(bytearray(b"x"), True))

# errors: binascii.Error is a ValueError
print(issubclass(binascii.Error, ValueError), binascii.Error.__name__)
for f, args in [(binascii.unhexlify, (b"abc",)), (binascii.unhexlify, ("zz",)), (binascii.unhexlify, ("\xe9\xe9",)),
                (binascii.unhexlify, (b"0 1",)), (binascii.hexlify, (b"abc", "--")), (binascii.hexlify, ("abc",)),
                (binascii.b2a_base64, ("abc",)), (binascii.a2b_base64, ("\xe9",)), (binascii.a2b_base64, (b"YQ",)),
                (binascii.a2b_base64, (b"Y",)), (binascii.a2b_base64, (b"YWJjZ",)), (binascii.crc32, ("a",)),
                (binascii.crc32, (b"abc", 1.5)), (binascii.a2b_base64, (5,))]:
    try:
        print(f.__name__, f(*args))
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__, e)
