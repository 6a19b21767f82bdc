value = 1


def get_value():
    return value
