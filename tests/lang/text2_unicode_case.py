# needs: unicode
# Case mapping and character classes over all of Unicode (compared with CPython).
samples = [
    "straße", "ﬁnance", "ǅungla", "ǆ", "Ǆ", "İstanbul", "ı", "ŉ", "ΐ", "ᾳ", "ᾼ",
    "ΌΣΟΣ", "ΣΑΣ ΣΑΣ.", "Σ", "aΣ", "aΣb", "a'Σ", "aΣ'", "aΣ'b", "ΑΣ.Α", "ΑΣ́",
    "Ꭰꭰ", "ⓐⒶ", "ꙁꙀ", "ⴀႠ", "𐐨𐐀", "𞤢𞤀", "ǰ", "ẞ", "Ωω", "µ", "ſ", "K", "Å",
    "hello WORLD", "ǈ", "ᏸ", "ſt", "ﬀ", "ﬆ", "ŉ", "ǰ", "ẖẗẘẙẚ", "ὐὒὔὖ", "ᾀᾈ", "ῼ",
    "Ⅻ ⅻ", "ⓩ", "𝐀", "ꞵꞴ", "ɐɑɒ", "ʇ", "ꟶ", "ᲀ", "Ა",
]
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.casefold()),
          repr(s.title()), repr(s.capitalize()), repr(s.swapcase()))
    print(' ', s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isalnum(), s.isidentifier())

# Every code point in a few ranges, summarised (sums, not sets).
def summary(lo, hi):
    acc = [0] * 14
    for cp in range(lo, hi):
        c = chr(cp)
        acc[0] += c.isalpha()
        acc[1] += c.isdecimal()
        acc[2] += c.isdigit()
        acc[3] += c.isnumeric()
        acc[4] += c.isspace()
        acc[5] += c.islower()
        acc[6] += c.isupper()
        acc[7] += c.istitle()
        acc[8] += c.isprintable()
        acc[9] += c.isidentifier()
        acc[10] += sum(map(ord, c.upper())) - cp
        acc[11] += sum(map(ord, c.lower())) - cp
        acc[12] += sum(map(ord, c.title())) + 3 * len(c.casefold())
        acc[13] += c.isalnum()
    return acc

for lo, hi in [(0, 0x100), (0x100, 0x600), (0x600, 0x1000), (0x1000, 0x2000), (0x2000, 0x3000),
               (0x3000, 0xA000), (0xA000, 0xD800), (0xE000, 0x10000), (0x10000, 0x20000),
               (0x20000, 0x40000), (0xE0000, 0xE0200)]:
    print(hex(lo), summary(lo, hi))

print([c for c in "0١۲३৪੫૬୭௮౯" if c.isdecimal()])
print("²³¹½⅓".isdigit(), "²³¹".isdigit(), "½⅓".isnumeric(), "一二三".isnumeric(), "Ⅻ".isnumeric())
print("\u2028\u2029\x1c\x85\xa0\u3000".isspace(), "\u200b".isspace())
print("αβγ".isidentifier(), "℘x".isidentifier(), "x·".isidentifier(), "·x".isidentifier(), "1x".isidentifier())
print("\u0378".isprintable(), "\xad".isprintable(), "\u00e9".isprintable(), "\U0001F600".isprintable())
