# Exceptions carry CPython's traceback objects: __traceback__ is the
# outermost entry, tb_next leads to where the exception was raised.
import sys
def f(): raise IndexError('deep')
def g(): f()
try:
    g()
except IndexError as e:
    err = e
tb = err.__traceback__
print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
n = tb
while n:
    # f_lineno: where a frame that has ended stopped (the module's frame is still running)
    print(n.tb_frame.f_code.co_name, n.tb_lineno, n.tb_frame.f_globals is globals(),
          n.tb_frame.f_lineno if n is not tb else '-')
    n = n.tb_next
try:
    err.__traceback__ = [1]
except TypeError as x: print(x)
e2 = ValueError('x').with_traceback(tb.tb_next)
print(e2.__traceback__ is tb.tb_next)
try:
    raise e2
except ValueError as e:
    t = e.__traceback__
    print(t.tb_lineno, t.tb_next is tb.tb_next)
tb.tb_next = None
print(tb.tb_next)
try:
    tb.tb_next = tb
except ValueError as x:
    print(x)
