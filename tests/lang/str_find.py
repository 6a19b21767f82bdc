# find / rfind / index / rindex / count with start and end
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.find("xyz"), s.find(""))
print(s.rfind("hello"), s.rfind("hello", 0, 10), s.rfind("o"), s.rfind(""))
print(s.find("o", -5), s.find("o", 5, 8), s.find("", 30), s.find("", 25))
print(s.index("world"), s.rindex("l"))
print(s.count("l"), s.count("hello"), s.count(""), s.count("l", 5), s.count("l", 5, 12))
print("aaaa".count("aa"), "".count(""), "abc".count("", 1), "abc".count("", 4))
print(s.find("h", None, None), s.find("h", 1, None))
for args in [("xyz",), ("hello", 30)]:
    try:
        s.index(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    s.rindex("q")
except ValueError as e:
    print("ValueError", e)
try:
    s.find(1)
except TypeError as e:
    print("TypeError", e)
print("abc" in s, "hello" in s, "" in s, "lo w" in s)
try:
    1 in s
except TypeError as e:
    print("TypeError", e)
print(s.startswith("hello"), s.startswith("world", 6), s.startswith(("x", "he")))
print(s.endswith("python"), s.endswith("hello", 0, 18), s.endswith(("a", "b")))
print("abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("c", -1))
try:
    s.startswith(1)
except TypeError as e:
    print("TypeError", e)
