class MyErr(Exception):
    pass


try:
    1 // 0
except ZeroDivisionError as e:
    raise MyErr("final") from e
