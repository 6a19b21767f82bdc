/* Character classes for the re module: [...] sets, the \d \w \s escapes
 * and case-insensitive literals all end up as an re_class. Code points
 * below 256 are decided once, when the class is finished, into a bitmap;
 * higher ones are looked up in sorted ranges and the Unicode tables. */
#include <stdlib.h>

#include "re.h"
#include "objects/str_case.h"

bool re_is_word(uint32_t cp, bool unicode) {
    if (cp < 128) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    return unicode && px_cp_isalnum(cp);
}

static bool is_digit(uint32_t cp, bool unicode) {
    if (cp < 128) {
        return cp >= '0' && cp <= '9';
    }
    return unicode && px_cp_isdecimal(cp);
}

static bool is_space(uint32_t cp, bool unicode) {
    if (cp < 128) {
        /* bytes and ASCII patterns: [ \t\n\r\f\v]; str patterns: str.isspace(), which adds \x1c-\x1f */
        return cp == ' ' || (cp >= 9 && cp <= 13) || (unicode && cp >= 0x1C && cp <= 0x1F);
    }
    return unicode && px_unicode_isspace(cp);
}

static bool cats_match(unsigned cats, uint32_t cp, bool unicode) {
    if (cats == 0) {
        return false;
    }
    if ((cats & RE_CAT_DIGIT) && is_digit(cp, unicode)) {
        return true;
    }
    if ((cats & RE_CAT_NOT_DIGIT) && !is_digit(cp, unicode)) {
        return true;
    }
    if ((cats & RE_CAT_WORD) && re_is_word(cp, unicode)) {
        return true;
    }
    if ((cats & RE_CAT_NOT_WORD) && !re_is_word(cp, unicode)) {
        return true;
    }
    if ((cats & RE_CAT_SPACE) && is_space(cp, unicode)) {
        return true;
    }
    if ((cats & RE_CAT_NOT_SPACE) && !is_space(cp, unicode)) {
        return true;
    }
    return false;
}

void re_class_init(re_class *c, bool icase, bool unicode) {
    memset(c, 0, sizeof *c);
    c->icase = icase;
    c->unicode = unicode;
}

void re_class_add_range(re_class *c, uint32_t lo, uint32_t hi) {
    for (uint32_t cp = lo; cp <= hi && cp < 256; cp++) {
        c->raw[cp >> 5] |= 1u << (cp & 31);
    }
    if (hi < 256) {
        return;
    }
    if (lo < 256) {
        lo = 256;
    }
    if (c->nranges == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 4;
        c->ranges = px_gc_realloc(c->ranges, c->cap * 2 * sizeof(uint32_t), PX_GC_LEAF);
    }
    c->ranges[2 * c->nranges] = lo;
    c->ranges[2 * c->nranges + 1] = hi;
    c->nranges++;
}

void re_class_add_cat(re_class *c, unsigned cat) {
    c->cats |= (uint8_t)cat;
}

static bool in_ranges(const re_class *c, uint32_t cp) {
    size_t lo = 0, hi = c->nranges;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < c->ranges[2 * mid]) {
            hi = mid;
        } else if (cp > c->ranges[2 * mid + 1]) {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    return false;
}

/* Listed or in a category, before negation and folding. */
static bool raw_has(const re_class *c, uint32_t cp) {
    if (cp < 256 ? (c->raw[cp >> 5] >> (cp & 31)) & 1 : in_ranges(c, cp)) {
        return true;
    }
    return cats_match(c->cats, cp, c->unicode);
}

static uint32_t other_case(uint32_t cp, bool unicode, bool upper) {
    if (!unicode || cp < 128) {
        if (upper && cp >= 'a' && cp <= 'z') {
            return cp - 32;
        }
        if (!upper && cp >= 'A' && cp <= 'Z') {
            return cp + 32;
        }
        return cp;
    }
    return upper ? px_cp_upper(cp) : px_cp_lower(cp);
}

static bool folded_has(const re_class *c, uint32_t cp) {
    if (raw_has(c, cp)) {
        return true;
    }
    if (!c->icase) {
        return false;
    }
    return raw_has(c, other_case(cp, c->unicode, false)) || raw_has(c, other_case(cp, c->unicode, true));
}

static int cmp_range(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Add the other cases of the listed code points, so that a text
 * character matches when any of its cases is in the class (KELVIN SIGN
 * lowers to 'k', which matches [K] once the class holds 'k' too). Ranges
 * beyond Latin-1 are closed when small; big ones are checked through the
 * text character's cases only. */
static void close_cases(re_class *c) {
    for (uint32_t cp = 0; cp < 256; cp++) {
        if ((c->raw[cp >> 5] >> (cp & 31)) & 1) {
            uint32_t lo = other_case(cp, c->unicode, false), up = other_case(cp, c->unicode, true);
            re_class_add_range(c, lo, lo);
            re_class_add_range(c, up, up);
        }
    }
    size_t n = c->nranges;
    for (size_t i = 0; i < n; i++) {
        uint32_t lo = c->ranges[2 * i], hi = c->ranges[2 * i + 1];
        if (hi - lo >= 1024) {
            continue;
        }
        for (uint32_t cp = lo; cp <= hi; cp++) {
            uint32_t a = other_case(cp, c->unicode, false), b = other_case(cp, c->unicode, true);
            if (a != cp) {
                re_class_add_range(c, a, a);
            }
            if (b != cp) {
                re_class_add_range(c, b, b);
            }
        }
    }
}

void re_class_finish(re_class *c, bool negated) {
    if (c->icase) {
        close_cases(c);
    }
    if (c->nranges > 1) { /* sort by start and merge overlaps, for the bisection */
        qsort(c->ranges, c->nranges, 2 * sizeof(uint32_t), cmp_range);
        size_t k = 0;
        for (size_t i = 1; i < c->nranges; i++) {
            if (c->ranges[2 * i] <= c->ranges[2 * k + 1] + 1) {
                if (c->ranges[2 * i + 1] > c->ranges[2 * k + 1]) {
                    c->ranges[2 * k + 1] = c->ranges[2 * i + 1];
                }
            } else {
                k++;
                c->ranges[2 * k] = c->ranges[2 * i];
                c->ranges[2 * k + 1] = c->ranges[2 * i + 1];
            }
        }
        c->nranges = k + 1;
    }
    c->negated = negated;
    memset(c->low, 0, sizeof c->low);
    for (uint32_t cp = 0; cp < 256; cp++) {
        if (folded_has(c, cp) != negated) {
            c->low[cp >> 5] |= 1u << (cp & 31);
        }
    }
}

bool re_class_has(const re_class *c, uint32_t cp) {
    if (cp < 256) {
        return re_class_has_low(c, cp);
    }
    return folded_has(c, cp) != c->negated;
}
