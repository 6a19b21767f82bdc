# poll(0) reports the fds that are ready even when work is still pending
# as it looks (here a callback that schedules the next one; on Linux the
# event poller's tick does the same every millisecond while timers or
# Pin IRQs exist): a zero timeout never blocks, so nothing waits for the
# pending work first.
import micropython
import select

f = open(__file__)
p = select.poll()
p.register(f, select.POLLIN)
n = 0


def again(_):
    global n
    n += 1
    if n < 5:
        micropython.schedule(again, None)


micropython.schedule(again, None)
print([ev for _, ev in p.poll(0)])
print([ev for _, ev in p.poll(0)])
print(n)
f.close()
