# needs: bigint
# ** and pow() with and without a modulus
print(2**10, 2**0, 0**0, (-2)**3, (-2)**4, 10**18, 7**50)
print(2**-1, 4**-2, (-2)**-3, 10**-5)
print(pow(2, 10), pow(3, 4, 5), pow(2, 100, 10**9 + 7), pow(-3, 3, 7), pow(3, 3, -7), pow(0, 0, 1))
print(pow(3, -1, 7), pow(5, -2, 13), pow(38, -1, 97), pow(2, -1, -7))
print(pow(12345678901234567890, 98765, 10**20 + 39))
print(pow(2**200 + 1, 2**100 + 3, 3**90 + 2))
print(1**10**6 == 1, (-1)**(10**6 + 1), 0**100)
print(2.0**10, 2**0.5, 4**0.5, 1.5**2)
for args in [(0, -1), (2, 3, 0), (2, -1, 4), (2.0, 3, 5), (0.0, -1)]:
    try:
        print(pow(*args))
    except Exception as e:
        print(type(e).__name__, e)
try:
    print(10.0**400)
except OverflowError as e:
    print("OverflowError", e)
x = 3
x **= 4
print(x, pow(base=2, exp=5), pow(2, exp=5, mod=3))
print(2**64, -2**64, (-2)**63, 2**63 - 1)
