# An exception raised while handling another shows both, with context.
def cleanup():
    raise RuntimeError("cleanup failed")


try:
    {}["missing"]
except KeyError:
    cleanup()
