# Text processing with ord/chr/join: a Caesar/ROT13 pass, hex and base64
# encoders written by hand, run-length encoding, character classes via
# ord ranges, and a word-frequency table of the decoded text.
from benchlib import measure, Lcg

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def rot13(s):
    out = []
    for ch in s:
        o = ord(ch)
        if 97 <= o <= 122:
            out.append(chr((o - 97 + 13) % 26 + 97))
        elif 65 <= o <= 90:
            out.append(chr((o - 65 + 13) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


def to_hex(s):
    return "".join("%02x" % ord(ch) for ch in s)


def b64(s):
    codes = [ord(ch) for ch in s]
    out = []
    for i in range(0, len(codes) - 2, 3):
        n = (codes[i] << 16) | (codes[i + 1] << 8) | codes[i + 2]
        out.append(B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63])
    return "".join(out)


def rle(s):
    out = []
    i = 0
    n = len(s)
    while i < n:
        j = i
        while j < n and s[j] == s[i]:
            j += 1
        out.append(s[i] + str(j - i) if j - i > 1 else s[i])
        i = j
    return "".join(out)


def classes(s):
    upper = lower = digit = other = 0
    for ch in s:
        o = ord(ch)
        if 65 <= o <= 90:
            upper += 1
        elif 97 <= o <= 122:
            lower += 1
        elif 48 <= o <= 57:
            digit += 1
        else:
            other += 1
    return upper, lower, digit, other


def run():
    rng = Lcg(3)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789  ..éü"
    text = "".join(alphabet[rng.below(len(alphabet))] for _ in range(200000))
    r = rot13(rot13(text))
    if r != text:
        return "rot13 round trip failed"
    h = to_hex(text[:60000])
    e = b64(rot13(text[:90000]))
    runs = rle(text.replace(" ", "  "))
    words = {}
    for w in rot13(text).split():
        words[w[:2]] = words.get(w[:2], 0) + 1
    return len(h), h[-8:], len(e), e[:12], len(runs), classes(text), len(words)


measure(run, (120000, '4372e946', 120000, 'bjHpU241dE9o', 207187, (38545, 100300, 38052, 23103), 325))
