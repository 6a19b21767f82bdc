/* re: the matcher. A backtracking machine over the program of
 * re_compile.c: alternatives are tried in CPython's priority order, so
 * the match found and its groups are CPython's.
 *
 * No exponential blow-up: every state where the machine can backtrack
 * (a SPLIT, or a position a REPEAT1 gives back) has a memo slot. Once a
 * search has taken more than a budget of steps proportional to the text,
 * a bitmap of (slot, position) is switched on and each state that is
 * entered pushes a marker; when backtracking pops the marker, every way
 * on from that state has failed, and the bit is set. A state whose bit is
 * set fails at once. Whether a state can lead to a match depends only on
 * the text and the position (captures never change the outcome), so this
 * changes no result, and each state fails at most once: the work is
 * bounded by slots x positions, plus the walks of greedy repeats giving
 * back over already-failed positions (cheap bit tests), so the worst case
 * is polynomial (about quadratic in the text) instead of exponential.
 * Patterns with back-references are the
 * exception (the outcome depends on what a group captured): they are
 * matched without the memo, like CPython's own matcher. */
#include "re.h"
#include "objects/str_case.h"
#include "objects/str_impl.h"

/* Steps a search may take before memoisation starts: RE_BUDGET_BASE plus
 * RE_BUDGET_PER_BYTE per byte of text. (Set both to 0 when building to
 * test the memoised matcher against CPython on every pattern.) */
#ifndef RE_BUDGET_BASE
#define RE_BUDGET_BASE 20000
#endif
#ifndef RE_BUDGET_PER_BYTE
#define RE_BUDGET_PER_BYTE 32
#endif

enum { BT_BRANCH, BT_SLOT, BT_REG, BT_GREEDY, BT_LAZY, BT_MEMO };

typedef struct {
    uint8_t kind;
    int32_t pc; /* BRANCH/GREEDY/LAZY: where to go; SLOT/REG: which */
    size_t a;   /* BRANCH/GREEDY/LAZY: position; SLOT/REG: old value; MEMO: bit */
    size_t b;   /* GREEDY: lowest position; LAZY: count so far */
} bt_entry;

typedef struct {
    const re_prog *prog;
    const uint8_t *s;
    size_t end;
    bool utf8;
    bool full;         /* the match must end at `end` */
    bool must_advance; /* no empty match at search_start */
    size_t search_start;
    size_t *caps;
    int32_t last_slot; /* caps[last_slot]: the group closed last (lastindex) */
    size_t *regs;
    bt_entry *stack; /* `local` until it is outgrown */
    size_t sp, cap;
    bt_entry local[32];
    size_t steps, budget;
    uint32_t *memo; /* NULL until the budget is spent */
    /* With the memo on, for each unbounded REPEAT1 (by slot): the last run
     * it scanned, [start, end]. Entered again at a position inside it, the
     * run ends at the same place, so nested repeats ((a+)+) do not rescan. */
    size_t *runs;
    size_t succeed_pos; /* where the last SUCCEED was reached */
    size_t memo_stride;
} ctx;

/* ---- the stack */

static void grow(ctx *c) {
    size_t cap = c->cap * 2;
    if (c->stack == c->local) {
        c->stack = px_gc_alloc(cap * sizeof(bt_entry), PX_GC_LEAF);
        memcpy(c->stack, c->local, sizeof c->local);
    } else {
        c->stack = px_gc_realloc(c->stack, cap * sizeof(bt_entry), PX_GC_LEAF);
    }
    c->cap = cap;
}

static inline void push(ctx *c, uint8_t kind, int32_t pc, size_t a, size_t b) {
    if (PX_UNLIKELY(c->sp == c->cap)) {
        grow(c);
    }
    bt_entry *e = &c->stack[c->sp++];
    e->kind = kind;
    e->pc = pc;
    e->a = a;
    e->b = b;
}

/* Is (slot, pos) known to fail? */
static inline bool memo_known(const ctx *c, int32_t slot, size_t pos) {
    if (c->memo == NULL) {
        return false;
    }
    size_t bit = (size_t)slot * c->memo_stride + pos;
    return (c->memo[bit >> 5] >> (bit & 31)) & 1;
}

/* Is (slot, pos) known to fail? If not and the memo is on, mark entry. */
static inline bool memo_failed(ctx *c, int32_t slot, size_t pos) {
    if (c->memo == NULL) {
        return false;
    }
    size_t bit = (size_t)slot * c->memo_stride + pos;
    if ((c->memo[bit >> 5] >> (bit & 31)) & 1) {
        return true;
    }
    push(c, BT_MEMO, 0, bit, 0);
    return false;
}

/* Count n steps of work; once over the budget, switch the memo on. */
static void spend(ctx *c, size_t n) {
    c->steps += n;
    if (c->steps <= c->budget || c->memo != NULL) {
        return;
    }
    c->budget = SIZE_MAX;
    if (!c->prog->memo_ok || c->prog->nslots == 0) {
        return;
    }
    size_t stride = c->end + 1;
    size_t nslots = (size_t)c->prog->nslots;
    if (stride > (SIZE_MAX / 2) / nslots) {
        return;
    }
    size_t words = (nslots * stride + 31) / 32;
    uint32_t *memo = px_gc_try_alloc(words * sizeof(uint32_t), PX_GC_LEAF); /* zeroed */
    size_t *runs = px_gc_try_alloc(2 * nslots * sizeof(size_t), PX_GC_LEAF);
    if (memo == NULL || runs == NULL) {
        return; /* no memory for it: plain backtracking, as CPython */
    }
    for (size_t i = 0; i < 2 * nslots; i++) {
        runs[i] = SIZE_MAX;
    }
    c->memo = memo;
    c->runs = runs;
    c->memo_stride = stride;
}

/* ---- characters */

static inline size_t utf8_width(uint8_t lead) {
    return lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

static inline uint32_t decode_at(const ctx *c, size_t pos, size_t *next) {
    uint8_t b = c->s[pos];
    if (b < 0x80 || !c->utf8) {
        *next = pos + 1;
        return b;
    }
    const char *p = (const char *)c->s + pos;
    uint32_t cp = px_utf8_next(&p, (const char *)c->s + c->end);
    *next = (size_t)((const uint8_t *)p - c->s);
    return cp;
}

static inline size_t prev_pos(const ctx *c, size_t pos) {
    pos--;
    if (c->utf8) {
        while (pos > 0 && (c->s[pos] & 0xC0) == 0x80) {
            pos--;
        }
    }
    return pos;
}

static inline size_t next_pos(const ctx *c, size_t pos) {
    uint8_t b = c->s[pos];
    return pos + (b < 0xC0 || !c->utf8 ? 1 : utf8_width(b));
}

/* One character at *pos against a single-character instruction. */
static inline bool match_item(const ctx *c, const re_ins *in, size_t *pos) {
    size_t p = *pos;
    if (p >= c->end) {
        return false;
    }
    uint8_t b = c->s[p];
    switch (in->op) {
    case OP_CHAR:
        if (b != (uint8_t)in->x) {
            return false;
        }
        *pos = p + 1;
        return true;
    case OP_ANY:
        if (b == '\n') {
            return false;
        }
        *pos = next_pos(c, p);
        return true;
    case OP_ANY_ALL:
        *pos = next_pos(c, p);
        return true;
    case OP_CLASS: {
        const re_class *cls = &c->prog->classes[in->x];
        if (b < 0x80 || !c->utf8) {
            if (!re_class_has_low(cls, b)) {
                return false;
            }
            *pos = p + 1;
            return true;
        }
        size_t n;
        uint32_t cp = decode_at(c, p, &n);
        if (!re_class_has(cls, cp)) {
            return false;
        }
        *pos = n;
        return true;
    }
    case OP_CHAR_CP: {
        size_t n;
        if (decode_at(c, p, &n) != (uint32_t)in->x) {
            return false;
        }
        *pos = n;
        return true;
    }
    default:
        return false;
    }
}

/* As many items as possible (up to max; max < 0: no limit) from pos;
 * returns the end, and the count in *count when counting is needed. */
static size_t repeat_greedy(const ctx *c, const re_ins *item, size_t pos, long max, long *count) {
    const uint8_t *s = c->s;
    size_t end = c->end;
    if (!c->utf8 || item->op == OP_CHAR) { /* one byte per item */
        size_t lim = max >= 0 && (size_t)max < end - pos ? pos + (size_t)max : end;
        size_t p = pos;
        switch (item->op) {
        case OP_CHAR: {
            uint8_t ch = (uint8_t)item->x;
            while (p < lim && s[p] == ch) {
                p++;
            }
            break;
        }
        case OP_ANY: {
            const uint8_t *nl = memchr(s + p, '\n', lim - p);
            p = nl ? (size_t)(nl - s) : lim;
            break;
        }
        case OP_ANY_ALL:
            p = lim;
            break;
        case OP_CLASS: {
            const re_class *cls = &c->prog->classes[item->x];
            while (p < lim && re_class_has_low(cls, s[p])) {
                p++;
            }
            break;
        }
        default:
            while (p < lim && match_item(c, item, &p)) {
            }
            break;
        }
        *count = (long)(p - pos);
        return p;
    }
    long n = 0;
    size_t p = pos;
    while ((max < 0 || n < max) && match_item(c, item, &p)) {
        n++;
    }
    *count = n;
    return p;
}

/* ---- assertions */

static bool word_at(const ctx *c, size_t pos, bool unicode) {
    size_t n;
    return re_is_word(decode_at(c, pos, &n), unicode);
}

static bool word_before(const ctx *c, size_t pos, bool unicode) {
    return pos > 0 && word_at(c, prev_pos(c, pos), unicode);
}

static bool check_assert(const ctx *c, const re_ins *in, size_t pos) {
    const uint8_t *s = c->s;
    size_t end = c->end;
    switch (in->x) {
    case RE_AT_BEGIN:
        return pos == 0;
    case RE_AT_END:
        return pos == end || (pos + 1 == end && s[pos] == '\n');
    case RE_AT_END_STRICT:
        return pos == end;
    case RE_AT_BOL:
        return pos == 0 || s[pos - 1] == '\n';
    case RE_AT_EOL:
        return pos == end || s[pos] == '\n';
    case RE_AT_WORDB:
    case RE_AT_NOT_WORDB: {
        if (end == 0) { /* CPython: neither \b nor \B matches in an empty string */
            return false;
        }
        bool before = word_before(c, pos, in->y);
        bool after = pos < end && word_at(c, pos, in->y);
        return (before != after) == (in->x == RE_AT_WORDB);
    }
    default:
        return false;
    }
}

/* The text of group g again at pos (case-insensitively if icase). */
static bool backref_at(const ctx *c, int g, bool icase, size_t *pos) {
    size_t a = c->caps[2 * g], b = c->caps[2 * g + 1];
    if (a == SIZE_MAX || b == SIZE_MAX) {
        return false;
    }
    size_t n = b - a, p = *pos;
    if (!icase) {
        if (c->end - p < n || memcmp(c->s + a, c->s + p, n) != 0) {
            return false;
        }
        *pos = p + n;
        return true;
    }
    while (a < b) {
        if (p >= c->end) {
            return false;
        }
        size_t na, np;
        uint32_t x = decode_at(c, a, &na), y = decode_at(c, p, &np);
        if (x != y) {
            bool uni = c->utf8 || c->prog->utf8;
            uint32_t lx = uni ? px_cp_lower(x) : (x >= 'A' && x <= 'Z' ? x + 32 : x);
            uint32_t ly = uni ? px_cp_lower(y) : (y >= 'A' && y <= 'Z' ? y + 32 : y);
            if (lx != ly) {
                return false;
            }
        }
        a = na;
        p = np;
    }
    *pos = p;
    return true;
}

/* ---- the machine */

/* Undo what entries above `mark` changed (captures, registers), without
 * marking memo states as failed; the stack is cut back to mark. */
static void unwind_to(ctx *c, size_t mark) {
    while (c->sp > mark) {
        bt_entry *e = &c->stack[--c->sp];
        if (e->kind == BT_SLOT) {
            c->caps[e->pc] = e->a;
        } else if (e->kind == BT_REG) {
            c->regs[e->pc] = e->a;
        }
    }
}

/* Keep only the undo entries above mark (a lookahead that succeeded: its
 * captures stay, its alternatives are dropped). */
static void keep_undo(ctx *c, size_t mark) {
    size_t j = mark;
    for (size_t i = mark; i < c->sp; i++) {
        if (c->stack[i].kind == BT_SLOT || c->stack[i].kind == BT_REG) {
            c->stack[j++] = c->stack[i];
        }
    }
    c->sp = j;
}

/* Run from pc at pos until MATCH/SUCCEED (true) or until every
 * alternative pushed since entry has failed (false). */
static bool run(ctx *c, int32_t pc, size_t pos) {
    const size_t base = c->sp;
    const re_ins *code = c->prog->code;
    const uint8_t *s = c->s;
    const size_t end = c->end;
    for (;;) {
        const re_ins *in = &code[pc];
        switch (in->op) {
        case OP_CHAR:
            if (pos < end && s[pos] == (uint8_t)in->x) {
                pos++;
                pc++;
                continue;
            }
            goto fail;
        case OP_STR:
            if (end - pos >= (size_t)in->y && memcmp(s + pos, c->prog->lits + in->x, (size_t)in->y) == 0) {
                pos += (size_t)in->y;
                pc++;
                continue;
            }
            goto fail;
        case OP_CHAR_CP:
        case OP_ANY:
        case OP_ANY_ALL:
        case OP_CLASS:
            if (match_item(c, in, &pos)) {
                pc++;
                continue;
            }
            goto fail;
        case OP_SPLIT:
            if (memo_failed(c, in->z, pos)) {
                goto fail;
            }
            push(c, BT_BRANCH, in->y, pos, 0);
            pc = in->x;
            continue;
        case OP_JMP:
            pc = in->x;
            continue;
        case OP_SAVE:
            push(c, BT_SLOT, in->x, c->caps[in->x], 0);
            c->caps[in->x] = pos;
            if ((in->x & 1) && in->x > 1) { /* a group closed: lastindex */
                push(c, BT_SLOT, c->last_slot, c->caps[c->last_slot], 0);
                c->caps[c->last_slot] = (size_t)in->x / 2;
            }
            pc++;
            continue;
        case OP_ASSERT:
            if (check_assert(c, in, pos)) {
                pc++;
                continue;
            }
            goto fail;
        case OP_REPEAT1: {
            const re_ins *item = in + 1;
            long min = in->x, max = in->y, count;
            if (in->w) { /* greedy: take all, give back one at a time */
                size_t *run = c->runs != NULL && max < 0 ? &c->runs[2 * in->z] : NULL;
                size_t to;
                count = -1; /* unknown when the run was cached */
                if (run != NULL && run[0] <= pos && pos <= run[1]) {
                    to = run[1];
                } else {
                    to = repeat_greedy(c, item, pos, max, &count);
                    spend(c, (size_t)count);
                    if (run == NULL && c->runs != NULL && max < 0) { /* the memo came on just now */
                        run = &c->runs[2 * in->z];
                    }
                    if (run != NULL) {
                        run[0] = pos;
                        run[1] = to;
                    }
                }
                size_t low = pos; /* where the minimum ends */
                if (min > 0) {
                    if (!c->utf8 || item->op == OP_CHAR) {
                        if ((size_t)min > to - pos) {
                            goto fail;
                        }
                        low = pos + (size_t)min;
                    } else {
                        if (count >= 0 && count < min) {
                            goto fail;
                        }
                        for (long k = 0; k < min; k++) {
                            if (low >= to) {
                                goto fail;
                            }
                            low = next_pos(c, low);
                        }
                    }
                }
                pos = to;
                if (pos > low) {
                    push(c, BT_GREEDY, pc, pos, low);
                }
            } else {
                for (long k = 0; k < min; k++) {
                    if (!match_item(c, item, &pos)) {
                        goto fail;
                    }
                }
                if (max < 0 || min < max) {
                    push(c, BT_LAZY, pc, pos, (size_t)min);
                }
            }
            if (memo_failed(c, in->z, pos)) {
                goto fail;
            }
            pc += 2;
            continue;
        }
        case OP_MARK:
            push(c, BT_REG, in->x, c->regs[in->x], 0);
            c->regs[in->x] = pos;
            pc++;
            continue;
        case OP_LOOP:
            pc = pos == c->regs[in->x] ? in->y : in->z;
            continue;
        case OP_BACKREF:
            if (backref_at(c, in->x, in->y, &pos)) {
                pc++;
                continue;
            }
            goto fail;
        case OP_LOOK: {
            size_t at = pos;
            bool ok = true;
            if (in->w & 1) { /* behind: the body must end here */
                for (int32_t k = 0; k < in->z && ok; k++) {
                    if (at == 0) {
                        ok = false;
                    } else {
                        at = prev_pos(c, at);
                    }
                }
            }
            size_t mark = c->sp;
            if (ok) {
                px_check_stack(" in regular expression");
                ok = run(c, in->x, at);
            }
            if (in->w & 2) { /* negative */
                if (ok) {
                    unwind_to(c, mark);
                    goto fail;
                }
            } else {
                if (!ok) {
                    goto fail;
                }
                keep_undo(c, mark);
            }
            pc = in->y;
            continue;
        }
        case OP_ATOMIC: {
            size_t mark = c->sp;
            px_check_stack(" in regular expression");
            if (!run(c, in->x, pos)) {
                goto fail;
            }
            keep_undo(c, mark); /* the body's captures stay, its alternatives go */
            pos = c->succeed_pos;
            pc = in->y;
            continue;
        }
        case OP_SUCCEED:
            c->succeed_pos = pos;
            return true;
        case OP_MATCH:
            if ((c->full && pos != end) || (c->must_advance && pos == c->search_start)) {
                goto fail;
            }
            return true;
        default:
            goto fail;
        }
    fail:
        for (;;) {
            if (c->sp == base) {
                return false;
            }
            bt_entry *e = &c->stack[--c->sp];
            switch (e->kind) {
            case BT_SLOT:
                c->caps[e->pc] = e->a;
                continue;
            case BT_REG:
                c->regs[e->pc] = e->a;
                continue;
            case BT_MEMO:
                c->memo[e->a >> 5] |= 1u << (e->a & 31);
                continue;
            case BT_BRANCH:
                spend(c, 1);
                pc = e->pc;
                pos = e->a;
                break;
            case BT_GREEDY: {
                spend(c, 1);
                /* e is only valid until the next push */
                int32_t at = e->pc;
                size_t low = e->b, p = e->a;
                const re_ins *rep = &code[at];
                const re_ins *next = rep + 2;
                /* a literal next: only stop where it can match */
                int lit = next->op == OP_CHAR ? next->x : next->op == OP_STR ? (uint8_t)c->prog->lits[next->x] : -1;
                bool found = false;
                while (p > low) { /* the next lower position worth trying */
                    p = prev_pos(c, p);
                    if (p > low && lit >= 0 && (p >= end || s[p] != (uint8_t)lit)) {
                        continue;
                    }
                    if (!memo_known(c, rep->z, p)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    continue;
                }
                if (p > low) {
                    e->a = p;
                    c->sp++; /* the entry stays, one position lower */
                }
                memo_failed(c, rep->z, p); /* marks the state entered */
                pc = at + 2;
                pos = p;
                break;
            }
            case BT_LAZY: {
                spend(c, 1);
                const re_ins *rep = &code[e->pc];
                size_t p = e->a;
                if (!match_item(c, rep + 1, &p)) {
                    continue;
                }
                size_t count = e->b + 1;
                int32_t at = e->pc;
                if (rep->y < 0 || count < (size_t)rep->y) {
                    push(c, BT_LAZY, at, p, count);
                }
                if (memo_failed(c, rep->z, p)) {
                    continue;
                }
                pc = at + 2;
                pos = p;
                break;
            }
            default:
                continue;
            }
            break;
        }
    }
}

bool px_re_exec(const re_subject *subj, size_t start, int mode, bool must_advance) {
    const re_prog *prog = subj->prog;
    ctx c;
    memset(&c, 0, sizeof c);
    c.prog = prog;
    c.s = subj->s;
    c.end = subj->end;
    c.utf8 = subj->utf8;
    c.full = mode == RE_MODE_FULL;
    c.must_advance = must_advance;
    c.search_start = start;
    c.caps = subj->caps;
    c.stack = c.local;
    c.cap = sizeof c.local / sizeof c.local[0];
    size_t ncaps = 2 * ((size_t)prog->ngroups + 1);
    c.last_slot = (int32_t)ncaps;
    for (size_t i = 0; i <= ncaps; i++) {
        c.caps[i] = SIZE_MAX;
    }
    size_t regs_small[8];
    c.regs = prog->nregs <= 8 ? regs_small : px_gc_alloc((size_t)prog->nregs * sizeof(size_t), PX_GC_LEAF);
    c.budget = RE_BUDGET_BASE + RE_BUDGET_PER_BYTE * (c.end - (start < c.end ? start : c.end));
    if (start > c.end) {
        return false;
    }
    if (mode != RE_MODE_SEARCH) {
        return run(&c, 0, start);
    }
    if (prog->anchored) {
        return start == 0 && run(&c, 0, 0);
    }
    size_t pos = start;
    const uint8_t *s = c.s;
    /* what every match starts with: a literal, or a line start */
    const re_ins *first = &prog->code[1];
    const uint8_t *lit = NULL;
    size_t lit_len = 0;
    if (first->op == OP_STR) {
        lit = (const uint8_t *)prog->lits + first->x;
        lit_len = (size_t)first->y;
    }
    bool at_lines = first->op == OP_ASSERT && first->x == RE_AT_BOL;
    for (;;) {
        if (lit != NULL) {
            for (;;) {
                const uint8_t *hit = c.end - pos >= lit_len ? memchr(s + pos, lit[0], c.end - pos - lit_len + 1) : NULL;
                if (hit == NULL) {
                    return false;
                }
                pos = (size_t)(hit - s);
                if (memcmp(hit + 1, lit + 1, lit_len - 1) == 0) {
                    break;
                }
                pos++;
            }
        } else if (at_lines && pos > 0 && s[pos - 1] != '\n') {
            const uint8_t *nl = pos < c.end ? memchr(s + pos, '\n', c.end - pos) : NULL;
            if (nl == NULL) {
                return false;
            }
            pos = (size_t)(nl - s) + 1;
        } else if (prog->has_first) {
            if (prog->first_byte >= 0) {
                const uint8_t *hit = pos < c.end ? memchr(s + pos, prog->first_byte, c.end - pos) : NULL;
                if (hit == NULL) {
                    return false;
                }
                pos = (size_t)(hit - s);
            } else {
                while (pos < c.end && !((prog->first[s[pos] >> 5] >> (s[pos] & 31)) & 1)) {
                    pos++;
                }
                if (pos >= c.end) {
                    return false;
                }
            }
        }
        if (run(&c, 0, pos)) {
            return true;
        }
        if (pos >= c.end) {
            return false;
        }
        pos = next_pos(&c, pos);
    }
}
