# needs: float
# _thread: start_new_thread with args and kwargs, locks, get_ident,
# stack_size.
import _thread
import time

lock = _thread.allocate_lock()
print(lock.locked(), lock.acquire(), lock.locked())
print(lock.acquire(False), lock.acquire(True, 0.05))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)
with lock:
    print("in with", lock.locked())
print(lock.locked())

main_id = _thread.get_ident()
seen = []
gate = _thread.allocate_lock()
gate.acquire()


def worker(a, b, c=0):
    seen.append((a, b, c, _thread.get_ident() != main_id))
    gate.release()  # a lock can be released by another thread


_thread.start_new_thread(worker, (1, 2), {"c": 3})
print(gate.acquire(True, 5))  # the worker releases it
gate.release()
print(seen)

# a waiter blocked on a lock wakes when another thread releases it
order = []
l2 = _thread.allocate_lock()
l2.acquire()


def releaser():
    time.sleep(0.05)
    order.append("release")
    l2.release()


_thread.start_new_thread(releaser, ())
l2.acquire()
order.append("acquired")
print(order)

print(_thread.stack_size())
print(_thread.stack_size(256 * 1024))
print(_thread.stack_size(0))
done = []
_thread.start_new_thread(lambda: done.append(1), ())
while not done:
    time.sleep(0.01)
print(done)
try:
    _thread.start_new_thread(worker, [1, 2])
except TypeError:
    print("TypeError")
