# A pystone-style workload: small procedures handing records to each other,
# module-level state, integer and one-character string arithmetic, and
# one- and two-dimensional arrays, in the proportions of classic
# "systems programming" integer benchmarks.
from benchlib import measure

KIND_A, KIND_B, KIND_C, KIND_D, KIND_E = range(5)


class Record:
    def __init__(self, link=None, kind=KIND_A, mode=KIND_C, number=0, text=""):
        self.link = link
        self.kind = kind
        self.mode = mode
        self.number = number
        self.text = text

    def copy(self):
        return Record(self.link, self.kind, self.mode, self.number, self.text)


total = 0
ready = False
char_a = "A"
char_b = "B"
row = [0] * 51
table = [[0] * 51 for _ in range(51)]
head = None


def next_kind(kind):
    if kind == KIND_A:
        return KIND_C
    if kind == KIND_B:
        return KIND_D
    if kind == KIND_C:
        return KIND_B
    return KIND_A if kind == KIND_E else KIND_E


def adjust(rec):
    global total
    other = rec.link
    other.number = rec.number + 3
    other.mode = next_kind(rec.mode)
    if other.kind == KIND_C:
        other.number += total
        other.kind = KIND_A
    else:
        other.kind = next_kind(other.kind)
    total = (total + other.number) % 100003
    return other


def bump(n):
    global ready
    ready = char_a == "A"
    k = n + 10
    while True:
        if char_a == "A":
            k -= 1
            n = k - 1 - total % 7
            if n < k:
                return n


def fill(idx, value):
    loc = idx + 5
    row[loc] = value
    row[loc + 1] = row[loc]
    row[loc + 30] = loc
    for i in range(loc, loc + 2):
        table[loc][i] = loc
    table[loc][loc - 1] += 1
    table[loc + 20][loc] = row[loc]


def chars_equal(a, b):
    return KIND_A if a != b else KIND_B


def strings_order(s1, s2):
    k = 2
    while k <= 2:
        if chars_equal(s1[k], s2[k + 1]) == KIND_A:
            k += 1
    if s1 > s2:
        return True
    return False


def one_round(i, rec):
    global char_a, char_b
    char_a = "A"
    char_b = "B"
    s1 = "DHRYSTONE PROGRAM, 1'ST STRING"
    s2 = "DHRYSTONE PROGRAM, 2'ND STRING"
    a = 2
    b = 3
    c = 5 * a - b
    if not strings_order(s1, s2):
        c = a + b
    while a < b:
        c = 5 * a - b
        a += 1
    fill(a, c)
    other = adjust(rec)
    for ch in "ABC":
        if ch == char_b:
            char_b = chr(ord(ch) + 1)
    n = bump(a * c)
    rec.number = (rec.number + n + other.number) % 65521
    return n + other.kind + (1 if ready else 0)


def run():
    global head, total
    total = 0
    head = Record(Record(None, KIND_A, KIND_C, 40, "SOME STRING"), KIND_A, KIND_C, 40, "FIRST STRING")
    head.link.link = head
    acc = 0
    for i in range(200000):
        rec = head if i % 2 == 0 else head.link
        acc = (acc + one_round(i, rec)) % 1000003
        if i % 1000 == 0:
            head = head.copy()
            head.link.link = head
    return acc, total, sum(row), table[27][26]


measure(run, (600496, 99507, 22, 0))
