# Truncated escapes in literals: SyntaxError with the codec's wording.
for src in ["'\\x4'", "'\\x'", "'ab\\x4g'", "'\\u12'", "'\\u12345'[0]", "'\\U0001F6'",
            "b'\\x4'", "b'\\xg0'", "'\\x41\\u0042'"]:
    try:
        print(repr(eval(src)))
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
