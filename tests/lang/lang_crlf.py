# CRLF line endings, a form feed, and no newline at end of file.
x = 1
if x:
    print("crlf", x)
print("ff")
s = """a
b"""
print(repr(s))
def f(): return 2
print(f())  # no newline at end