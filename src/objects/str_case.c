/* Character classes and case mapping for str methods. No Unicode database:
 * ASCII is exact; Latin-1, Latin Extended-A, Greek and Cyrillic letters get
 * simple one-to-one case mapping; other scripts are treated as uncased (so
 * e.g. 'ß'.upper() stays 'ß' rather than CPython's 'SS'). */
#include "str_case.h"

uint32_t px_cp_lower(uint32_t c) {
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) {
        return c + 32;
    }
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) {
        return c | 1;
    }
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
        return (c & 1) ? c + 1 : c;
    }
    if (c == 0x178) {
        return 0xFF;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) {
        return c + 32;
    }
    if (c == 0x386) {
        return 0x3AC;
    }
    if (c >= 0x388 && c <= 0x38A) {
        return c + 37;
    }
    if (c == 0x38C) {
        return 0x3CC;
    }
    if (c == 0x38E || c == 0x38F) {
        return c + 63;
    }
    if (c >= 0x410 && c <= 0x42F) {
        return c + 32;
    }
    if (c >= 0x400 && c <= 0x40F) {
        return c + 80;
    }
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F)) {
        return c | 1;
    }
    return c;
}

uint32_t px_cp_upper(uint32_t c) {
    if (c < 0x80) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
    if (c >= 0xE0 && c <= 0xFE && c != 0xF7) {
        return c - 32;
    }
    if (c == 0xFF) {
        return 0x178;
    }
    if (c == 0xB5) {
        return 0x39C;
    }
    if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) {
        return c & ~1u;
    }
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
        return (c & 1) ? c : c - 1;
    }
    if (c == 0x131) {
        return 'I';
    }
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) {
        return c - 32;
    }
    if (c == 0x3C2) {
        return 0x3A3;
    }
    if (c == 0x3AC) {
        return 0x386;
    }
    if (c >= 0x3AD && c <= 0x3AF) {
        return c - 37;
    }
    if (c == 0x3CC) {
        return 0x38C;
    }
    if (c == 0x3CD || c == 0x3CE) {
        return c - 63;
    }
    if (c >= 0x430 && c <= 0x44F) {
        return c - 32;
    }
    if (c >= 0x450 && c <= 0x45F) {
        return c - 80;
    }
    if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0 && c <= 0x52F)) {
        return c & ~1u;
    }
    return c;
}

bool px_cp_isupper(uint32_t c) {
    return px_cp_lower(c) != c;
}

bool px_cp_islower(uint32_t c) {
    return px_cp_upper(c) != c || c == 0xDF || c == 0x138 || c == 0xAA || c == 0xBA;
}

/* Decimal digits of the common scripts (blocks of ten starting at these). */
static const uint32_t decimal_zeros[] = {0x30,   0x660,  0x6F0,  0x7C0,  0x966,  0x9E6,  0xA66,  0xAE6,
                                         0xB66,  0xBE6,  0xC66,  0xCE6,  0xD66,  0xE50,  0xED0,  0xF20,
                                         0x1040, 0x17E0, 0x1810, 0xFF10, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC,
                                         0x1D7F6};

bool px_cp_isdecimal(uint32_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    for (size_t i = 1; i < sizeof decimal_zeros / sizeof decimal_zeros[0]; i++) {
        if (c >= decimal_zeros[i] && c < decimal_zeros[i] + 10) {
            return true;
        }
    }
    return false;
}

bool px_cp_isdigit(uint32_t c) {
    return px_cp_isdecimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079) ||
           (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2776 && c <= 0x277E);
}

bool px_cp_isnumeric(uint32_t c) {
    static const uint16_t cjk[] = {0x3007, 0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E5D, 0x4E8C, 0x4E94,
                                   0x516B, 0x516D, 0x5341, 0x5343, 0x56DB, 0x5104, 0x767E};
    if (px_cp_isdigit(c) || (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2182) || (c >= 0x2185 && c <= 0x2189) ||
        (c >= 0x2469 && c <= 0x2473) || (c >= 0x3021 && c <= 0x3029)) {
        return true;
    }
    for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++) {
        if (c == cjk[i]) {
            return true;
        }
    }
    return false;
}

bool px_cp_isalpha(uint32_t c) {
    if (c < 0x80) {
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    }
    if (px_cp_isupper(c) || px_cp_islower(c)) {
        return true;
    }
    /* Uncased letters of common scripts. */
    return (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) || (c >= 0x904 && c <= 0x939) ||
           (c >= 0xE01 && c <= 0xE30) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0x20000 && c <= 0x2FA1F);
}

bool px_cp_isalnum(uint32_t c) {
    return px_cp_isalpha(c) || px_cp_isnumeric(c);
}

bool px_cp_iscased(uint32_t c) {
    return px_cp_isupper(c) || px_cp_islower(c);
}
