# re: lookahead and fixed-width lookbehind
import re

print(re.findall(r"\w+(?=,)", "a, b c, d"), re.findall(r"\w+(?!,)\b", "a, b c, d"))
print(re.findall(r"(?<=\$)\d+", "cost $12 or 15 or $7"), re.findall(r"(?<!\$)\b\d+", "cost $12 or 15 or $7"))
print(re.match(r"(?=(\w+))\w", "abc").groups(), re.search(r"(?<=(a))b", "ab").groups())
print(re.search(r"(?<=ab|cd)x", "cdx").span(), re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.match(r"(?!abc)\w+", "abd").group(), re.match(r"(?!abc)\w+", "abc"))
print(re.findall(r"(?<=é)\w", "éa éb xc"), re.search(r"(?<=..)x", "abx").span(), re.search(r"(?<=..)x", "ax"))
print(re.match(r"(?=a)(?=.b)ab", "ab").group(), re.match(r"a(?=b)", "ab").span())
try:
    re.compile(r"(?<=a+)b")
except re.error as e:
    print("error", e)

# atomic groups and possessive quantifiers (Python 3.11)
print(re.match("a*+a", "aaa"), re.match("a*+b", "aab").group(), re.match("(?>a|ab)c", "abc"))
print(re.match("(?>ab|a)c", "abc").group(), re.findall(r"\d++", "a12b3"), re.match("(?>(a+))b", "aab").groups())
print(re.match("a?+a", "a"), re.match("a{1,2}+a", "aaa").group(), re.match(r"(?>\w+)\s", "ab c").group())
