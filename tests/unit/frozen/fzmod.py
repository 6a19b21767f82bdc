# A frozen module of the core-alone unit test (test_core_alone.c).
VALUE = "fz\u00e9 \\ \"q\" ??="


def fail():
    raise ValueError("from a frozen module")
