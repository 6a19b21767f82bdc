# A loop with no calls in it (issue 11: `while not flag: pass`) is woken by
# a Pin IRQ: the handler runs within a bounded number of bytecodes and the
# loop sees what it set, with no sleep or poll in the program.
from machine import Pin

out = Pin("GPIO14", Pin.OUT, value=0)
inp = Pin("GPIO15", Pin.IN, Pin.PULL_DOWN)
hits = []
inp.irq(lambda p: hits.append(p.irq().flags()), Pin.IRQ_RISING)
out.on()
while not hits:
    pass
print("woken by the edge:", hits[0] == Pin.IRQ_RISING)
flag = False


def fall(p):
    global flag
    flag = True


inp.irq(fall, Pin.IRQ_FALLING)
out.off()
i = 0
while not flag:
    i += 1
print("woken again:", flag)
inp.irq(None)
