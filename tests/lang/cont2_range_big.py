# needs: bigint
# range with bounds beyond a machine int (generic int arithmetic path).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
big = range(0, 2**64, 2**35)
print(big, len(big), big[-1], big[5], big[-3:], big[::-2**20], 2**63 in big, 2**63 + 1 in big, big.index(2**40), big.count(2**40), big.count(3))
print(2**63 in range(2**64), range(2**65)[2**64], range(-2**65, 0)[-1], range(2**64).stop, bool(range(2**64, 0)), bool(range(2**70)))
t(lambda: len(range(2**64)))
t(lambda: range(2**64)[2**64])
t(lambda: range(2**64).index(-1))
print(list(range(2**64, 2**64 + 3)), list(reversed(range(2**64, 2**64 + 5, 2))), list(range(2**70, 2**70 - 3, -1)))
print(range(0, 2**70, 2**70) == range(1), hash(range(0, 2**70, 2**70)) == hash(range(1)), range(2**70) == range(2**70), range(2**70) != range(2**71))
print(hash(range(2**70)) == hash(range(0, 2**70)), range(2**64)[2**63:2**63 + 2], range(10)[2**70:], range(10)[-2**70:2], list(range(2**70)[:3]))
it = iter(range(2**64 - 2, 2**64 + 1))
print(type(it).__name__, list(it), range(2**64, 2**64 + 4).start, range(5, 2**64, 3).step)
x = 0
for i in range(2**63 - 2, 2**63 + 2):
    x += i
print(x, sum(range(2**62, 2**62 + 10)), max(range(2**62, 2**62 + 10)))
print(1.0 in range(2**64), range(-2**64, 2**64)[2**64], range(2**64)[-1], range(-5, 2**100, 2**90)[3], len(range(-2**40, 2**40, 2**20)))
try:
    len(range(-2**62, 2**62))
except OverflowError as e:
    print("OverflowError", e)
