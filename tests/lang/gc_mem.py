# MicroPython's gc.mem_free / mem_alloc / threshold
# big heap: allocates tens of megabytes on purpose (not run in the 2 MiB heap pass)
import gc

gc.collect()
f = gc.mem_free()
a = gc.mem_alloc()
print(type(f).__name__, type(a).__name__, f > 0, a > 0)
big = bytearray(200000)
print(gc.mem_alloc() >= a + 200000)
# garbage is reclaimed: 50 x 100 kB allocated, only a few may stay alive
# (the collector is conservative)
for i in range(50):
    big = bytearray(100000)
big = None
gc.collect()
print(gc.mem_alloc() < a + 1000000)
print(gc.threshold())
gc.threshold(100000)
print(gc.threshold())
junk = [str(i) * 10 for i in range(20000)]
del junk
gc.threshold(-1)
print(gc.threshold())
