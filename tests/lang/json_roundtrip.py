# needs: bigint
# json: floats survive dumps/loads exactly; big documents round-trip
# big heap: round-trips documents of hundreds of kilobytes (not run in the 2 MiB heap pass)
import json

vals = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e-300, 1e300, 123456.789, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 9007199254740993.0, 0.1 + 0.2, -1.5e-10, 3.141592653589793, 100.0, 1e16, 1e15]
x = 0.5
for i in range(200):
    x = (x * 3.7 + 0.123) % 97.5
    vals.append(x)
    vals.append(x * 1e-200)
    vals.append(-x * 1e200)
text = json.dumps(vals)
back = json.loads(text)
print(len(back), all(a == b for a, b in zip(vals, back)))
print(text[:120])

# integers of every size
ints = [0, 1, -1, 2 ** 31, -(2 ** 31), 2 ** 53 + 1, 2 ** 63, -(2 ** 63) - 1, 10 ** 40]
print(json.loads(json.dumps(ints)) == ints)

# a document of a few thousand records
recs = [{"id": i, "name": "user%d" % i, "score": i * 0.25, "tags": ["a", "b"][: i % 3], "on": i % 2 == 0,
         "note": None if i % 5 else "caf\u00e9"} for i in range(3000)]
text = json.dumps(recs)
print(len(text), json.loads(text) == recs)
text = json.dumps(recs, indent=1, sort_keys=True)
print(len(text), json.loads(text) == recs)
# escapes round-trip
strs = ["".join(chr(c) for c in range(0, 300)), "\U0001F600\U00010000\U0010FFFF", 'a"b\\c/d']
print(json.loads(json.dumps(strs)) == strs, json.loads(json.dumps(strs, ensure_ascii=False)) == strs)
