# needs: unicode
# re: split, findall and finditer, with groups and empty matches
import re

print(re.split(r",", "a,b,,c"), re.split(r"\s*;\s*", "x ; y;z  ;"))
print(re.split(r"(,)", "a,b,c"), re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r",", "a,b,c", maxsplit=1), re.split(r",", "a,b,c", 2), re.split(",", "a,b", -1))
print(re.split("x*", "axbc"), re.split(r"\b", "ab cd"), re.split("", "abc"), re.split("(?=b)", "abab"))
print(re.split("[\r\n]", "line1\rline2\nline3\r\n"))
print(re.split(r"\d", ""), re.split(r"\d", "1"), re.split(r"(\d)?x", "1xx"))
print(re.compile(r"\W+").split("Words, words, words."))
print(re.compile(r"\W+").split("Words, words, words.", 1))
print(re.split(b"-", b"a-b-c"))

print(re.findall(r"\d+", "12 apples and 3 pears"), re.findall(r"(\d+) (\w+)", "12 apples and 3 pears"))
print(re.findall(r"(a)|b", "ab"), re.findall(r"x*", "axxb"), re.findall("", "ab"), re.findall("|a", "a"))
print(re.findall(r"\w+", "héllo wörld"), re.findall(b"[a-z]+", b"ab12cd"))
print(re.findall(r"(?i)the", "The other THE"), re.findall(r"^\w", "ab\ncd\nef", re.M))
it = re.finditer(r"\d+", "a1bb22ccc333")
print(type(it).__name__, [(m.group(), m.span()) for m in it])
print([m.span() for m in re.finditer(r"x*", "axxb")])
print([m.group(1) for m in re.finditer(r"(\w)=", "a=1 b=2")])
print(list(re.finditer("z", "abc")))
