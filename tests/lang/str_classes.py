# needs: unicode
# character classes beyond ASCII: digits, decimals, numerics, letters, spaces, printables
samples = ["123", "١٢٣", "５", "²", "½", "Ⅻ", "一二三", "abc", "Ωμέγα", "日本", "\u00a0", "\u2003", "\u3000",
           "a\u200bb", "é", "x²", "Ⅻ1", "", " \t", "\x1c", "\x85"]
for s in samples:
    print(ascii(s), s.isdecimal(), s.isdigit(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(), s.isprintable(),
          s.isidentifier())
print("Straße".upper(), "Straße".lower(), "straße".capitalize(), "ß".title(), "Straße".casefold(), "ΣΑΣ".lower(), "Σ".lower())
print("ΌΣΟΣ ΣΑΣ.".lower(), "ǅ".isupper(), "ǅ".istitle(), "ÿ".upper(), "ŸÀ".lower(), "Ǆ".lower())
