print("before")
def f():
    return missing_name
f()
