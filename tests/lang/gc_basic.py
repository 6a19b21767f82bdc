# the gc module: functions shared with CPython
import gc

gc.collect()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
x = [list(range(10)) for i in range(1000)]
gc.enable()
print(gc.isenabled())
gc.collect()
print(sum(len(l) for l in x))
