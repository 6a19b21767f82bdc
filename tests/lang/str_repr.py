# needs: unicode
# repr of str: quote choice and escapes
tests = ["", "abc", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "nl\nx",
         "cr\rx", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad", "é ü ñ", "日本語", "\u2028\u200b",
         "\U0001f600", "\ue000", "\U000e0001", "\xff", "\u0100", "a'b\"c"]
for t in tests:
    print(repr(t))
print(ascii("héllo"), ascii("日本"), ascii("\U0001f600"), ascii("plain"), ascii("\n"))
print(str("x"), str(), str(123), str(1.5), str(None), str(True), str([1, "a"]), str(b"ab"))
print(repr(["a'", 'b"']), str(("x",)), repr({"k": "v"}))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"abc", encoding="ascii"), str(object="q"))
print(repr("\u0378\u0377\u05ff\u0600\u0e00\u0e01"), repr("\U00030000\U00050000\U000e0100\U0001f9ff\U0001fb93"))
print("\u0378".isprintable(), "\u0377".isprintable(), "\U000e0100".isprintable())
