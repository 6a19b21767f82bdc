# BaseExceptionGroup and ExceptionGroup (PEP 654): construction, split,
# subgroup, derive, subclasses, add_note.
eg = ExceptionGroup('m', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])
print(repr(eg), str(eg))
print(eg.message, eg.exceptions)
print(isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print([c.__name__ for c in ExceptionGroup.__mro__])
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(Exception) is eg, eg.split(TypeError)[0].exceptions)
b = BaseExceptionGroup('x', [ValueError()])
print(type(b).__name__)
b = BaseExceptionGroup('x', [KeyboardInterrupt()])
print(type(b).__name__)
for args in [('x', []), (1, [ValueError()]), ('x', [1]), ('x', ValueError())]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup('x', [KeyboardInterrupt()])
except TypeError as e:
    print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + '!', excs)
g = MyEG('mine', [ValueError(1), OSError(2)])
try:
    raise g
except MyEG as e:
    e.add_note('a note')
    m, r = e.split(OSError)
    print(type(m).__name__, m.message, m.__notes__, m.__traceback__ is e.__traceback__)
print(issubclass(MyEG, BaseExceptionGroup), [c.__name__ for c in MyEG.__mro__])
try:
    eg.split(1)
except TypeError as e:
    print(e)
e = ValueError('v')
e.add_note('n1'); e.add_note('n2')
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as x:
    print(x)
