# needs: float
# json.dump / json.load on streams: io.StringIO, io.BytesIO and files
import io
import json

doc = {"name": "sensor", "values": [1, 2.5, -3], "ok": True, "unit": "\u00b0C"}

s = io.StringIO()
json.dump(doc, s)
print(s.getvalue())
s.seek(0)
print(json.load(s) == doc)

s = io.StringIO()
json.dump(doc, s, separators=(",", ":"))
print(s.getvalue())

s = io.StringIO()
json.dump([1, {"a": [2]}], s, indent=2)
print(s.getvalue())

b = io.BytesIO(json.dumps(doc).encode())
print(json.load(b) == doc)

# load reads to the end of the stream
s = io.StringIO('  {"a": [1, 2]}  \n')
print(json.load(s))
try:
    json.load(io.StringIO('{"a": 1} {"b": 2}'))
except ValueError as e:
    print("ValueError", e)

# a file written with dump and read back with load
import sys

path = "/tmp/json_stream_" + "".join(c if c.isalnum() else "_" for c in sys.executable)
with open(path, "w") as f:
    json.dump({"k": list(range(10)), "s": "\u00e9"}, f)
with open(path) as f:
    print(json.load(f))
with open(path, "rb") as f:
    print(json.load(f))


# any object with write() / read()
class Sink:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


k = Sink()
json.dump([1, 2, 3], k)
print("".join(k.parts))


class Source:
    def read(self):
        return '{"from": "read()"}'


print(json.load(Source()))
