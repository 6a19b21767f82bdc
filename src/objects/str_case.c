/* Readers for the generated Unicode tables (unicode_db.c): property tests
 * and case mapping, with an ASCII fast path in front of each (all there is
 * with PX_HAS_UNICODE_TABLES=0, see str_case.h). */
#include "str_case.h"

size_t px_cp_case(uint32_t cp, int which, uint32_t *out) {
    if (cp < 0x80) {
        bool up = which == PX_CASE_UPPER || which == PX_CASE_TITLE;
        if (up ? cp >= 'a' && cp <= 'z' : cp >= 'A' && cp <= 'Z') {
            cp ^= 0x20;
        }
        out[0] = cp;
        return 1;
    }
#if !PX_HAS_UNICODE_TABLES
    (void)which;
    out[0] = cp; /* no case beyond ASCII */
    return 1;
#else
    const px_uc_record *r = px_uc_lookup(cp);
    if (r->flags & PX_UC_SPECIAL) {
        size_t n;
        const uint16_t *m = px_uc_special(cp, which, &n);
        if (m != NULL) {
            for (size_t i = 0; i < n; i++) {
                out[i] = m[i];
            }
            return n;
        }
    }
    bool up = which == PX_CASE_UPPER || which == PX_CASE_TITLE;
    out[0] = (uint32_t)((int32_t)cp + (up ? r->upper : r->lower));
    return 1;
#endif
}

uint32_t px_cp_lower(uint32_t c) {
    uint32_t m[3];
    return px_cp_case(c, PX_CASE_LOWER, m) == 1 ? m[0] : c;
}

uint32_t px_cp_upper(uint32_t c) {
    uint32_t m[3];
    return px_cp_case(c, PX_CASE_UPPER, m) == 1 ? m[0] : c;
}

bool px_cp_isupper(uint32_t c) {
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z';
    }
    return px_uc_flags(c) & PX_UC_UPPER;
}

bool px_cp_islower(uint32_t c) {
    if (c < 0x80) {
        return c >= 'a' && c <= 'z';
    }
    return px_uc_flags(c) & PX_UC_LOWER;
}

bool px_cp_istitle(uint32_t c) {
    return c >= 0x80 && (px_uc_flags(c) & PX_UC_TITLE);
}

bool px_cp_isdecimal(uint32_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return px_uc_flags(c) & PX_UC_DECIMAL;
}

bool px_cp_isdigit(uint32_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return px_uc_flags(c) & PX_UC_DIGIT;
}

bool px_cp_isnumeric(uint32_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return px_uc_flags(c) & PX_UC_NUMERIC;
}

bool px_cp_isalpha(uint32_t c) {
    if (c < 0x80) {
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    }
    return px_uc_flags(c) & PX_UC_ALPHA;
}

bool px_cp_isalnum(uint32_t c) {
    if (c < 0x80) {
        return px_cp_isalpha(c) || (c >= '0' && c <= '9');
    }
    return px_uc_flags(c) & (PX_UC_ALPHA | PX_UC_DECIMAL | PX_UC_DIGIT | PX_UC_NUMERIC);
}

bool px_cp_iscased(uint32_t c) {
    if (c < 0x80) {
        return px_cp_isalpha(c);
    }
    return px_uc_flags(c) & (PX_UC_LOWER | PX_UC_UPPER | PX_UC_TITLE);
}

bool px_cp_case_ignorable(uint32_t c) {
    if (c < 0x80) {
        return c == '\'' || c == '.' || c == ':' || c == '^' || c == '`';
    }
    return px_uc_flags(c) & PX_UC_CASE_IGNORABLE;
}

bool px_cp_id_start(uint32_t c) {
    if (c < 0x80) {
        return c == '_' || px_cp_isalpha(c);
    }
    return px_uc_flags(c) & PX_UC_ID_START;
}

bool px_cp_id_continue(uint32_t c) {
    if (c < 0x80) {
        return c == '_' || px_cp_isalnum(c);
    }
    return px_uc_flags(c) & PX_UC_ID_CONTINUE;
}

bool px_unicode_printable(uint32_t c) {
    if (c < 0x80) {
        return c >= 0x20 && c < 0x7F;
    }
    return px_uc_flags(c) & PX_UC_PRINTABLE;
}

bool px_unicode_isspace(uint32_t c) {
    if (c < 0x80) {
        return px_ascii_isspace((uint8_t)c);
    }
    return px_uc_flags(c) & PX_UC_SPACE;
}
