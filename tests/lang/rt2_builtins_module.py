# The builtins module can be changed: new names, shadowing, deletion.
import builtins

builtins.rt2_answer = 42
print(rt2_answer, builtins.rt2_answer, "rt2_answer" in dir(builtins))


def f():
    return rt2_answer


print(f())
builtins.rt2_answer = 43
print(f())
del builtins.rt2_answer
try:
    f()
except NameError as e:
    print(e)

real_len = builtins.len
builtins.len = lambda x: -1
print(len([1, 2]))
builtins.len = real_len
print(len([1, 2]))
setattr(builtins, "rt2_x", "set")
print(rt2_x, getattr(builtins, "rt2_x"), hasattr(builtins, "rt2_x"))
delattr(builtins, "rt2_x")
print(hasattr(builtins, "rt2_x"))
try:
    del builtins.rt2_nothing
except AttributeError as e:
    print("AttributeError")
import builtins as b2
print(b2 is builtins, builtins.__name__)
builtins.__dict__["rt2_y"] = 7
print(rt2_y)
exec("print(rt2_y + 1)")
print(eval("rt2_y * 2", {}))
