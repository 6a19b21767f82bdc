#!/usr/bin/env python3
"""Compressed error text (PX_ERROR_TEXT 2, docs/ports.md): the messages of
the core's raisers packed with a dictionary of frequent words, and expanded
to the same text when an exception is raised.

Usage: gen_errtext.py OUT_H OUT_C SOURCE.c...

Reads the message literals passed to the raisers of src/core/error.h in
the given C files (the same reading tests/mcu/sizes.py does to count
them) and writes
- OUT_H: px_errtext_pack(s), an always-inline function that maps each
  message to its packed form; the raisers' macros in error.h apply it to
  a literal, and the compiler folds the comparisons of two constant
  strings, so a call site keeps only the packed literal;
- OUT_C: px_errtext_words, the dictionary, and PX_ERRTEXT_MAX.

A packed message is "\\001" then bytes: 0x80 + i stands for word i of the
dictionary (i < 128), 0x01 to 0x1f for words 128 to 158 (messages are
printable ASCII, so those bytes are free), any other byte for itself. Only ASCII messages that get
shorter are packed; the rest stay as they are, and so does any format a
raiser is given that is not a literal of the table (a raiser expands only
what starts with "\\001", which no message does)."""
import codecs
import collections
import os
import re
import sys

# the C literal writer of the names table (run by meson as a script, or
# loaded by path from tests/mcu/sizes.py: its folder is not on the path)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_names import c_string  # noqa: E402

# the raisers of core/error.h, the macros built on px_raise_msg, and the
# formatters of the compiler's and re's messages, which take the same macro
RAISERS = re.compile(r"\b(px_raise_(msg|type_error|value_error|index_error|zero_division|overflow|os_error)"
                     r"|px_struct_error|binascii_error|re_error|px_perr_tok|px_perr_node|px_ast_error"
                     r"|px_lex_error_at|error_at_pos|px_cg_error)\s*\(")
# C source as tokens: string and character literals, comments, blanks,
# and any other character alone
C_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|/\*.*?\*/|//[^\n]*|\s+|.', re.S)
MARK = 1          # the first byte of a packed message
CODES = list(range(0x80, 0x100)) + list(range(0x01, 0x20))  # word i is CODES[i]
WORDS = len(CODES)


def raise_messages(paths):
    """The bytes of every string literal passed to a raiser in the C files
    (adjacent literals joined, escapes decoded)."""
    msgs = set()
    for path in paths:
        text = open(path, encoding="utf-8", errors="replace").read()
        for m in RAISERS.finditer(text):
            depth, cur = 1, None
            for tok in C_TOKEN.finditer(text, m.end()):
                t = tok.group()
                if t.startswith('"'):
                    cur = (cur or b"") + codecs.escape_decode(t[1:-1].encode("utf-8"))[0]
                    continue
                if t.isspace() or t.startswith("/*") or t.startswith("//"):
                    continue
                if cur:
                    msgs.add(cur)
                cur = None
                depth += (t == "(") - (t == ")")
                if depth == 0:
                    break
    return msgs


def packable(m):
    return all(0x20 <= b < 0x7f for b in m)


def choose_words(msgs):
    """Up to WORDS dictionary words, each chosen for the bytes it saves
    over the messages as they are packed so far (a word is letters with
    the blank before it or not, or two of them)."""
    texts = [m.decode("ascii") for m in msgs]
    words = []
    starts = re.compile(r"(?= ?[A-Za-z%'(])")
    runs = [re.compile(r"(?: ?[A-Za-z_%'()]+){" + str(k) + "}") for k in (1, 2)]
    for _ in range(WORDS):
        count = collections.Counter()
        for t in texts:
            # the parts not yet replaced (replaced words are \0-delimited codes)
            for part in re.split(r"\0\d+\0", t):
                for m in starts.finditer(part):
                    for run in runs:
                        w = run.match(part, m.start())
                        if w and len(w.group()) > 2:
                            count[w.group()] += 1
        best, gain = None, 0
        for w, n in count.items():
            g = n * (len(w) - 1) - (len(w) + 1)
            if g > gain:
                best, gain = w, g
        if best is None:
            break
        code = "\0%d\0" % len(words)
        words.append(best)
        texts = [t.replace(best, code) for t in texts]
    return words, texts


def packed(text):
    """The bytes of one message as choose_words left it."""
    out = bytearray([MARK])
    for i, part in enumerate(re.split(r"\0(\d+)\0", text)):
        if i % 2:
            out.append(CODES[int(part)])
        else:
            out += part.encode("ascii")
    return bytes(out)


def expand(data, words):
    out = bytearray()
    for b in data[1:]:
        out += words[CODES.index(b)].encode("ascii") if b in CODES else bytes([b])
    return bytes(out)


def write_if_changed(path, text):
    if os.path.exists(path) and open(path).read() == text:
        return
    with open(path, "w") as f:
        f.write(text)


def main():
    out_h, out_c = sys.argv[1], sys.argv[2]
    sources = [p for p in sys.argv[3:] if p.endswith(".c")]
    msgs = sorted(m for m in raise_messages(sources) if packable(m))
    words, texts = choose_words(msgs)
    table = []
    for m, t in zip(msgs, texts):
        p = packed(t)
        assert expand(p, words) == m, m
        if len(p) < len(m):
            table.append((m, p))
    longest = max(len(m) for m in msgs) if msgs else 0
    h = ["/* Generated by tools/gen_errtext.py from the raisers' messages: do not edit. */",
         "#ifndef PX_ERRTEXT_H", "#define PX_ERRTEXT_H", "",
         "/* The packed form of a message of the table, any other string as it is.",
         " * Always inline, so the comparisons of two constants fold away. */",
         "static inline __attribute__((always_inline)) const char *px_errtext_pack(const char *s) {",
         "    if (s == 0) {", "        return s;", "    }"]
    for m, p in table:
        h.append(f"    if (__builtin_strcmp(s, {c_string(m)}) == 0) {{")
        h.append(f"        return {c_string(p)};")
        h.append("    }")
    h += ["    return s;", "}", "", "#endif", ""]
    c = ["/* Generated by tools/gen_errtext.py: the words of packed error text. */",
         '#include "core/errtext.h"', "",
         f"/* {len(table)} messages packed, {sum(len(m) + 1 for m, _ in table)} bytes to "
         f"{sum(len(p) + 1 for _, p in table)} */",
         f"const char px_errtext_words[] = {c_string(''.join(w + chr(0) for w in words).encode())};",
         f"_Static_assert(PX_ERRTEXT_MAX > {longest}, \"PX_ERRTEXT_MAX (core/errtext.h) is below the longest message\");",
         ""]
    write_if_changed(out_h, "\n".join(h))
    write_if_changed(out_c, "\n".join(c))


if __name__ == "__main__":
    main()
