# Dynamic attribute access: getattr/setattr/hasattr with computed names,
# default values, dispatch of handlers by name, and objects rebuilt from
# and turned into dicts of fields, as serialisers and plug-in code do.
from benchlib import measure

FIELDS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta")


class Record:
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    def as_dict(self):
        return {f: getattr(self, f, None) for f in FIELDS}


class Handlers:
    def on_add(self, a, b):
        return a + b

    def on_sub(self, a, b):
        return a - b

    def on_mul(self, a, b):
        return a * b % 10007

    def dispatch(self, op, a, b):
        fn = getattr(self, "on_" + op, None)
        if fn is None:
            return 0
        return fn(a, b)


def run():
    recs = [Record(alpha=i, beta=i * 2, gamma=str(i)) for i in range(200)]
    total = 0
    for rnd in range(600):
        for r in recs:
            for j, f in enumerate(FIELDS):
                if hasattr(r, f):
                    v = getattr(r, f)
                    if isinstance(v, int):
                        setattr(r, f, (v + j + rnd) % 1000)
                else:
                    setattr(r, FIELDS[(j + rnd) % 3], j)
            total += getattr(r, "alpha") + getattr(r, "missing", 1)
    h = Handlers()
    ops = ("add", "sub", "mul", "div")
    acc = 0
    for i in range(240000):
        acc = (acc + h.dispatch(ops[i % 4], i, acc)) % 1000003
    d = recs[17].as_dict()
    return total, acc, sorted(k for k in d if d[k] is not None)


measure(run, (600000, 249053, ['alpha', 'beta', 'gamma']))
