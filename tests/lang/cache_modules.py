# Module attribute caches: module globals rebound, deleted and re-added
# between cached accesses.
import sys

sys.path.insert(0, sys.path[0] + "/lib")
import mod_cache as m  # noqa: E402


def read():
    try:
        return m.value
    except AttributeError:
        return "AttributeError"


out = []
for i in range(6):
    if i == 1:
        m.value = 2
    if i == 2:
        del m.value
    if i == 3:
        m.value = 3
    if i == 4:
        m.other = 0  # another name added (the map may grow)
        for k in range(20):
            setattr(m, "extra%d" % k, k)
    out.append(read())
print(out)
print(m.get_value())
