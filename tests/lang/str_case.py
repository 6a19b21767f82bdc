# case conversion and predicates
s = "Hello World 123"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print("hELLO wORLD".capitalize(), "they're bill's".title(), "a1b2".title(), "ABC def".swapcase())
print("".upper(), "123".lower(), "x".upper())
for t in ["abc", "ABC", "Abc", "aBC", "123", "", " ", "a b", "a1", "Hello World", "Hello world", "\t\n", "_x1", "1x", "x-y", "ABC1", "abc1"]:
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
          t.istitle(), t.isidentifier(), t.isdecimal(), t.isnumeric(), t.isascii(), t.isprintable())
print("\x00".isprintable(), "a\n".isprintable(), "é".isascii())
