# needs: bigint
# Storing into or deleting from an immutable sequence: an index key is
# converted first (IndexError when too big, __index__ called), then
# TypeError, worded as CPython words it. (Found by tests/fuzz/vm_diff.py.)
class I:
    def __index__(self):
        print('index called')
        return 10**30
for obj in ((1, 2), 'ab', b'ab', range(3)):
    for key in (10**20, 0, 'k', I(), 1.5, slice(0, 1)):
        for op in ('set', 'del'):
            try:
                if op == 'set':
                    obj[key] = 1
                else:
                    del obj[key]
            except Exception as e:
                print(type(obj).__name__, op, type(e).__name__, e)
