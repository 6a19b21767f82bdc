# needs: bigint
# exact comparisons between int, float and bool; hash consistency
big = 2**53 + 1
print(big == float(big), big > float(big), float(2**53) == 2**53, 2**53 + 1 > 2.0**53, 2**1000 < float("inf"))
print(10**400 > 1e308, -(10**400) < -1e308, 10**400 == float("inf"), 2**1024 > 1.7976931348623157e308)
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0, 3 >= 3.0, 3 <= 2.999999, 3 != 3.0000001)
print(2**64 == 2.0**64, 2**64 + 1 == 2.0**64, 2**64 - 1 < 2.0**64, -(2**64) - 1 < -(2.0**64))
nan = float("nan")
print(1 < nan, 1 > nan, 1 == nan, 1 != nan, 2**100 == nan, 2**100 != nan, nan in [nan], [nan] == [nan])
print(sorted([3, 1.5, True, -2, 2**70, -0.5, 2.0**70 + 2**30]))
print(max(1, 1.0), min(1.0, 1), max(2**80, 1e24), min(-(2**80), -1e24))
for a in [0, 1, -1, 2, 2**40, -(2**40), 2**60, 2**61 - 1, 2**61, 2**70, -(2**70), 10**30]:
    exact = a == float(a)
    print(exact, exact and hash(a) == hash(float(a)))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(-1) == hash(-1.0), hash(0.5) == hash(0.5), hash(1.5) != hash(2.5))
print(hash(7), hash(-7), hash(0), hash(-1), hash(123456789), hash(float("inf")), hash(-float("inf")))
d = {1: "int", 2.0: "float"}
d[1.0] = "one"
d[2] = "two"
d[True] = "true"
print(d, {2**70: 1}[2.0**70], {0.5: "h"}.get(0.5))
print(len({1, 1.0, True, 2, 2.0, 2**64, float(2**64)}))
