# re: malformed patterns raise re.error with CPython's message
import re

for pat in ["(", "(a", "a)", ")", "[a", "[", "*a", "a**", "a*+", "+", "?", "a{2,1}", "x{1}{2}",
            "(?P<1a>x)", "(?P<a>x)(?P<a>y)", "(?P=zz)", r"\1", r"(a)\2", "(?z)", r"\q", r"[\q]", r"\x4",
            "[z-a]", r"[\d-z]", "a|*", "(?P<a", "(?#comment", r"(a)(?P=a", "^*", r"\b+", "a(?i)b", "\\"]:
    try:
        re.compile(pat)
        print(repr(pat), "compiled")
    except re.error as e:
        print(repr(pat), e)
print(re.compile("a{,}").match("aaa").group(), re.compile("(?#c)x").match("x").group())
