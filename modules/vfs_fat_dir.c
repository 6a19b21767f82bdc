/* VfsFat's directories (vfs_fat.h): 32-byte entries in the fixed root
 * region or in a cluster chain, long file names (VFAT: UTF-16 pieces of
 * 13 characters in entries before the short one, tied to it by a
 * checksum of its 8.3 name), short aliases for names 8.3 cannot hold, and
 * resolving a path to its directory and last component. */
#include <string.h>

#include "vfs.h"
#include "vfs_fat.h"

#define LFN_CHARS 13
#define NAME_MAX16 255 /* UTF-16 units in a long name */
enum { ENT_NTRES = 12, ENT_CRT_TIME = 14, ENT_CRT_DATE = 16, ENT_ACC_DATE = 18, ENT_CLUS_HI = 20,
       ENT_WRT_TIME = 22, ENT_WRT_DATE = 24, ENT_CLUS_LO = 26, ENT_SIZE = 28 };
enum { NTRES_LOWER_BASE = 0x08, NTRES_LOWER_EXT = 0x10 };
/* where a long-name entry keeps its 13 characters */
static const uint8_t lfn_offsets[LFN_CHARS] = {1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30};

/* ---- entries by index */

/* The sector and byte offset of entry `index` of dir; false past its end. */
static bool entry_place(fat_fs *fs, uint32_t dir, uint32_t index, uint32_t *sector, uint32_t *off) {
    uint32_t per_sec = fs->ss / FAT_ENTRY_SIZE;
    if (dir == 0) {
        if (index >= fs->root_entries) {
            return false;
        }
        *sector = fs->root_start + index / per_sec;
    } else {
        uint32_t per_clus = per_sec * fs->spc, k = index / per_clus, c = dir;
        if (k >= fs->nclusters) {
            return false;
        }
        while (k-- > 0) {
            c = fat_next(fs, c);
            if (c == 0) {
                return false;
            }
        }
        *sector = fat_cluster_sector(fs, c) + (index % per_clus) / per_sec;
    }
    *off = (index % per_sec) * FAT_ENTRY_SIZE;
    return true;
}

bool fat_dir_read(fat_fs *fs, uint32_t dir, uint32_t index, uint8_t *out) {
    uint32_t sector, off;
    if (!entry_place(fs, dir, index, &sector, &off)) {
        return false;
    }
    memcpy(out, fat_sector(fs, sector, false) + off, FAT_ENTRY_SIZE);
    return true;
}

void fat_dir_write(fat_fs *fs, uint32_t dir, uint32_t index, const uint8_t *e) {
    uint32_t sector, off;
    if (!entry_place(fs, dir, index, &sector, &off)) {
        fat_raise(FAT_EIO);
    }
    memcpy(fat_sector(fs, sector, false) + off, e, FAT_ENTRY_SIZE);
    fat_mark_dirty(fs);
}

uint32_t fat_item_cluster(const fat_fs *fs, const uint8_t *e) {
    (void)fs;
    return fat_rd16(e + ENT_CLUS_LO) | (uint32_t)fat_rd16(e + ENT_CLUS_HI) << 16;
}

/* ---- names */

static uint8_t sfn_checksum(const uint8_t *sfn) {
    uint8_t sum = 0;
    for (int i = 0; i < 11; i++) {
        sum = (uint8_t)(((sum & 1) << 7) + (sum >> 1) + sfn[i]);
    }
    return sum;
}

static char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* The 8.3 name of a short entry as UTF-8 (bytes above 127, the disk's
 * code page, read as Latin-1; controls as '_'), lower case where the
 * entry's NT flags say so. Returns its length. */
static size_t short_name(const uint8_t *e, char *out) {
    size_t n = 0;
    for (int part = 0; part < 2; part++) {
        int from = part ? 8 : 0, len = part ? 3 : 8;
        while (len > 0 && e[from + len - 1] == ' ') {
            len--;
        }
        if (part && len > 0) {
            out[n++] = '.';
        }
        bool lower = (e[ENT_NTRES] & (part ? NTRES_LOWER_EXT : NTRES_LOWER_BASE)) != 0;
        for (int i = 0; i < len; i++) {
            uint8_t c = e[from + i];
            if (from + i == 0 && c == 0x05) {
                c = 0xE5; /* a first byte of E5 is stored as 05 */
            }
            if (c < 0x20) {
                out[n++] = '_';
            } else if (c >= 0x80) {
                out[n++] = (char)(0xC0 | c >> 6);
                out[n++] = (char)(0x80 | (c & 0x3F));
            } else {
                out[n++] = lower ? ascii_lower((char)c) : (char)c;
            }
        }
    }
    return n;
}

/* A long name (UTF-16, n units) as UTF-8; lone surrogates become U+FFFD. */
static size_t utf16_to_utf8(const uint16_t *u, size_t n, char *out) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = u[i];
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < n && u[i + 1] >= 0xDC00 && u[i + 1] < 0xE000) {
            c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
        } else if (c >= 0xD800 && c < 0xE000) {
            c = 0xFFFD;
        }
        if (c < 0x80) {
            out[k++] = (char)c;
        } else if (c < 0x800) {
            out[k++] = (char)(0xC0 | c >> 6);
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[k++] = (char)(0xE0 | c >> 12);
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[k++] = (char)(0xF0 | c >> 18);
            out[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return k;
}

/* A valid UTF-8 name as UTF-16 into u (room for NAME_MAX16); the count,
 * or -1 when it needs more. */
static long utf8_to_utf16(const char *s, size_t n, uint16_t *u) {
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        uint8_t b = (uint8_t)s[i];
        uint32_t c;
        int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
        c = extra == 0 ? b : extra == 1 ? (b & 0x1Fu) : extra == 2 ? (b & 0x0Fu) : (b & 0x07u);
        for (int j = 1; j <= extra && i + (size_t)j < n; j++) {
            c = c << 6 | ((uint8_t)s[i + (size_t)j] & 0x3F);
        }
        i += (size_t)extra + 1;
        if (c >= 0x10000) {
            if (k + 2 > NAME_MAX16) {
                return -1;
            }
            c -= 0x10000;
            u[k++] = (uint16_t)(0xD800 + (c >> 10));
            u[k++] = (uint16_t)(0xDC00 + (c & 0x3FF));
        } else {
            if (k + 1 > NAME_MAX16) {
                return -1;
            }
            u[k++] = (uint16_t)c;
        }
    }
    return (long)k;
}

static bool same_name(const char *a, size_t an, const char *b, size_t bn) {
    if (an != bn) {
        return false;
    }
    for (size_t i = 0; i < an; i++) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) {
            return false;
        }
    }
    return true;
}

/* ---- walking a directory */

bool fat_dir_next(fat_fs *fs, uint32_t dir, uint32_t *pos, fat_item *it) {
    uint16_t lfn[20 * LFN_CHARS];
    int expect = -1; /* the order number the next long-name entry must have; -1: none under way */
    uint32_t lfn_first = 0, lfn_total = 0;
    uint8_t sum = 0, e[FAT_ENTRY_SIZE];
    for (uint32_t i = *pos; fat_dir_read(fs, dir, i, e); i++) {
        if (e[0] == 0) {
            break; /* the end marker: nothing in use after it */
        }
        if (e[0] == 0xE5) {
            expect = -1;
            continue;
        }
        if ((e[11] & 0x3F) == FAT_ATTR_LFN) {
            uint32_t ord = e[0] & 0x1F;
            if (e[0] & 0x40) {
                if (ord == 0 || ord > 20) {
                    expect = -1;
                    continue;
                }
                expect = (int)ord;
                lfn_total = ord;
                lfn_first = i;
                sum = e[13];
            } else if (expect < 0 || ord != (uint32_t)expect || e[13] != sum) {
                expect = -1;
                continue;
            }
            for (int k = 0; k < LFN_CHARS; k++) {
                lfn[(ord - 1) * LFN_CHARS + (uint32_t)k] = fat_rd16(e + lfn_offsets[k]);
            }
            expect--;
            continue;
        }
        if (e[11] & FAT_ATTR_VOLUME) {
            expect = -1;
            continue;
        }
        memcpy(it->e, e, FAT_ENTRY_SIZE);
        it->index = i;
        it->first = i;
        it->name_len = 0;
        if (expect == 0 && sfn_checksum(e) == sum) {
            size_t n = 0;
            while (n < lfn_total * LFN_CHARS && lfn[n] != 0) {
                n++;
            }
            if (n > 0) {
                it->name_len = utf16_to_utf8(lfn, n, it->name);
                it->first = lfn_first;
            }
        }
        if (it->name_len == 0) {
            it->name_len = short_name(e, it->name);
        }
        *pos = i + 1;
        return true;
    }
    *pos = FAT_NO_SECTOR;
    return false;
}

static bool is_dot_entry(const uint8_t *e) {
    return e[0] == '.' && (e[1] == ' ' || (e[1] == '.' && e[2] == ' '));
}

bool fat_dir_find(fat_fs *fs, uint32_t dir, const char *name, size_t n, fat_item *it) {
    uint32_t pos = 0;
    char alias[24];
    while (fat_dir_next(fs, dir, &pos, it)) {
        if (is_dot_entry(it->e)) {
            continue;
        }
        if (same_name(it->name, it->name_len, name, n)) {
            return true;
        }
        if (it->first != it->index && same_name(alias, short_name(it->e, alias), name, n)) {
            return true; /* a long name's 8.3 alias names it too */
        }
    }
    return false;
}

bool fat_dir_empty(fat_fs *fs, uint32_t dir) {
    uint32_t pos = 0;
    fat_item it;
    while (fat_dir_next(fs, dir, &pos, &it)) {
        if (!is_dot_entry(it.e)) {
            return false;
        }
    }
    return true;
}

void fat_dir_remove(fat_fs *fs, uint32_t dir, const fat_item *it) {
    uint8_t e[FAT_ENTRY_SIZE];
    for (uint32_t i = it->first; i <= it->index; i++) {
        if (fat_dir_read(fs, dir, i, e)) {
            e[0] = 0xE5;
            fat_dir_write(fs, dir, i, e);
        }
    }
}

/* ---- adding an entry */

static bool short_char_ok(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("$%'-_@~`!(){}^#&", c) != NULL);
}

/* If name is an 8.3 name in one case per part, its 11 bytes and NT case
 * flags: no long name needed. */
static bool fits_83(const char *s, size_t n, uint8_t *sfn, uint8_t *ntres) {
    const char *dot = memchr(s, '.', n);
    size_t bl = dot ? (size_t)(dot - s) : n, el = dot ? n - bl - 1 : 0;
    if (bl == 0 || bl > 8 || el > 3 || (dot && el == 0)) {
        return false;
    }
    memset(sfn, ' ', 11);
    *ntres = 0;
    for (int part = 0; part < 2; part++) {
        const char *p = part ? dot + 1 : s;
        size_t len = part ? el : bl;
        bool upper = false, lower = false;
        for (size_t i = 0; i < len; i++) {
            char c = p[i];
            if (!short_char_ok(c)) {
                return false;
            }
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            sfn[(part ? 8 : 0) + i] = (uint8_t)(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
        if (upper && lower) {
            return false; /* mixed case needs the long name */
        }
        if (lower) {
            *ntres |= part ? NTRES_LOWER_EXT : NTRES_LOWER_BASE;
        }
    }
    return sfn[0] != 0xE5;
}

static bool sfn_in_use(fat_fs *fs, uint32_t dir, const uint8_t *sfn) {
    uint8_t e[FAT_ENTRY_SIZE];
    for (uint32_t i = 0; fat_dir_read(fs, dir, i, e) && e[0] != 0; i++) {
        if (e[0] != 0xE5 && (e[11] & 0x3F) != FAT_ATTR_LFN && memcmp(e, sfn, 11) == 0) {
            return true;
        }
    }
    return false;
}

/* A unique alias "BASE~N.EXT" for a long name: its letters and digits in
 * upper case (others as '_', dots and spaces dropped), the first six of
 * the base and three of the last extension. */
static void make_alias(fat_fs *fs, uint32_t dir, const char *s, size_t n, uint8_t *sfn) {
    const char *dot = NULL;
    for (size_t i = n; i > 0; i--) {
        if (s[i - 1] == '.') {
            dot = s + i - 1;
            break;
        }
    }
    char base[8], ext[3];
    size_t bl = 0, el = 0;
    for (const char *p = s; p < s + n; p++) {
        char c = *p;
        bool in_ext = dot != NULL && p > dot;
        if (c == ' ' || (c == '.' && p != dot) || p == dot || ((uint8_t)c & 0xC0) == 0x80) {
            continue; /* (a multi-byte character becomes one '_', at its lead byte) */
        }
        c = short_char_ok(c) ? (c >= 'a' && c <= 'z' ? (char)(c - 32) : c) : '_';
        if (in_ext && el < 3) {
            ext[el++] = c;
        } else if (!in_ext && bl < 6) {
            base[bl++] = c;
        }
    }
    if (bl == 0) {
        base[bl++] = '_';
    }
    for (uint32_t k = 1; k < 1000000; k++) {
        char tail[8];
        size_t tl = 0;
        for (uint32_t v = k; v > 0; v /= 10) {
            tail[tl++] = (char)('0' + v % 10);
        }
        tail[tl++] = '~';
        size_t keep = bl + tl > 8 ? 8 - tl : bl;
        memset(sfn, ' ', 11);
        memcpy(sfn, base, keep);
        for (size_t i = 0; i < tl; i++) {
            sfn[keep + i] = (uint8_t)tail[tl - 1 - i];
        }
        memcpy(sfn + 8, ext, el);
        if (!sfn_in_use(fs, dir, sfn)) {
            return;
        }
    }
    fat_raise(FAT_EEXIST);
}

/* The index of `need` free entries in a row, growing a subdirectory by a
 * cluster when it has no room (ENOSPC for the fixed root). */
static uint32_t find_free(fat_fs *fs, uint32_t dir, uint32_t need) {
    uint8_t e[FAT_ENTRY_SIZE];
    uint32_t run = 0, i = 0;
    bool at_end = false; /* past the end marker: every entry is free */
    for (;; i++) {
        bool have = at_end ? entry_place(fs, dir, i, &(uint32_t){0}, &(uint32_t){0}) : fat_dir_read(fs, dir, i, e);
        if (!have) {
            if (dir == 0) {
                fat_raise(FAT_ENOSPC);
            }
            uint32_t last = dir;
            for (uint32_t k = 0, c; k < fs->nclusters && (c = fat_next(fs, last)) != 0; k++) {
                last = c;
            }
            fat_alloc(fs, last, true);
            at_end = true;
            i--;
            continue;
        }
        if (!at_end && e[0] == 0) {
            at_end = true;
        }
        run = at_end || e[0] == 0xE5 ? run + 1 : 0;
        if (run == need) {
            return i + 1 - need;
        }
    }
}

uint32_t fat_dir_add(fat_fs *fs, uint32_t dir, const char *name, size_t n, uint8_t attr, uint32_t cluster,
                     uint32_t size) {
    if (fs->readonly) {
        fat_raise(FAT_EROFS);
    }
    if (n == 0 || name[n - 1] == '.' || name[n - 1] == ' ') {
        fat_raise(FAT_EINVAL); /* FAT drops trailing dots and spaces: such a name cannot be kept */
    }
    for (size_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)name[i];
        if (c < 0x20 || (c < 0x80 && strchr("\"*/:<>?\\|\x7f", c) != NULL)) {
            fat_raise(FAT_EINVAL);
        }
    }
    uint16_t u[NAME_MAX16];
    long n16 = utf8_to_utf16(name, n, u);
    if (n16 < 0) {
        fat_raise(FAT_ENAMETOOLONG);
    }
    uint8_t e[FAT_ENTRY_SIZE] = {0}, ntres = 0;
    uint32_t nlfn = 0;
    if (!fits_83(name, n, e, &ntres)) {
        make_alias(fs, dir, name, n, e);
        nlfn = ((uint32_t)n16 + LFN_CHARS - 1) / LFN_CHARS;
    }
    uint32_t at = find_free(fs, dir, nlfn + 1);
    uint8_t sum = sfn_checksum(e);
    for (uint32_t k = nlfn; k >= 1; k--) {
        uint8_t l[FAT_ENTRY_SIZE] = {0};
        l[0] = (uint8_t)(k | (k == nlfn ? 0x40 : 0));
        l[11] = FAT_ATTR_LFN;
        l[13] = sum;
        for (uint32_t j = 0; j < LFN_CHARS; j++) {
            uint32_t ci = (k - 1) * LFN_CHARS + j;
            uint32_t c = ci < (uint32_t)n16 ? u[ci] : ci == (uint32_t)n16 ? 0 : 0xFFFF;
            fat_wr16(l + lfn_offsets[j], c);
        }
        fat_dir_write(fs, dir, at + nlfn - k, l);
    }
    e[11] = attr;
    e[ENT_NTRES] = ntres;
    fat_now(e + ENT_WRT_TIME, e + ENT_WRT_DATE);
    memcpy(e + ENT_CRT_TIME, e + ENT_WRT_TIME, 4);
    memcpy(e + ENT_ACC_DATE, e + ENT_WRT_DATE, 2);
    fat_wr16(e + ENT_CLUS_LO, cluster);
    fat_wr16(e + ENT_CLUS_HI, cluster >> 16);
    fat_wr32(e + ENT_SIZE, size);
    fat_dir_write(fs, dir, at + nlfn, e);
    return at + nlfn;
}

/* ---- time stamps */

void fat_now(uint8_t *time2, uint8_t *date2) {
    int64_t secs = px_port_time_ns() / 1000000000;
    /* FAT dates run from 1980 (315532800 s after 1970) to 2107 */
    if (secs < 315532800 || secs >= 4354819200) {
        fat_wr16(time2, 0);
        fat_wr16(date2, (1 << 5) | 1);
        return;
    }
    int64_t days = secs / 86400, rem = secs % 86400;
    /* the civil date of a day count (days since 1970-01-01), by 400-year eras */
    int64_t z = days + 719468, era = z / 146097, doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    int64_t day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9;
    int64_t year = yoe + era * 400 + (month <= 2);
    fat_wr16(time2, (uint32_t)((rem / 3600) << 11 | (rem / 60 % 60) << 5 | (rem % 60) / 2));
    fat_wr16(date2, (uint32_t)((year - 1980) << 9 | month << 5 | day));
}

/* ---- paths */

void fat_resolve(fat_fs *fs, px_val path, fat_path *p) {
    size_t n, cn;
    const char *s = px_str_data(path, &n), *cwd = px_str_data(fs->cwd, &cn);
    /* the absolute path, then its components with "." and ".." applied,
     * into one buffer of starts and lengths */
    px_strbuf b;
    px_strbuf_init(&b, cn + n + 2);
    if (n == 0 || s[0] != '/') {
        px_strbuf_add(&b, cwd, cn);
        px_strbuf_add_char(&b, '/');
    }
    px_strbuf_add(&b, s, n);
    char *full = b.data;
    size_t len = b.len, out = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && full[i] == '/') {
            i++;
        }
        size_t start = i;
        while (i < len && full[i] != '/') {
            i++;
        }
        size_t cl = i - start;
        if (cl == 0 || (cl == 1 && full[start] == '.')) {
            continue;
        }
        if (cl == 2 && full[start] == '.' && full[start + 1] == '.') {
            while (out > 0 && full[out - 1] != '/') {
                out--;
            }
            if (out > 0) {
                out--; /* the slash before the dropped component */
            }
            continue;
        }
        full[out++] = '/';
        memmove(full + out, full + start, cl);
        out += cl;
    }
    /* full[0..out) is "" (the root) or "/a/b" */
    p->dir = 0;
    p->found = false;
    p->name = full;
    p->name_len = 0;
    size_t i = 0;
    while (i < out) {
        size_t start = ++i; /* past the '/' */
        while (i < out && full[i] != '/') {
            i++;
        }
        p->name = full + start;
        p->name_len = i - start;
        p->found = fat_dir_find(fs, p->dir, p->name, p->name_len, &p->item);
        if (i == out) {
            break;
        }
        if (!p->found) {
            fat_raise(FAT_ENOENT);
        }
        if (!fat_item_is_dir(p->item.e)) {
            fat_raise(FAT_ENOTDIR);
        }
        uint32_t c = fat_item_cluster(fs, p->item.e);
        if (!fat_valid_cluster(fs, c)) {
            fat_raise(FAT_EIO);
        }
        p->dir = c;
    }
    p->full = full;
    p->full_len = out;
}
