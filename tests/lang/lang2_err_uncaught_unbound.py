def f():
    total += 1
    return total
print("start")
f()
