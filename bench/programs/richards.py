# A richards-style operating-system simulation: a scheduler runs a
# priority-ordered list of tasks (an idle task, workers, handlers and
# devices) that pass packets to each other, hold, wait and wake up.
from benchlib import measure

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
NTASKS = 6
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = queue is None
        self.has_packet = queue is not None
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self
        self.state = state

    def runnable(self):
        return not self.held and (self.has_packet or not self.waiting) and not (self.waiting and not self.has_packet)

    def take_packet(self):
        p = self.queue
        self.queue = p.link
        self.has_packet = self.queue is not None
        self.waiting = False
        return p

    def receive(self, packet, current):
        if self.queue is None:
            self.queue = packet
            self.has_packet = True
            self.waiting = False
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * NTASKS
        self.current = None
        self.holds = 0
        self.queued = 0

    def run(self):
        t = self.tasks
        while t is not None:
            if t.held or (t.waiting and not t.has_packet):
                t = t.link
                continue
            packet = t.take_packet() if t.has_packet else None
            self.current = t
            nxt = t.step(packet)
            t = nxt

    def hold_self(self):
        self.holds += 1
        self.current.held = True
        return self.current.link

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def wait(self):
        self.current.waiting = True
        return self.current

    def send(self, packet, ident):
        self.queued += 1
        packet.link = None
        packet.ident = self.current.ident
        return self.table[ident].receive(packet, self.current)


class IdleTask(Task):
    def __init__(self, sched, count):
        Task.__init__(self, sched, IDLE, 0, None, None)
        self.waiting = False
        self.control = 1
        self.count = count

    def step(self, packet):
        s = self.sched
        self.count -= 1
        if self.count == 0:
            return s.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return s.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, queue):
        Task.__init__(self, sched, WORKER, 1000, queue, None)
        self.dest = HANDLER_A
        self.letter = 0

    def step(self, packet):
        s = self.sched
        if packet is None:
            return s.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.ident = self.dest
        packet.datum = 0
        for i in range(BUFSIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            packet.data[i] = self.letter
        return s.send(packet, self.dest)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, None)
        self.work = None
        self.devices = None

    def step(self, packet):
        s = self.sched
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            i = work.datum
            if i >= BUFSIZE:
                self.work = work.link
                return s.send(work, WORKER)
            if self.devices is not None:
                dev = self.devices
                self.devices = dev.link
                dev.datum = work.data[i]
                work.datum = i + 1
                return s.send(dev, dev.ident)
        return s.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None, None)
        self.pending = None

    def step(self, packet):
        s = self.sched
        if packet is None:
            if self.pending is None:
                return s.wait()
            p = self.pending
            self.pending = None
            return s.send(p, HANDLER_A if self.ident == DEVICE_A else HANDLER_B)
        self.pending = packet
        return s.hold_self()


def simulate(count):
    s = Scheduler()
    IdleTask(s, count)
    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    WorkerTask(s, q)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.run()
    return s.queued, s.holds


def run():
    out = []
    for _ in range(10):
        out.append(simulate(10000))
    return out[0], len(set(out))


measure(run, ((22560, 9027), 1))
