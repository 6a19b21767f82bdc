# the micropython module
import micropython

X = micropython.const(123)
print(X, micropython.const("s"))
print(micropython.opt_level())
micropython.opt_level(1)
print(micropython.opt_level())
micropython.opt_level(0)
micropython.alloc_emergency_exception_buf(100)
micropython.kbd_intr(3)
print(callable(micropython.mem_info))
