x = 10
print(x // 2)
print(x % 0)
