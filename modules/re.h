/* The re module's parts:
 *   re_parse.c    pattern text -> a tree of nodes (CPython's syntax, errors
 *                 "... at position N")
 *   re_class.c    character classes: building and membership
 *   re_compile.c  tree -> program for the matcher, plus what speeds up a
 *                 search (first-byte set, literal first byte)
 *   re_exec.c     the matcher: backtracking in CPython's priority order,
 *                 with memoisation of failed states once a search has taken
 *                 many steps, so no pattern takes exponential time
 *   re.c          the module, Pattern objects, the compiled-pattern cache
 *   re_match.c    Match objects, finditer, sub/subn, split, findall
 *
 * Text is matched as bytes: UTF-8 for str (positions step over whole code
 * points; when the text is ASCII every byte is one), raw bytes for bytes
 * patterns. Positions inside the engine are byte offsets; the Python-level
 * API converts to and from character indexes. */
#ifndef PX_MOD_RE_H
#define PX_MOD_RE_H

#include "runtime.h"

/* ---- flags (CPython's values) */
enum {
    RE_TEMPLATE = 1,
    RE_IGNORECASE = 2,
    RE_LOCALE = 4,
    RE_MULTILINE = 8,
    RE_DOTALL = 16,
    RE_UNICODE = 32,
    RE_VERBOSE = 64,
    RE_DEBUG = 128,
    RE_ASCII = 256,
};

/* ---- character classes */
enum { /* categories a class can contain (escapes \d \D \w \W \s \S) */
    RE_CAT_DIGIT = 1,
    RE_CAT_NOT_DIGIT = 2,
    RE_CAT_WORD = 4,
    RE_CAT_NOT_WORD = 8,
    RE_CAT_SPACE = 16,
    RE_CAT_NOT_SPACE = 32,
};

typedef struct {
    uint32_t low[8];  /* membership of code points 0..255, final (negation, folding, categories applied) */
    uint32_t raw[8];  /* the listed code points 0..255 alone */
    uint32_t *ranges; /* [lo, hi] pairs of the listed code points >= 256, sorted, merged */
    size_t nranges, cap;
    uint8_t cats;   /* RE_CAT_* for code points >= 256 */
    bool negated;   /* applies to code points >= 256 (low[] already has it) */
    bool icase;     /* also try the other cases of code points >= 256 */
    bool unicode;   /* categories are Unicode's (str pattern without ASCII) */
} re_class;

void re_class_init(re_class *c, bool icase, bool unicode);
void re_class_add_range(re_class *c, uint32_t lo, uint32_t hi);
void re_class_add_cat(re_class *c, unsigned cat);
/* Apply negation and folding to low[]; call once after the last add. */
void re_class_finish(re_class *c, bool negated);
bool re_class_has(const re_class *c, uint32_t cp);
static inline bool re_class_has_low(const re_class *c, uint32_t cp) {
    return (c->low[cp >> 5] >> (cp & 31)) & 1;
}
/* Is cp a word character (for \b and \w) in this mode? */
bool re_is_word(uint32_t cp, bool unicode);

/* ---- the parse tree */
typedef enum {
    N_EMPTY,
    N_CHAR,   /* ch: one code point (byte for bytes patterns), case-sensitive */
    N_ANY,    /* '.'; flag dotall */
    N_CLASS,  /* cls (icase folded in) */
    N_CAT,    /* kids[0..n) in sequence */
    N_ALT,    /* kids[0..n) as alternatives */
    N_GROUP,  /* capturing group `group` around kids[0] */
    N_REPEAT, /* kids[0] repeated min..max times (max < 0: no limit); greedy */
    N_ASSERT, /* at: one of RE_AT_* */
    N_BACKREF, /* group, icase */
    N_LOOK,   /* lookaround of kids[0]: behind, negative */
    N_ATOMIC, /* kids[0] matched once, its alternatives then dropped ((?>...), possessive x*+) */
} re_node_kind;

enum { RE_AT_BEGIN, RE_AT_END, RE_AT_END_LINE, RE_AT_BOL, RE_AT_EOL, RE_AT_WORDB, RE_AT_NOT_WORDB, RE_AT_END_STRICT };

typedef struct re_node {
    re_node_kind kind;
    bool greedy, dotall, icase, behind, negative;
    bool unicode; /* N_ASSERT word boundaries: Unicode word characters */
    int at;
    uint32_t ch;
    int group;
    int min, max;
    size_t width; /* code points a lookbehind body matches */
    re_class *cls;
    struct re_node **kids;
    size_t nkids;
} re_node;

typedef struct {
    re_node *root;
    int ngroups;    /* capturing groups, not counting group 0 */
    px_val names;   /* dict name -> group number */
    int flags;      /* final flags, inline ones included */
    bool backrefs;  /* the pattern refers back to a group (no memoisation) */
} re_parsed;

/* Parse pattern bytes (UTF-8 when is_str). Raises ValueError (re.error)
 * with CPython's message and position. */
void re_parse(const char *pat, size_t len, bool is_str, int flags, re_parsed *out);

/* ---- the program */
typedef enum {
    OP_CHAR,     /* x: byte (or code point < 128 in UTF-8 mode) */
    OP_CHAR_CP,  /* x: a code point >= 128 matched whole in UTF-8 mode */
    OP_STR,      /* x: offset in lits, y: length; bytes compared as is */
    OP_ANY,      /* any code point except '\n' */
    OP_ANY_ALL,  /* any code point */
    OP_CLASS,    /* x: class index */
    OP_SPLIT,    /* try x, then y; z: memo slot */
    OP_JMP,      /* x */
    OP_SAVE,     /* x: capture slot */
    OP_ASSERT,   /* x: RE_AT_*, y: unicode word rules */
    OP_REPEAT1,  /* the next instruction repeated x..y times (y < 0: no limit), greedy if w; z: memo slot; continue at +2 */
    OP_MARK,     /* x: register := position (start of an iteration that may match empty) */
    OP_LOOP,     /* x: register; an iteration that matched empty leaves the loop at y, else go to z */
    OP_BACKREF,  /* x: group, y: icase */
    OP_LOOK,     /* x: body start (ends with OP_SUCCEED), y: continuation, z: behind width, w: flags (1 behind, 2 negative) */
    OP_ATOMIC,   /* x: body start (ends with OP_SUCCEED), y: continuation */
    OP_SUCCEED,  /* end of a lookaround or atomic body */
    OP_MATCH,
} re_op;

typedef struct {
    uint8_t op;
    uint8_t w;
    int32_t x, y, z;
} re_ins;

typedef struct re_prog {
    re_ins *code;
    size_t ncode;
    re_class *classes; /* array */
    size_t nclasses;
    char *lits;        /* bytes of OP_STR literals */
    int ngroups;       /* capturing groups (not counting group 0) */
    int nregs;         /* MARK registers */
    int nslots;        /* memo slots (SPLIT and REPEAT1 states) */
    bool utf8;         /* str pattern: steps over UTF-8 code points */
    bool memo_ok;      /* no backreferences: failed states may be memoised */
    bool anchored;     /* every match starts at the beginning of the string (\A or ^ without MULTILINE) */
    bool has_first;    /* first[] is valid: a match starts with one of these bytes */
    int first_byte;    /* the only possible first byte, or -1 */
    uint32_t first[8];
} re_prog;

re_prog *re_compile_prog(const re_parsed *p, bool is_str);
/* Print the program (re.DEBUG). */
void re_prog_dump(const re_prog *prog);

/* ---- matching */
typedef struct {
    const re_prog *prog;
    const uint8_t *s; /* the text */
    size_t end;       /* endpos as a byte offset: the text ends here for the matcher */
    bool utf8;        /* the pattern is str and the text is not all ASCII */
    size_t *caps;     /* out: 2 * (ngroups + 1) byte offsets, SIZE_MAX when unset,
                       * then the number of the group closed last (SIZE_MAX: none) */
} re_subject;

enum { RE_MODE_SEARCH, RE_MODE_MATCH, RE_MODE_FULL };
/* Look for a match starting at byte offset `start` or later (only at
 * `start` unless mode is SEARCH); a FULL match must end at the end. With
 * must_advance, an empty match at `start` is rejected (finditer, sub and
 * split after an empty match). Fills caps; false if none. */
bool px_re_exec(const re_subject *subj, size_t start, int mode, bool must_advance);

/* ---- Python objects (re.c, re_match.c) */
typedef struct {
    px_obj base;
    px_val pattern; /* the source str or bytes */
    int flags;
    bool is_str;
    re_prog *prog;
    px_val groupindex; /* dict name -> number */
} re_pattern_obj;

typedef struct {
    px_obj base;
    re_pattern_obj *re;
    px_val string;    /* the subject as given */
    px_val text;      /* str or bytes holding the bytes matched (string, or a bytes copy of a buffer) */
    px_int pos, endpos; /* as given, in characters */
    bool utf8;
    size_t *caps;      /* byte offsets as in re_subject, lastindex last */
    size_t ref_byte;   /* a byte offset whose character index is known, */
    px_int ref_char;   /* for converting offsets at or after it */
} re_match_obj;

extern const px_type re_type_pattern, re_type_match, re_type_scanner;

/* The bytes of a subject for a pattern (TypeError when str/bytes do not
 * agree); *text is what holds them (kept alive by the caller). */
const uint8_t *re_subject_bytes(const re_pattern_obj *p, px_val string, px_val *text, size_t *len, bool *utf8);
/* Character index <-> byte offset in a subject. */
size_t re_char_to_byte(const uint8_t *s, size_t len, bool utf8, px_int index);
px_int re_byte_to_char(const uint8_t *s, bool utf8, size_t off);
/* Clamp pos/endpos arguments (characters) the way CPython does. */
void re_span_args(px_val pos_arg, px_val endpos_arg, size_t nchars, px_int *pos, px_int *endpos);
/* A new match object for a successful px_re_exec (copies caps). */
px_val re_match_new(re_pattern_obj *p, px_val string, px_val text, bool utf8, px_int pos, px_int endpos,
                    const size_t *caps, size_t ref_byte, px_int ref_char);
/* Slots in a caps array for a pattern: 2 * (groups + 1) + 1. */
static inline size_t re_ncaps(const re_prog *prog) {
    return 2 * ((size_t)prog->ngroups + 1) + 1;
}
/* A piece of the subject as str or bytes. */
px_val re_slice(bool is_str, const uint8_t *s, size_t a, size_t b);

/* Pattern methods implemented in re_match.c. */
px_val re_do_sub(re_pattern_obj *p, px_val repl, px_val string, px_val count, bool with_count);
px_val re_do_split(re_pattern_obj *p, px_val string, px_val maxsplit);
px_val re_do_findall(re_pattern_obj *p, px_val string, px_val pos, px_val endpos);
px_val re_do_finditer(re_pattern_obj *p, px_val string, px_val pos, px_val endpos);

/* The pattern object for a pattern argument: compiled (through the cache)
 * when it is text, as is when it is a Pattern. */
re_pattern_obj *re_get_pattern(px_val pattern, px_val flags);

/* re.error: raise with CPython's wording "msg at position N". */
PX_NORETURN void re_error(const char *fmt, ...) PX_PRINTF(1, 2);
#ifdef PX__ET /* compressed error text (core/error.h) */
#define re_error(fmt, ...) re_error(PX__ET(fmt), ##__VA_ARGS__)
#endif

#endif
