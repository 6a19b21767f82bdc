# split / rsplit / splitlines / partition / join
print("a b  c\t d\n".split())
print("  a b  c  ".split(None, 1), "  a b  c  ".rsplit(None, 1))
print("a,b,,c".split(","), "a,b,,c".rsplit(",", 1), "a,b,,c".split(",", 2))
print("a::b::c".split("::"), "".split(","), "".split(), "   ".split())
print("abc".split("abc"), "a b c".split(maxsplit=1), "a,b,c".rsplit(sep=",", maxsplit=1))
print("a b c".rsplit(None, 0), "a b c ".split(None, 0), "x".split("x"))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "abc".split(1)
except TypeError as e:
    print("TypeError", e)
print("a\nb\r\nc\rd\n".splitlines(), "a\nb\r\nc\n".splitlines(True))
print("".splitlines(), "\n".splitlines(), "x\x0by\x0cz\x1ce".splitlines())
print("a\nb".splitlines(keepends=True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(("x",)), "ab".join("123"))
print("-".join(c for c in "xyz"), "+".join({"k": 1}))
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError", e)
print("a=b=c".partition("="), "abc".partition("="), "a=b=c".rpartition("="), "abc".rpartition("="))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError", e)
