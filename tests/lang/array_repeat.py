# needs: bigint
# array repetition: __index__ counts on either side, CPython's errors for huge and non-int counts.
from array import array
class I:
    def __index__(self): return 2
a = array('i', [1, 2])
print(a * I(), I() * a)
for f in (lambda: a * 2**100, lambda: a * 1.5, lambda: 1.5 * a):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
b = array('b', [1]); b *= I(); print(b)
