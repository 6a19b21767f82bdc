#!/usr/bin/env python3
"""Generate src/objects/unicode_db.c: character properties and case mapping
for str methods, taken from the running python3 (its str methods and
unicodedata are the reference we match).

Not run at build time; run it by hand when moving to a newer Unicode:
    python3 tools/gen_unicode.py > src/objects/unicode_db.c

Layout (see str_case.h for the reader):
  - every code point below LIMIT maps to a small record number through a
    three-level table (top: the code point's high bits give where its
    middle block starts, the middle block where its leaf block starts, the
    leaf its record number); equal blocks are stored once, and a block may
    start inside the blocks before it where they end with its beginning
    (overlapped), which is why the upper levels hold offsets, not block
    numbers; from LIMIT to ASTRAL_END (the ideographs of planes 2 and 3,
    no case, a few dozen runs of one record) a sorted list of runs, each
    the first code point and its record number, searched by bisection;
    code points at or above ASTRAL_END are unassigned, private use or
    tags, except the variation selectors, which are handled in C;
  - a record holds property flags and the simple upper/lower deltas;
  - code points whose upper/lower/title/casefold differ from the simple
    deltas (one char expanding to several, titlecase != uppercase, folding
    != lowercase) have the SPECIAL flag and are looked up by bisection in
    a sorted table giving all four mappings.
"""
import sys
import unicodedata

LIMIT = 0x20000
ASTRAL_END = 0x40000
SHIFT_LEAF = 4  # leaf blocks of 16 code points
SHIFT_MID = 4   # middle blocks of 16 leaf numbers

FLAGS = [
    "ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "LOWER", "UPPER", "TITLE",
    "PRINTABLE", "ID_START", "ID_CONTINUE", "CASE_IGNORABLE", "SPECIAL",
]
BIT = {name: 1 << i for i, name in enumerate(FLAGS)}


def is_cased(c):
    return c.islower() or c.isupper() or unicodedata.category(c) == "Lt"


def case_ignorable(c):
    # Observed through CPython's final-sigma rule, which skips
    # case-ignorable characters on both sides of a capital sigma.
    if is_cased(c):
        return ("A\u03a3" + c).lower()[1] == "\u03c2"
    return ("A" + c + "\u03a3").lower()[-1] == "\u03c2"


def props(cp):
    c = chr(cp)
    f = 0
    tests = [
        ("ALPHA", c.isalpha()), ("DECIMAL", c.isdecimal()), ("DIGIT", c.isdigit()),
        ("NUMERIC", c.isnumeric()), ("SPACE", c.isspace()), ("LOWER", c.islower()),
        ("UPPER", c.isupper()), ("TITLE", unicodedata.category(c) == "Lt"),
        ("PRINTABLE", c.isprintable()), ("ID_START", c.isidentifier()),
        ("ID_CONTINUE", ("a" + c).isidentifier()),
    ]
    for name, ok in tests:
        if ok:
            f |= BIT[name]
    if 0xD800 <= cp < 0xE000:
        return f, (c, c, c, c)
    if unicodedata.category(c) in ("Cn", "Co"):
        return f, (c, c, c, c)
    if case_ignorable(c):
        f |= BIT["CASE_IGNORABLE"]
    # lower() of a lone capital sigma is the plain small sigma: no context.
    return f, (c.lower(), c.upper(), c.title(), c.casefold())


def dedupe_blocks(seq, size):
    blocks, index = {}, []
    for i in range(0, len(seq), size):
        index.append(blocks.setdefault(tuple(seq[i:i + size]), len(blocks)))
    return list(blocks), index


def overlap_blocks(blocks):
    """Lay the blocks out in one array, each starting where it is already
    there in full or where the array's end matches its beginning: (array,
    the offset of each block)."""
    flat, offsets = [], []
    for b in blocks:
        b, n, at = list(b), len(b), -1
        for i in range(len(flat) - n + 1):
            if flat[i:i + n] == b:
                at = i
                break
        if at < 0:
            k = n - 1
            while k and flat[len(flat) - k:] != b[:k]:
                k -= 1
            at = len(flat) - k
            flat += b[k:]
        offsets.append(at)
    return flat, offsets


def c_array(out, ctype, name, values, per_line=16, fmt=str):
    out.append("static const %s %s[%d] = {" % (ctype, name, len(values)))
    for i in range(0, len(values), per_line):
        out.append("    " + ", ".join(fmt(v) for v in values[i:i + per_line]) + ",")
    out.append("};")


def main():
    records, rec_of = {}, []
    specials = []
    for cp in range(LIMIT):
        f, (lo, up, ti, fo) = props(cp)
        simple = all(len(s) == 1 for s in (lo, up, ti, fo)) and ti == up and fo == lo
        if simple:
            rec = (f, ord(up) - cp, ord(lo) - cp)
        else:
            assert max(len(lo), len(up), len(ti), len(fo)) <= 3  # px_cp_case's buffer
            rec = (f | BIT["SPECIAL"], 0, 0)
            specials.append((cp, lo, up, ti, fo))
        rec_of.append(records.setdefault(rec, len(records)))
    # From LIMIT to ASTRAL_END: runs of one record, no case mappings.
    astral = []
    for cp in range(LIMIT, ASTRAL_END):
        f, maps = props(cp)
        assert all(m == chr(cp) for m in maps), hex(cp)
        rec = records.setdefault((f, 0, 0), len(records))
        if not astral or astral[-1][1] != rec:
            astral.append((cp, rec))
    # Beyond ASTRAL_END the C reader assumes: nothing but the variation selectors.
    for cp in range(ASTRAL_END, 0x110000):
        f, maps = props(cp)
        want = 0
        if 0xE0100 <= cp <= 0xE01EF:
            want = BIT["PRINTABLE"] | BIT["ID_CONTINUE"] | BIT["CASE_IGNORABLE"]
        elif cp == 0xE0001 or 0xE0020 <= cp <= 0xE007F:
            want = BIT["CASE_IGNORABLE"]
        assert f == want, hex(cp)
        assert all(m == chr(cp) for m in maps), hex(cp)
    assert len(records) < 256

    leaves, leaf_index = dedupe_blocks(rec_of, 1 << SHIFT_LEAF)
    flat_leaf, leaf_at = overlap_blocks(leaves)
    mids, mid_index = dedupe_blocks([leaf_at[i] for i in leaf_index], 1 << SHIFT_MID)
    flat_mid, mid_at = overlap_blocks(mids)
    top = [mid_at[i] for i in mid_index]
    assert len(flat_leaf) < 65536 and len(flat_mid) < 65536  # stored as uint16_t
    # the reader below, run over every code point it serves
    for cp in range(LIMIT):
        leaf = flat_mid[top[cp >> (SHIFT_LEAF + SHIFT_MID)] + ((cp >> SHIFT_LEAF) & ((1 << SHIFT_MID) - 1))]
        assert flat_leaf[leaf + (cp & ((1 << SHIFT_LEAF) - 1))] == rec_of[cp], hex(cp)
    for cp in range(LIMIT, ASTRAL_END):
        lo, hi = 0, len(astral)
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if astral[mid][0] <= cp:
                lo = mid
            else:
                hi = mid
        assert astral[lo][1] == records[(props(cp)[0], 0, 0)], hex(cp)

    # Expansion strings: each one stored once as (length, code points...);
    # a code point that maps to itself has SAME instead (the reader then
    # takes the record's deltas, which are 0 for a SPECIAL record).
    ext, ext_at = [], {}
    SAME = 0xFFFF

    def ext_off(s, cp):
        if s == chr(cp):
            return SAME
        if s not in ext_at:
            ext_at[s] = len(ext)
            ext.append(len(s))
            ext.extend(ord(ch) for ch in s)
        return ext_at[s]

    special_rows = [(cp, ext_off(lo, cp), ext_off(up, cp), ext_off(ti, cp), ext_off(fo, cp))
                    for cp, lo, up, ti, fo in specials]
    assert all(r[1:] == (0, 0) for r in records if r[0] & BIT["SPECIAL"])
    assert all(cp < 0x10000 for cp, *_ in special_rows)  # uc_special's cp is uint16_t
    assert len(ext) < SAME and max(ext) < 0x10000  # stored as uint16_t

    out = []
    out.append("/* Generated by tools/gen_unicode.py from Python %s (Unicode %s). Do not edit. */"
               % (sys.version.split()[0], unicodedata.unidata_version))
    out.append('#include "str_case.h"')
    out.append("")
    out.append("#if PX_HAS_UNICODE_TABLES")
    out.append("")
    out.append("const char px_uc_version[] = \"%s\";" % unicodedata.unidata_version)
    out.append("")
    out.append("/* Top level: code point >> %d -> where its middle block starts in uc_mid. */"
               % (SHIFT_LEAF + SHIFT_MID))
    c_array(out, "uint16_t", "uc_top", top, 16)
    out.append("/* Middle blocks of %d: where each leaf block starts in uc_leaf (overlapped). */"
               % (1 << SHIFT_MID))
    c_array(out, "uint16_t", "uc_mid", flat_mid, 16)
    out.append("/* Leaf blocks of %d record numbers (overlapped). */" % (1 << SHIFT_LEAF))
    c_array(out, "uint8_t", "uc_leaf", flat_leaf, 24)
    out.append("/* 0x%X to 0x%X: runs of one record, (first code point << 8) | record. */"
               % (LIMIT, ASTRAL_END - 1))
    c_array(out, "uint32_t", "uc_astral", [(cp << 8) | r for cp, r in astral], 6, lambda v: "0x%08X" % v)
    out.append("")
    out.append("const px_uc_record px_uc_records[%d] = {" % len(records))
    for (f, du, dl) in records:
        out.append("    {0x%04X, %d, %d}," % (f, du, dl))
    out.append("};")
    out.append("")
    out.append("/* Case expansions: a length followed by that many code points. */")
    c_array(out, "uint16_t", "uc_ext", ext, 12, lambda v: "0x%X" % v)
    out.append("")
    out.append("/* Code points with the SPECIAL flag, sorted: offsets into uc_ext of")
    out.append(" * their lower, upper, title and casefold mappings; 0xFFFF: the code point")
    out.append(" * itself. */")
    out.append("static const struct { uint16_t cp; uint16_t map[4]; } uc_special[%d] = {" % len(special_rows))
    for cp, a, b, c, d in special_rows:
        out.append("    {0x%04X, {%d, %d, %d, %d}}," % (cp, a, b, c, d))
    out.append("};")
    out.append("")
    out.append("""const px_uc_record *px_uc_lookup(uint32_t cp) {
    if (cp >= 0x%X) {
        if (cp < 0x%X) {
            /* the run holding cp: the last one starting at or before it */
            size_t lo = 0, hi = sizeof uc_astral / sizeof uc_astral[0];
            while (hi - lo > 1) {
                size_t mid = (lo + hi) / 2;
                if (uc_astral[mid] >> 8 <= cp) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return &px_uc_records[uc_astral[lo] & 0xFF];
        }
        /* Only tags and variation selectors are not unassigned or private here. */
        static const px_uc_record selector = {PX_UC_PRINTABLE | PX_UC_ID_CONTINUE | PX_UC_CASE_IGNORABLE, 0, 0};
        static const px_uc_record tag = {PX_UC_CASE_IGNORABLE, 0, 0};
        if (cp >= 0xE0100 && cp <= 0xE01EF) {
            return &selector;
        }
        return cp == 0xE0001 || (cp >= 0xE0020 && cp <= 0xE007F) ? &tag : &px_uc_records[0];
    }
    uint32_t leaf = uc_mid[uc_top[cp >> %d] + ((cp >> %d) & %d)];
    return &px_uc_records[uc_leaf[leaf + (cp & %d)]];
}

const uint16_t *px_uc_special(uint32_t cp, int which, size_t *n) {
    size_t lo = 0, hi = sizeof uc_special / sizeof uc_special[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (uc_special[mid].cp < cp) {
            lo = mid + 1;
        } else if (uc_special[mid].cp > cp) {
            hi = mid;
        } else if (uc_special[mid].map[which] == 0xFFFF) {
            return NULL; /* itself: the record's deltas, 0 */
        } else {
            const uint16_t *e = &uc_ext[uc_special[mid].map[which]];
            *n = e[0];
            return e + 1;
        }
    }
    return NULL;
}

/* Table sizes in bytes, for the record: %d top + %d middle + %d leaf +
 * %d runs + %d records + %d expansions + %d specials. */""" % (
        LIMIT, ASTRAL_END, SHIFT_LEAF + SHIFT_MID, SHIFT_LEAF, (1 << SHIFT_MID) - 1,
        (1 << SHIFT_LEAF) - 1,
        2 * len(top), 2 * len(flat_mid), len(flat_leaf), 4 * len(astral), 12 * len(records), 2 * len(ext),
        10 * len(special_rows)))
    out.append("")
    out.append("#endif /* PX_HAS_UNICODE_TABLES */")
    sys.stdout.write("\n".join(out) + "\n")
    flags = "\n".join("    PX_UC_%s = 0x%04X," % (n, BIT[n]) for n in FLAGS)
    sys.stderr.write("flags (must match str_case.h):\n" + flags + "\n")


if __name__ == "__main__":
    main()
