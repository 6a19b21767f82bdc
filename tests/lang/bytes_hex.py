# bytes.hex / fromhex and bytearray.hex
print(b"".hex(), b"\x00\x01\xfe\xff".hex(), bytearray(b"AB").hex(), memoryview(b"\x10").hex())
print(b"\x01\x02\x03\x04\x05".hex(":"), b"\x01\x02\x03\x04\x05".hex(":", 2), b"\x01\x02\x03\x04\x05".hex(":", -2))
print(b"\x01\x02\x03".hex(" ", 1), b"\x01\x02\x03".hex(b"-"), b"\x01\x02\x03\x04".hex("_", 4), b"\x01".hex(":", 3))
print(bytes.fromhex("00ff10"), bytes.fromhex(" 01 02  03 "), bytes.fromhex("ABcd"), bytearray.fromhex("6162"))
for s in ["0", "zz", "0g", "1 2", "12 3"]:
    try:
        print(bytes.fromhex(s))
    except ValueError as e:
        print("ValueError", e)
try:
    b"x".hex("::")
except ValueError as e:
    print("ValueError", e)
