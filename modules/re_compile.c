/* re: the parse tree to a program for re_exec.c, and the facts about a
 * pattern that make searching fast (which bytes a match can start with,
 * whether it is anchored at the start).
 *
 * Shapes of the code (SPLIT tries x first, then y):
 *   a|b       SPLIT L1 L2; L1: a; JMP E; L2: b; E:
 *   x*        L: SPLIT B E; B: x; JMP L; E:          (x*? swaps B and E)
 *   x* where x can match empty:
 *             L: SPLIT B E; B: MARK r; x; LOOP r E L; E:
 *             (an iteration that consumed nothing ends the loop, as in
 *             CPython, instead of looping forever)
 *   x{m,n}    x m times, then n-m nested optional copies (with MARK/LOOP
 *             between them when x can match empty)
 *   c* for a single character c (literal, '.', class):
 *             REPEAT1 min max; c    (one backtracking entry for all counts)
 *   (x)       SAVE 2g; x; SAVE 2g+1
 *   (?>x)     ATOMIC B E; B: x; SUCCEED; E:   (x*+ is (?>x*)) */
#include <stdio.h>

#include "re.h"
#include "objects/str_case.h"
#include "objects/str_impl.h"

/* Instructions a program may have (counted repeats are unrolled). */
#define MAX_CODE 200000

typedef struct {
    re_prog *prog;
    size_t code_cap, class_cap, lit_len, lit_cap;
    bool is_str;
} builder;

static size_t emit(builder *b, re_op op, int32_t x, int32_t y) {
    re_prog *p = b->prog;
    if (p->ncode == b->code_cap) {
        if (p->ncode >= MAX_CODE) {
            re_error("pattern too large (too many repeats unrolled)");
        }
        b->code_cap = b->code_cap ? b->code_cap * 2 : 32;
        p->code = px_gc_realloc(p->code, b->code_cap * sizeof(re_ins), PX_GC_LEAF);
    }
    re_ins *in = &p->code[p->ncode];
    memset(in, 0, sizeof *in);
    in->op = (uint8_t)op;
    in->x = x;
    in->y = y;
    return p->ncode++;
}

static int32_t add_class(builder *b, const re_class *c) {
    re_prog *p = b->prog;
    if (p->nclasses == b->class_cap) {
        b->class_cap = b->class_cap ? b->class_cap * 2 : 4;
        p->classes = px_gc_realloc(p->classes, b->class_cap * sizeof(re_class), 0);
    }
    p->classes[p->nclasses] = *c;
    return (int32_t)p->nclasses++;
}

static int32_t add_lit(builder *b, const char *s, size_t n) {
    if (b->lit_len + n > b->lit_cap) {
        size_t cap = b->lit_cap ? b->lit_cap * 2 : 32;
        while (cap < b->lit_len + n) {
            cap *= 2;
        }
        b->prog->lits = px_gc_realloc(b->prog->lits, cap, PX_GC_LEAF);
        b->lit_cap = cap;
    }
    memcpy(b->prog->lits + b->lit_len, s, n);
    b->lit_len += n;
    return (int32_t)(b->lit_len - n);
}

/* ---- case folding of literals */

static bool has_other_case(uint32_t cp, bool unicode) {
    if (cp < 128 || !unicode) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    return px_cp_lower(cp) != cp || px_cp_upper(cp) != cp;
}

/* A literal matched without regard to case (it has another case). */
static bool folds(const re_node *n) {
    return n->kind == N_CHAR && n->icase && has_other_case(n->ch, n->unicode);
}

static re_class *char_class(const re_node *n) {
    re_class *c = px_gc_alloc(sizeof *c, 0);
    re_class_init(c, true, n->unicode);
    re_class_add_range(c, n->ch, n->ch);
    re_class_finish(c, false);
    return c;
}

static const re_node *unwrap(const re_node *n) {
    while (n->kind == N_CAT && n->nkids == 1) {
        n = n->kids[0];
    }
    return n;
}

/* ---- width and emptiness */

/* Code points matched by n if always the same number, else -1. */
static long fixed_width(const re_node *n) {
    long w = 0, k;
    switch (n->kind) {
    case N_EMPTY:
    case N_ASSERT:
    case N_LOOK:
        return 0;
    case N_CHAR:
    case N_ANY:
    case N_CLASS:
        return 1;
    case N_CAT:
        for (size_t i = 0; i < n->nkids; i++) {
            if ((k = fixed_width(n->kids[i])) < 0) {
                return -1;
            }
            w += k;
        }
        return w;
    case N_ALT:
        w = fixed_width(n->kids[0]);
        for (size_t i = 1; i < n->nkids && w >= 0; i++) {
            if (fixed_width(n->kids[i]) != w) {
                return -1;
            }
        }
        return w;
    case N_GROUP:
    case N_ATOMIC:
        return fixed_width(n->kids[0]);
    case N_REPEAT:
        if (n->min != n->max || (k = fixed_width(n->kids[0])) < 0) {
            return -1;
        }
        return k * n->min;
    default:
        return -1;
    }
}

static bool nullable(const re_node *n) {
    switch (n->kind) {
    case N_CHAR:
    case N_ANY:
    case N_CLASS:
        return false;
    case N_CAT:
        for (size_t i = 0; i < n->nkids; i++) {
            if (!nullable(n->kids[i])) {
                return false;
            }
        }
        return true;
    case N_ALT:
        for (size_t i = 0; i < n->nkids; i++) {
            if (nullable(n->kids[i])) {
                return true;
            }
        }
        return false;
    case N_GROUP:
    case N_ATOMIC:
        return nullable(n->kids[0]);
    case N_REPEAT:
        return n->min == 0 || nullable(n->kids[0]);
    default: /* assertions, lookarounds, empty, back-references (the group may be empty) */
        return true;
    }
}

/* ---- code generation */

static void gen(builder *b, const re_node *n);

/* One instruction matching exactly one character, if n is that simple. */
static bool gen_single(builder *b, const re_node *n) {
    n = unwrap(n);
    switch (n->kind) {
    case N_CHAR:
        if (folds(n)) {
            emit(b, OP_CLASS, add_class(b, char_class(n)), 0);
        } else if (n->ch < 128 || !b->is_str) {
            emit(b, OP_CHAR, (int32_t)n->ch, 0);
        } else {
            emit(b, OP_CHAR_CP, (int32_t)n->ch, 0);
        }
        return true;
    case N_ANY:
        emit(b, n->dotall ? OP_ANY_ALL : OP_ANY, 0, 0);
        return true;
    case N_CLASS:
        emit(b, OP_CLASS, add_class(b, n->cls), 0);
        return true;
    default:
        return false;
    }
}

static bool is_single(const re_node *n) {
    n = unwrap(n);
    return n->kind == N_CHAR || n->kind == N_ANY || n->kind == N_CLASS;
}

static int32_t new_slot(builder *b) {
    return b->prog->nslots++;
}

/* x* (greedy or lazy) for a general x. */
static void gen_star(builder *b, const re_node *x, bool greedy) {
    bool empty_ok = nullable(x);
    size_t loop = emit(b, OP_SPLIT, 0, 0);
    b->prog->code[loop].z = new_slot(b);
    size_t body = b->prog->ncode;
    int32_t reg = 0;
    if (empty_ok) {
        reg = b->prog->nregs++;
        emit(b, OP_MARK, reg, 0);
    }
    gen(b, x);
    size_t back = empty_ok ? emit(b, OP_LOOP, reg, 0) : emit(b, OP_JMP, (int32_t)loop, 0);
    size_t out = b->prog->ncode;
    if (empty_ok) {
        b->prog->code[back].y = (int32_t)out;
        b->prog->code[back].z = (int32_t)loop;
    }
    b->prog->code[loop].x = (int32_t)(greedy ? body : out);
    b->prog->code[loop].y = (int32_t)(greedy ? out : body);
}

static void gen_repeat(builder *b, const re_node *n) {
    const re_node *x = n->kids[0];
    if (n->max == 0) {
        return; /* x{0}: matches empty */
    }
    if (is_single(x)) {
        size_t r = emit(b, OP_REPEAT1, n->min, n->max);
        b->prog->code[r].w = n->greedy;
        b->prog->code[r].z = new_slot(b);
        gen_single(b, x);
        return;
    }
    for (int i = 0; i < n->min; i++) {
        gen(b, x);
    }
    if (n->max < 0) {
        gen_star(b, x, n->greedy);
        return;
    }
    /* max - min optional copies; skipping one skips the rest, and (as in
     * the loop) a copy that matched empty is the last one tried */
    int opt = n->max - n->min;
    bool empty_ok = nullable(x);
    int32_t reg = empty_ok && opt > 1 ? b->prog->nregs++ : 0;
    size_t *splits = px_gc_alloc((size_t)opt * sizeof(size_t), PX_GC_LEAF);
    size_t *checks = px_gc_alloc((size_t)opt * sizeof(size_t), PX_GC_LEAF);
    for (int i = 0; i < opt; i++) {
        bool check = empty_ok && i + 1 < opt;
        splits[i] = emit(b, OP_SPLIT, 0, 0);
        b->prog->code[splits[i]].z = new_slot(b);
        size_t body = b->prog->ncode;
        if (check) {
            emit(b, OP_MARK, reg, 0);
        }
        gen(b, x);
        checks[i] = check ? emit(b, OP_LOOP, reg, 0) : 0;
        if (check) {
            b->prog->code[checks[i]].z = (int32_t)b->prog->ncode; /* on to the next copy */
        }
        if (n->greedy) {
            b->prog->code[splits[i]].x = (int32_t)body;
        } else {
            b->prog->code[splits[i]].y = (int32_t)body;
        }
    }
    size_t out = b->prog->ncode;
    for (int i = 0; i < opt; i++) {
        if (n->greedy) {
            b->prog->code[splits[i]].y = (int32_t)out;
        } else {
            b->prog->code[splits[i]].x = (int32_t)out;
        }
        if (checks[i]) {
            b->prog->code[checks[i]].y = (int32_t)out;
        }
    }
}

/* A run of literals kids[i..j) as one string instruction (or one char). */
static void gen_literals(builder *b, const re_node *const *kids, size_t n) {
    if (n == 1) {
        gen_single(b, kids[0]);
        return;
    }
    char buf[64];
    size_t len = 0;
    int32_t at = -1;
    for (size_t i = 0; i < n; i++) {
        char enc[4];
        size_t k = 1;
        if (b->is_str) {
            k = px_utf8_encode(kids[i]->ch, enc);
        } else {
            enc[0] = (char)kids[i]->ch;
        }
        if (len + k > sizeof buf) {
            int32_t off = add_lit(b, buf, len);
            at = at < 0 ? off : at;
            len = 0;
        }
        memcpy(buf + len, enc, k);
        len += k;
    }
    int32_t off = add_lit(b, buf, len);
    at = at < 0 ? off : at;
    emit(b, OP_STR, at, (int32_t)(b->lit_len - (size_t)at));
}

static bool plain_char(const re_node *n) {
    return n->kind == N_CHAR && !folds(n);
}

static void gen(builder *b, const re_node *n) {
    px_check_stack(" in regular expression");
    switch (n->kind) {
    case N_EMPTY:
        return;
    case N_CHAR:
    case N_ANY:
    case N_CLASS:
        gen_single(b, n);
        return;
    case N_CAT:
        for (size_t i = 0; i < n->nkids;) {
            size_t j = i;
            while (j < n->nkids && plain_char(n->kids[j])) {
                j++;
            }
            if (j > i) {
                gen_literals(b, (const re_node *const *)n->kids + i, j - i);
                i = j;
            } else {
                gen(b, n->kids[i++]);
            }
        }
        return;
    case N_ALT: {
        size_t *jumps = px_gc_alloc(n->nkids * sizeof(size_t), PX_GC_LEAF);
        for (size_t i = 0; i < n->nkids; i++) {
            size_t split = 0;
            if (i + 1 < n->nkids) {
                split = emit(b, OP_SPLIT, 0, 0);
                b->prog->code[split].x = (int32_t)b->prog->ncode;
                b->prog->code[split].z = new_slot(b);
            }
            gen(b, n->kids[i]);
            if (i + 1 < n->nkids) {
                jumps[i] = emit(b, OP_JMP, 0, 0);
                b->prog->code[split].y = (int32_t)b->prog->ncode;
            }
        }
        for (size_t i = 0; i + 1 < n->nkids; i++) {
            b->prog->code[jumps[i]].x = (int32_t)b->prog->ncode;
        }
        return;
    }
    case N_GROUP:
        emit(b, OP_SAVE, 2 * n->group, 0);
        gen(b, n->kids[0]);
        emit(b, OP_SAVE, 2 * n->group + 1, 0);
        return;
    case N_REPEAT:
        gen_repeat(b, n);
        return;
    case N_ASSERT:
        emit(b, OP_ASSERT, n->at, n->unicode);
        return;
    case N_BACKREF:
        emit(b, OP_BACKREF, n->group, n->icase);
        return;
    case N_ATOMIC: {
        size_t at = emit(b, OP_ATOMIC, 0, 0);
        b->prog->code[at].x = (int32_t)b->prog->ncode;
        gen(b, n->kids[0]);
        emit(b, OP_SUCCEED, 0, 0);
        b->prog->code[at].y = (int32_t)b->prog->ncode;
        return;
    }
    case N_LOOK: {
        long width = 0;
        if (n->behind && (width = fixed_width(n->kids[0])) < 0) {
            re_error("look-behind requires fixed-width pattern");
        }
        size_t look = emit(b, OP_LOOK, 0, 0);
        b->prog->code[look].x = (int32_t)b->prog->ncode;
        b->prog->code[look].z = (int32_t)width;
        b->prog->code[look].w = (uint8_t)((n->behind ? 1 : 0) | (n->negative ? 2 : 0));
        gen(b, n->kids[0]);
        emit(b, OP_SUCCEED, 0, 0);
        b->prog->code[look].y = (int32_t)b->prog->ncode;
        return;
    }
    }
}

/* ---- first bytes and anchoring */

static void set_bit(uint32_t *set, unsigned byte) {
    set[byte >> 5] |= 1u << (byte & 31);
}

static void set_all(uint32_t *set) {
    memset(set, 0xFF, 8 * sizeof(uint32_t));
}

/* Lead bytes of every code point >= 128 in UTF-8. */
static void set_utf8_leads(uint32_t *set) {
    for (unsigned c = 0xC2; c <= 0xF4; c++) {
        set_bit(set, c);
    }
}

static void class_first(const re_class *c, bool is_str, uint32_t *set) {
    unsigned top = is_str ? 128 : 256;
    for (unsigned cp = 0; cp < top; cp++) {
        if (re_class_has_low(c, cp)) {
            set_bit(set, cp);
        }
    }
    if (is_str) {
        set_utf8_leads(set); /* anything beyond ASCII may be in it */
    }
}

/* Adds the bytes a match of n can start with to set; returns whether n
 * can match empty (then what follows n contributes too). */
static bool first_bytes(const re_node *n, bool is_str, uint32_t *set) {
    px_check_stack(" in regular expression");
    switch (n->kind) {
    case N_CHAR:
        if (folds(n)) {
            class_first(char_class(n), is_str, set);
        } else if (is_str && n->ch >= 128) {
            char enc[4];
            px_utf8_encode(n->ch, enc);
            set_bit(set, (uint8_t)enc[0]);
        } else {
            set_bit(set, n->ch);
        }
        return false;
    case N_ANY:
        set_all(set);
        return false;
    case N_CLASS:
        class_first(n->cls, is_str, set);
        return false;
    case N_CAT:
        for (size_t i = 0; i < n->nkids; i++) {
            if (!first_bytes(n->kids[i], is_str, set)) {
                return false;
            }
        }
        return true;
    case N_ALT: {
        bool any = false;
        for (size_t i = 0; i < n->nkids; i++) {
            any |= first_bytes(n->kids[i], is_str, set);
        }
        return any;
    }
    case N_GROUP:
    case N_ATOMIC:
        return first_bytes(n->kids[0], is_str, set);
    case N_REPEAT:
        if (n->max == 0) {
            return true;
        }
        return first_bytes(n->kids[0], is_str, set) || n->min == 0;
    case N_BACKREF:
        set_all(set);
        return true;
    default: /* assertions and lookarounds consume nothing */
        return true;
    }
}

static bool anchored(const re_node *n) {
    switch (n->kind) {
    case N_ASSERT:
        return n->at == RE_AT_BEGIN;
    case N_CAT:
        return n->nkids > 0 && anchored(n->kids[0]);
    case N_GROUP:
    case N_ATOMIC:
        return anchored(n->kids[0]);
    case N_ALT:
        for (size_t i = 0; i < n->nkids; i++) {
            if (!anchored(n->kids[i])) {
                return false;
            }
        }
        return true;
    default:
        return false;
    }
}

re_prog *re_compile_prog(const re_parsed *parsed, bool is_str) {
    builder b;
    memset(&b, 0, sizeof b);
    b.is_str = is_str;
    b.prog = px_gc_alloc(sizeof(re_prog), 0);
    re_prog *p = b.prog;
    p->ngroups = parsed->ngroups;
    p->utf8 = is_str;
    p->memo_ok = !parsed->backrefs;
    emit(&b, OP_SAVE, 0, 0);
    gen(&b, parsed->root);
    emit(&b, OP_SAVE, 1, 0);
    emit(&b, OP_MATCH, 0, 0);
    p->anchored = anchored(parsed->root);
    memset(p->first, 0, sizeof p->first);
    p->has_first = !first_bytes(parsed->root, is_str, p->first);
    p->first_byte = -1;
    if (p->has_first) {
        int count = 0, which = -1;
        for (int c = 0; c < 256; c++) {
            if ((p->first[c >> 5] >> (c & 31)) & 1) {
                count++;
                which = c;
            }
        }
        if (count == 1) {
            p->first_byte = which;
        }
        if (count == 256) {
            p->has_first = false;
        }
    }
    return p;
}

/* ---- re.DEBUG */

static const char *const op_names[] = {
    "CHAR", "CHAR_CP", "STR", "ANY", "ANY_ALL", "CLASS", "SPLIT", "JMP", "SAVE", "ASSERT",
    "REPEAT1", "MARK", "LOOP", "BACKREF", "LOOK", "ATOMIC", "SUCCEED", "MATCH",
};

void re_prog_dump(const re_prog *p) {
    px_out *o = &px_out_stdout;
    for (size_t i = 0; i < p->ncode; i++) {
        const re_ins *in = &p->code[i];
        px_printf(o, "%4zu %s", i, op_names[in->op]);
        switch (in->op) {
        case OP_CHAR:
        case OP_CHAR_CP:
            px_printf(o, " %ld", (long)in->x);
            break;
        case OP_STR:
            px_printf(o, " '%.*s'", (int)in->y, p->lits + in->x);
            break;
        case OP_SPLIT:
            px_printf(o, " %ld %ld", (long)in->x, (long)in->y);
            break;
        case OP_REPEAT1:
            px_printf(o, " %ld %ld %s", (long)in->x, (long)in->y, in->w ? "greedy" : "lazy");
            break;
        case OP_LOOP:
            px_printf(o, " r%ld exit %ld again %ld", (long)in->x, (long)in->y, (long)in->z);
            break;
        case OP_LOOK:
            px_printf(o, " %s%s width %ld, then %ld", in->w & 1 ? "behind" : "ahead", in->w & 2 ? " not" : "",
                      (long)in->z, (long)in->y);
            break;
        case OP_ATOMIC:
            px_printf(o, " then %ld", (long)in->y);
            break;
        case OP_JMP:
        case OP_SAVE:
        case OP_CLASS:
        case OP_ASSERT:
        case OP_MARK:
        case OP_BACKREF:
            px_printf(o, " %ld", (long)in->x);
            break;
        default:
            break;
        }
        px_printf(o, "\n");
    }
}
