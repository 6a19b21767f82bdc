# f-strings by PEP 701 (Python 3.12): fields may reuse the enclosing
# quotes, hold backslashes, comments and newlines, and nest to any depth.
songs = ["take me back", "beautiful world"]
print(f"{", ".join(songs)}")
print(f'{'\n'.join(songs)}')
print(f"{f"{f"{f"{1 + 1}"}"}"}")
d = {"key": "v", "k2": 2}
print(f"{d["key"]} and {d['k2']}")
print(f"{  # a comment inside a field
    d["k2"] * 3  # and another
}")
x = 5
print(f"{x!r:>{x}}|", f"{x=}", f"{'\\'}", f"{x:{'>'}{x}}|")
print(f"""{"""triple in triple"""}""")
print(f"{'\u03b1'}", f"{"\t".join(["a", "b"])!r}")
print(f"{rf"raw\{1}"}", f"{b"bytes"!r}")
print(t"{"t-string"}".strings, t"{"a" + "b"}".interpolations[0].value)
print(f"{
    sum(
        [1, 2, 3]
    )
}")
for src in ["f'{x'", "f'{x # c}'", "f'{\"a\"'"]:
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError", e.msg)
