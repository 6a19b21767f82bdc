/* libFuzzer target: re. The input is a pattern, a NUL byte and a text
 * (bytes read as Latin-1 code points, so both str paths, ASCII and not,
 * are reached). A pattern may be refused with ValueError (re.error);
 * once compiled, search, match, fullmatch, findall, sub and split must
 * not fail, and a match must agree with the text it claims (an
 * AssertionError otherwise). No input may take exponential time: the
 * matcher's step budget (modules/re_exec.c) bounds it, and libFuzzer's
 * -timeout catches it if not. Back-references are the documented
 * exception (docs/modules.md: matched without the memo, exponential as in
 * CPython), so with one in the pattern the text is cut to 10 characters. */
#include "fuzz.h"

static const char checks[] =
    "import re\n"
    "BACKREF = re.compile(r'\\\\[1-9]|\\(\\?P=')\n"
    "def text(b):\n"
    "    return ''.join([chr(c) for c in b])\n"
    "def check(data):\n"
    "    i = data.find(b'\\0')\n"
    "    pat, s = (data, b'') if i < 0 else (data[:i], data[i + 1:])\n"
    "    pat, s = text(pat), text(s)\n"
    "    if BACKREF.search(pat):\n"
    "        s = s[:10]\n"
    "    r = re.compile(pat)\n"
    "    try:\n"
    "        m = r.search(s)\n"
    "        if m:\n"
    "            if s[m.start():m.end()] != m.group(0) or m.span() != (m.start(), m.end()):\n"
    "                raise AssertionError('match %r at %r' % (m.group(0), m.span()))\n"
    "            for g in range(1, len(m.groups()) + 1):\n"
    "                if m.group(g) is not None and s[m.start(g):m.end(g)] != m.group(g):\n"
    "                    raise AssertionError('group %d' % g)\n"
    "        m = r.match(s)\n"
    "        if m and m.start() != 0:\n"
    "            raise AssertionError('match() starting at %d' % m.start())\n"
    "        m = r.fullmatch(s)\n"
    "        if m and m.span() != (0, len(s)):\n"
    "            raise AssertionError('fullmatch() spanning %r' % (m.span(),))\n"
    "        r.findall(s)\n"
    "        r.sub('<\\\\g<0>>', s)\n"
    "        r.split(s)\n"
    "    except (ValueError, IndexError) as e:\n"
    "        raise AssertionError('a compiled pattern failed: %r' % e)\n";

static const px_type *const allowed[] = {&px_type_ValueError, &px_type_MemoryError, &px_type_RecursionError, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_py_target(checks, allowed, data, size);
}
