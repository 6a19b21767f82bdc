# str.encode / bytes.decode with encodings and error handlers
s = "aé日😀"
for enc in ["utf-8", "UTF-8", "utf8", "ascii", "latin-1", "latin1", "iso-8859-1"]:
    for err in ["strict", "ignore", "replace"]:
        try:
            print(enc, err, s.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, "UnicodeEncodeError", e)
data = "aé日😀".encode()
for enc in ["utf-8", "ascii", "latin-1"]:
    for err in ["strict", "ignore", "replace"]:
        try:
            print(enc, err, repr(data.decode(enc, err)))
        except UnicodeDecodeError as e:
            print(enc, err, "UnicodeDecodeError", e)
bad = [b"\x80", b"\xc3", b"\xc3(", b"\xe6\x97", b"\xe6\x97(", b"\xf0\x9f\x98", b"\xf8\x88\x80\x80\x80", b"\xc0\xaf",
       b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"ok\xffok"]
for b in bad:
    print(repr(b.decode("utf-8", "replace")), repr(b.decode("utf-8", "ignore")))
    try:
        b.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)
try:
    "x".encode("nope")
except LookupError as e:
    print("LookupError", e)
try:
    b"x".decode("nope")
except LookupError as e:
    print("LookupError", e)
print(str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "utf-8", "replace"), bytes("é", "latin-1"), bytearray("é", "utf-8"))
print(isinstance(UnicodeDecodeError("utf-8", b"", 0, 1, "x"), UnicodeError))
