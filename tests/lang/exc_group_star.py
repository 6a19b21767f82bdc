# except* (PEP 654): each clause takes its part of an exception group,
# what a clause raises is collected, and what is left goes on.
def show(f):
    try:
        f()
        print("  no exception")
    except BaseException as e:
        print("  escaped:", type(e).__name__, repr(e))

def t1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("  caught V", repr(e))
    except* TypeError as e:
        print("  caught T", repr(e))
show(t1)

def t2():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print("  caught V", repr(e))
show(t2)

def t3():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("  caught naked as", repr(e), type(e.exceptions[0]).__name__)
show(t3)

def t4():
    try:
        raise KeyError("naked")
    except* ValueError:
        print("  not here")
show(t4)

def t5():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        pass
show(t5)

def t6():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new")
show(t6)

def t7():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("in", [TypeError(2), ValueError(3)])])
    except* (TypeError, ValueError) as e:
        print("  tuple", repr(e))
show(t7)

def t8():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ExceptionGroup:
            pass
    except TypeError as e:
        print("  TypeError:", e)
show(t8)

def t8b():
    for bad in (1, (ValueError, "x")):
        try:
            try:
                raise ValueError(0)
            except* bad:
                pass
        except TypeError as e:
            print("  TypeError:", e)
show(t8b)

def t9():
    try:
        pass
    except* ValueError:
        pass
    else:
        print("  else ran")
    finally:
        print("  finally ran")
show(t9)

def t10():
    for i in range(3):
        try:
            raise ExceptionGroup("eg", [ValueError(i)])
        except* ValueError as e:
            for j in range(2):
                if j:
                    break
            print("  loop", i, repr(e.exceptions[0]))
    try:
        e
    except NameError:
        print("  name cleared")
show(t10)

def t11():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
show(t11)

def t12():
    orig = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    try:
        try:
            raise orig
        except* KeyError:
            pass
    except ExceptionGroup as e:
        print("  nothing caught: same object", e is orig, "same exceptions", e.exceptions == orig.exceptions)
show(t12)

async def coro():
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
    except* OSError as e:
        print("  in a coroutine", repr(e))
        raise ValueError(9)

def t13():
    c = coro()
    try:
        c.send(None)
    except ExceptionGroup as e:
        print("  coroutine raised", repr(e))
show(t13)

for src in ["try:\n  pass\nexcept* ValueError:\n  return 1\n",
            "def f():\n  try:\n    pass\n  except* ValueError:\n    return 1\n",
            "for i in x:\n  try:\n    pass\n  except* ValueError:\n    break\n",
            "try:\n  pass\nexcept* ValueError:\n  pass\nexcept TypeError:\n  pass\n",
            "try:\n  pass\nexcept*:\n  pass\n"]:
    try:
        compile(src, "s", "exec")
        print("compiled?")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
