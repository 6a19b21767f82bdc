# needs: bigint
# true division of ints is correctly rounded, even for big ints
print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 7 / -2, 0 / 5, -0 / 5, 2**53 / 1, (2**53 + 1) / 1)
print(10**30 / 7**20, 2**1000 / 3**500, (2**64 + 1) / 1, 3**200 / 2**300, 10**400 / 10**399)
print(1 / 2**1074, 5 / 2**1076, 3 / 2**1076, 1 / 2**1076, 2**1023 * 3 // 2 / 2**1023)
print((10**500 + 1) / 10**490, -(10**500) / 3**1000, 123456789 * 10**300 / 10**300)
print(2**1024 // 2 / 1, (2**1024 - 2**971) / 1)
try:
    (2**1024 - 2**970) / 1  # rounds up to 2**1024
except OverflowError as e:
    print("OverflowError", e)
for a, b in [(1, 10**400), (10**400, 10**399 + 1), (2**2000 + 1, 2**1990), (-(3**700), 5**300)]:
    print(a / b)
try:
    print(2**1024 / 1)
except OverflowError as e:
    print("OverflowError", e)
try:
    print(float(2**1024))
except OverflowError as e:
    print("OverflowError", e)
try:
    print(10**400 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(float(-(2**53 + 3)), float(2**53 + 1), float(10**22), float(10**23))
print(float(2**1024 - 2**971), float(2**1024 - 2**970 - 1))
