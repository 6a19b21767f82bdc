# needs: bigint
# array.array: values out of range for the typecode raise OverflowError
# with CPython's messages; wrong types raise TypeError. ('l'/'L' are
# checked only where 32- and 64-bit longs agree.)
from array import array

values = (2**70, -2**70, 2**64, 2**63, -2**63 - 1, 2**32, 2**31, -2**31 - 1,
          2**16, 2**15, -2**15 - 1, 256, 2**7, -129, -1, 0, True)
for tc in 'bBhHiIqQlL':
    for v in values:
        if tc in 'lL' and (2**31 <= v < 2**64 or -2**63 - 1 <= v < -2**31):
            continue
        try:
            a = array(tc, [v])
            r = str(a[0])
        except Exception as e:
            r = type(e).__name__ + ': ' + str(e)
        print(tc, v, r)

# the extremes of each type round-trip
for tc, lo, hi in (('b', -128, 127), ('B', 0, 255), ('h', -32768, 32767), ('H', 0, 65535),
                   ('i', -2**31, 2**31 - 1), ('I', 0, 2**32 - 1), ('q', -2**63, 2**63 - 1),
                   ('Q', 0, 2**64 - 1)):
    a = array(tc, [lo, hi])
    print(tc, a, a.tolist() == [lo, hi])

for tc, v in (('i', 1.5), ('B', '1'), ('q', None), ('f', 'a'), ('d', []), ('b', b'x')):
    try:
        array(tc, [v])
    except TypeError as e:
        print(tc, 'TypeError', e)

# floats: ints convert, 'f' rounds to single precision
print(array('d', [1, 2**53, True]), array('f', [0.1])[0] == 0.1, array('f', [0.5])[0])
print(array('d', [float('inf'), -float('inf')]))

# a failed store leaves the array as it was
a = array('b', [1, 2])
for op in (lambda: a.append(200), lambda: a.extend([3, 300]), lambda: a.insert(0, -200),
           lambda: a.fromlist([4, 400])):
    try:
        op()
    except OverflowError as e:
        print('OverflowError', e)
print(a)

# typecodes
for tc in ('x', '', 'ii', 1, None):
    try:
        array(tc)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
