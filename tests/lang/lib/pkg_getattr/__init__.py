def __getattr__(name):
    if name.startswith("lazy"):
        return "lazy value"
    raise AttributeError(name)
