# helper for import_*.py tests: a plain module
print("mod_a runs")
x = 42
_hidden = 1


def f(n):
    return n * 2


class C:
    def hello(self):
        return "hello from C"
