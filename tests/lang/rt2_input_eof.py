# input() writes its prompt, then raises EOFError at end of input (the
# test runner gives scripts an empty stdin).
try:
    input("prompt> ")
except EOFError as e:
    print("EOFError:", e)
try:
    input()
except EOFError as e:
    print("EOFError:", e)
try:
    input(1, 2)
except TypeError:
    print("TypeError")
