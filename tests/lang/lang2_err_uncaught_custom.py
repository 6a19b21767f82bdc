class AppError(Exception):
    pass
print("x")
raise AppError("bad thing", 3)
