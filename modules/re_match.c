/* re: Match objects, and the functions that walk a subject match after
 * match: finditer (a scanner object), findall, sub/subn (with templates
 * \1 \g<name> or a callable) and split. They all step the same way as
 * CPython 3.7+: after an empty match the next one must not be empty at
 * the same position, and a match may start where the previous one ended. */
#include <stdio.h>

#include "re.h"
#include "objects/str_impl.h"

/* ---- Match objects */

static re_match_obj *match_of(px_val v) {
    return px_as_ptr(px_native(v, &re_type_match));
}

px_val re_match_new(re_pattern_obj *p, px_val string, px_val text, bool utf8, px_int pos, px_int endpos,
                    const size_t *caps, size_t ref_byte, px_int ref_char) {
    re_match_obj *m = px_gc_alloc(sizeof *m, 0);
    m->base.type = &re_type_match;
    m->re = p;
    m->string = string;
    m->text = text;
    m->utf8 = utf8;
    m->pos = pos;
    m->endpos = endpos;
    size_t n = re_ncaps(p->prog);
    m->caps = px_gc_alloc(n * sizeof(size_t), PX_GC_LEAF);
    memcpy(m->caps, caps, n * sizeof(size_t));
    m->ref_byte = ref_byte;
    m->ref_char = ref_char;
    return px_from_ptr(m);
}

static const uint8_t *match_bytes(const re_match_obj *m, size_t *len) {
    if (m->re->is_str) {
        return (const uint8_t *)px_str_get(m->text, len);
    }
    return px_bytes_data(m->text, len);
}

static px_int to_char(const re_match_obj *m, size_t off) {
    if (off == SIZE_MAX) {
        return -1;
    }
    if (!m->utf8) {
        return (px_int)off;
    }
    size_t len;
    const char *s = (const char *)match_bytes(m, &len);
    if (off >= m->ref_byte) {
        return m->ref_char + (px_int)px_utf8_count(s + m->ref_byte, off - m->ref_byte);
    }
    return (px_int)px_utf8_count(s, off);
}

/* A group argument (number or name) as a number; IndexError if none. */
static int group_index(const re_match_obj *m, px_val g) {
    if (px_is_int(g) && !px_is_bool(g)) {
        px_int i = px_int_to_i64(g);
        if (i >= 0 && i <= m->re->prog->ngroups) {
            return (int)i;
        }
    } else if (px_is_str(g)) {
        px_val i = px_dict_get(m->re->groupindex, g);
        if (i != PX_NULL) {
            return (int)px_small_get(i);
        }
    }
    px_raise_index_error("no such group");
}

/* Group i's text, or dflt when it did not take part. */
static px_val group_value(const re_match_obj *m, int i, px_val dflt) {
    size_t a = m->caps[2 * i], b = m->caps[2 * i + 1];
    if (a == SIZE_MAX || b == SIZE_MAX) {
        return dflt;
    }
    size_t len;
    const uint8_t *s = match_bytes(m, &len);
    return re_slice(m->re->is_str, s, a, b);
}

static px_val match_group(size_t argc, const px_val *argv) {
    re_match_obj *m = match_of(argv[0]);
    if (argc == 1) {
        return group_value(m, 0, PX_NONE);
    }
    if (argc == 2) {
        return group_value(m, group_index(m, argv[1]), PX_NONE);
    }
    px_val t = px_tuple_new(argc - 1, NULL);
    for (size_t i = 1; i < argc; i++) {
        px_tuple_ptr(t)->items[i - 1] = group_value(m, group_index(m, argv[i]), PX_NONE);
    }
    return t;
}
static PX_METHV(match_group_obj, &re_type_match, group, 1, PX_ARGS_MAX, match_group);

static px_val match_getitem(px_val self, px_val g) {
    re_match_obj *m = match_of(self);
    return group_value(m, group_index(m, g), PX_NONE);
}
static PX_METH2(match_getitem_obj, &re_type_match, __getitem__, match_getitem);

static px_val match_groups(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(default), 0, PX_NONE}};
    px_val dflt;
    px_parse_args(PX_Q(groups), argc - 1, argv + 1, kwnames, 1, spec, &dflt);
    re_match_obj *m = match_of(argv[0]);
    int n = m->re->prog->ngroups;
    px_val t = px_tuple_new((size_t)n, NULL);
    for (int i = 0; i < n; i++) {
        px_tuple_ptr(t)->items[i] = group_value(m, i + 1, dflt);
    }
    return t;
}
static PX_METHKW(match_groups_obj, &re_type_match, groups, 1, 2, match_groups);

static px_val match_groupdict(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {{PX_Q(default), 0, PX_NONE}};
    px_val dflt;
    px_parse_args(PX_Q(groupdict), argc - 1, argv + 1, kwnames, 1, spec, &dflt);
    re_match_obj *m = match_of(argv[0]);
    px_val d = px_dict_new(0);
    px_map *names = px_dict_map(m->re->groupindex);
    size_t pos = 0;
    for (px_map_entry *e = px_map_next(names, &pos); e != NULL; e = px_map_next(names, &pos)) {
        px_dict_set(d, e->key, group_value(m, (int)px_small_get(e->value), dflt));
    }
    return d;
}
static PX_METHKW(match_groupdict_obj, &re_type_match, groupdict, 1, 2, match_groupdict);

static int opt_group(const re_match_obj *m, size_t argc, const px_val *argv) {
    return argc > 1 ? group_index(m, argv[1]) : 0;
}

static px_val match_start(size_t argc, const px_val *argv) {
    re_match_obj *m = match_of(argv[0]);
    return px_int_from_i64(to_char(m, m->caps[2 * opt_group(m, argc, argv)]));
}
static PX_METHV(match_start_obj, &re_type_match, start, 1, 2, match_start);

static px_val match_end(size_t argc, const px_val *argv) {
    re_match_obj *m = match_of(argv[0]);
    return px_int_from_i64(to_char(m, m->caps[2 * opt_group(m, argc, argv) + 1]));
}
static PX_METHV(match_end_obj, &re_type_match, end, 1, 2, match_end);

static px_val span_tuple(const re_match_obj *m, int g) {
    px_val t[2] = {px_int_from_i64(to_char(m, m->caps[2 * g])), px_int_from_i64(to_char(m, m->caps[2 * g + 1]))};
    return px_tuple_new(2, t);
}

static px_val match_span(size_t argc, const px_val *argv) {
    re_match_obj *m = match_of(argv[0]);
    return span_tuple(m, opt_group(m, argc, argv));
}
static PX_METHV(match_span_obj, &re_type_match, span, 1, 2, match_span);

/* ---- replacement templates: literal text and group references */

typedef struct {
    px_strbuf lit;  /* literal pieces, back to back */
    size_t *parts;  /* per part: (literal start, literal length, group or -1) */
    size_t nparts, cap;
} template;

static void template_add(template *t, size_t lit_start, int group) {
    if (t->nparts == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 8;
        t->parts = px_gc_realloc(t->parts, t->cap * 3 * sizeof(size_t), PX_GC_LEAF);
    }
    size_t *p = &t->parts[3 * t->nparts++];
    p[0] = lit_start;
    p[1] = t->lit.len - lit_start;
    p[2] = (size_t)(long)group;
}

static bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (uint8_t)c >= 0x80;
}

/* The escapes a template turns into characters (\\ included). */
static int control_escape(char e) {
    switch (e) {
    case 'a': return 7;
    case 'b': return 8;
    case 'f': return 12;
    case 'n': return 10;
    case 'r': return 13;
    case 't': return 9;
    case 'v': return 11;
    case '\\': return '\\';
    default: return -1;
    }
}

static void parse_template(const re_pattern_obj *p, const char *s, size_t n, template *t) {
    px_strbuf_init(&t->lit, n + 1);
    t->parts = NULL;
    t->nparts = t->cap = 0;
    int ngroups = p->prog->ngroups;
    size_t lit_start = 0;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c != '\\') {
            px_strbuf_add_char(&t->lit, c);
            i++;
            continue;
        }
        size_t at = i;
        if (i + 1 >= n) {
            re_error("bad escape (end of pattern) at position %zu", at);
        }
        char e = s[i + 1];
        i += 2;
        int group = -1;
        if (e == 'g') {
            if (i >= n || s[i] != '<') {
                re_error("missing < at position %zu", i);
            }
            size_t name_at = ++i;
            while (i < n && s[i] != '>') {
                i++;
            }
            if (i >= n && i == name_at) {
                re_error("missing group name at position %zu", i);
            }
            if (i >= n) {
                re_error("missing >, unterminated name at position %zu", name_at);
            }
            size_t name_len = i - name_at;
            i++;
            if (name_len == 0) {
                re_error("missing group name at position %zu", name_at);
            }
            bool digits = true;
            for (size_t k = name_at; k < name_at + name_len; k++) {
                digits &= s[k] >= '0' && s[k] <= '9';
            }
            if (digits) {
                long g = 0;
                for (size_t k = name_at; k < name_at + name_len && g <= 1000000; k++) {
                    g = g * 10 + (s[k] - '0');
                }
                if (g > ngroups) {
                    re_error("invalid group reference %ld at position %zu", g, name_at);
                }
                group = (int)g;
            } else {
                bool ok = is_ident_start(s[name_at]);
                for (size_t k = name_at; k < name_at + name_len; k++) {
                    ok &= is_ident_start(s[k]) || (s[k] >= '0' && s[k] <= '9');
                }
                if (!ok) {
                    re_error("bad character in group name '%.*s' at position %zu", (int)name_len, s + name_at,
                             name_at);
                }
                px_val g = px_dict_get(p->groupindex, px_str(s + name_at, name_len));
                if (g == PX_NULL) {
                    px_raise_index_error("unknown group name '%.*s'", (int)name_len, s + name_at);
                }
                group = (int)px_small_get(g);
            }
        } else if (e == '0') {
            int v = 0;
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) {
                v = v * 8 + (s[i++] - '0');
            }
            px_strbuf_add_char(&t->lit, (char)v);
            continue;
        } else if (e >= '1' && e <= '9') {
            int g = e - '0';
            if (i < n && s[i] >= '0' && s[i] <= '9') {
                if (e <= '7' && s[i] <= '7' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7') {
                    int v = (e - '0') * 64 + (s[i] - '0') * 8 + (s[i + 1] - '0');
                    if (v > 0377) {
                        re_error("octal escape value \\%.3s outside of range 0-0o377 at position %zu", s + at + 1, at);
                    }
                    i += 2;
                    if (p->is_str && v >= 0x80) {
                        px_strbuf_add_utf8(&t->lit, (uint32_t)v);
                    } else {
                        px_strbuf_add_char(&t->lit, (char)v);
                    }
                    continue;
                }
                g = g * 10 + (s[i++] - '0');
            }
            if (g > ngroups) {
                re_error("invalid group reference %d at position %zu", g, at + 1);
            }
            group = g;
        } else {
            int ch = control_escape(e);
            if (ch >= 0) {
                px_strbuf_add_char(&t->lit, (char)ch);
                continue;
            }
            if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
                re_error("bad escape \\%c at position %zu", e, at);
            }
            px_strbuf_add_char(&t->lit, '\\');
            px_strbuf_add_char(&t->lit, e);
            continue;
        }
        template_add(t, lit_start, group);
        lit_start = t->lit.len;
    }
    template_add(t, lit_start, -1);
}

/* Append the template filled in from caps. */
static void expand_into(px_strbuf *out, const template *t, const uint8_t *s, const size_t *caps) {
    for (size_t i = 0; i < t->nparts; i++) {
        const size_t *p = &t->parts[3 * i];
        px_strbuf_add(out, t->lit.data + p[0], p[1]);
        long g = (long)p[2];
        if (g >= 0 && caps[2 * g] != SIZE_MAX && caps[2 * g + 1] != SIZE_MAX) {
            px_strbuf_add(out, (const char *)s + caps[2 * g], caps[2 * g + 1] - caps[2 * g]);
        }
    }
}

static const char *template_text(const re_pattern_obj *p, px_val repl, size_t *n) {
    if (p->is_str) {
        const char *s = px_str_get(repl, n);
        if (s == NULL) {
            px_raise_type_error("expected str instance, %s found", px_type_name(repl));
        }
        return s;
    }
    if (px_str_get(repl, n) != NULL) {
        px_raise_type_error("expected a bytes-like object, %s found", px_type_name(repl));
    }
    return (const char *)px_bytes_arg(repl, n);
}

static px_val match_expand(px_val self, px_val repl) {
    re_match_obj *m = match_of(self);
    size_t n, len;
    const char *s = template_text(m->re, repl, &n);
    template t;
    parse_template(m->re, s, n, &t);
    px_strbuf out;
    px_strbuf_init(&out, n + 16);
    expand_into(&out, &t, match_bytes(m, &len), m->caps);
    return m->re->is_str ? px_strbuf_to_str(&out) : px_strbuf_to_bytes(&out);
}
static PX_METH2(match_expand_obj, &re_type_match, expand, match_expand);

static px_val match_getattr(px_val self, px_qid name) {
    re_match_obj *m = match_of(self);
    size_t last = m->caps[re_ncaps(m->re->prog) - 1];
    if (name == PX_Q(string)) {
        return m->string;
    }
    if (name == PX_Q(re)) {
        return px_from_ptr(m->re);
    }
    if (name == PX_Q(pos)) {
        return px_int_from_i64(m->pos);
    }
    if (name == PX_Q(endpos)) {
        return px_int_from_i64(m->endpos);
    }
    if (name == PX_Q(lastindex)) {
        return last == SIZE_MAX ? PX_NONE : px_small((px_int)last);
    }
    if (name == PX_Q(lastgroup)) {
        if (last == SIZE_MAX) {
            return PX_NONE;
        }
        px_map *names = px_dict_map(m->re->groupindex);
        size_t pos = 0;
        for (px_map_entry *e = px_map_next(names, &pos); e != NULL; e = px_map_next(names, &pos)) {
            if ((size_t)px_small_get(e->value) == last) {
                return e->key;
            }
        }
        return PX_NONE;
    }
    if (name == PX_Q(regs)) {
        int n = m->re->prog->ngroups + 1;
        px_val t = px_tuple_new((size_t)n, NULL);
        for (int i = 0; i < n; i++) {
            px_tuple_ptr(t)->items[i] = span_tuple(m, i);
        }
        return t;
    }
    return PX_NULL;
}

static void match_print(px_out *out, px_val self, px_print_kind kind) {
    re_match_obj *m = match_of(self);
    px_printf(out, "<re.Match object; span=(%ld, %ld), match=", (long)to_char(m, m->caps[0]),
              (long)to_char(m, m->caps[1]));
    px_print(out, group_value(m, 0, PX_NONE), PX_PRINT_REPR);
    px_write_cstr(out, ">");
}

static const px_map_entry match_methods[] = {
    PX_ENTRY_OBJ(__getitem__, &match_getitem_obj),
    PX_ENTRY_OBJ(end, &match_end_obj),
    PX_ENTRY_OBJ(expand, &match_expand_obj),
    PX_ENTRY_OBJ(group, &match_group_obj),
    PX_ENTRY_OBJ(groupdict, &match_groupdict_obj),
    PX_ENTRY_OBJ(groups, &match_groups_obj),
    PX_ENTRY_OBJ(span, &match_span_obj),
    PX_ENTRY_OBJ(start, &match_start_obj),
};
static PX_CONST_MAP(match_dict, match_methods);

static px_val match_subscr(px_val self, px_val index, px_val value) {
    if (value != PX_NULL) {
        px_raise_type_error("'re.Match' object does not support item assignment");
    }
    return match_getitem(self, index);
}

const px_type re_type_match = {
    .base = {&px_type_type},
    .name = PX_Q(Match),
    .base_type = &px_type_object,
    .dict = &match_dict,
    .print = match_print,
    .getattr = match_getattr,
    .subscr = match_subscr,
};

/* ---- walking a subject: one state for finditer, findall, sub, split */

typedef struct {
    re_pattern_obj *p;
    px_val string, text;
    const uint8_t *s;
    size_t len;
    bool utf8;
    px_int pos, endpos; /* characters, as given (clamped) */
    size_t at;          /* byte offset the next search starts from */
    size_t end;         /* byte offset of endpos */
    bool must_advance;  /* the last match was empty */
    bool done;
    px_int at_char;     /* character index of `at` (kept when utf8) */
    size_t *caps;
} walker;

static void walker_init(walker *w, re_pattern_obj *p, px_val string, px_val pos_arg, px_val endpos_arg) {
    memset(w, 0, sizeof *w);
    w->p = p;
    w->string = string;
    w->s = re_subject_bytes(p, string, &w->text, &w->len, &w->utf8);
    size_t nchars = w->utf8 ? px_utf8_count((const char *)w->s, w->len) : w->len;
    re_span_args(pos_arg, endpos_arg, nchars, &w->pos, &w->endpos);
    w->at = re_char_to_byte(w->s, w->len, w->utf8, w->pos);
    w->end = re_char_to_byte(w->s, w->len, w->utf8, w->endpos);
    w->at_char = w->pos;
    w->done = w->endpos < w->pos;
    w->caps = px_gc_alloc(re_ncaps(p->prog) * sizeof(size_t), PX_GC_LEAF);
}

/* The next match into w->caps; false when there are no more. */
static bool walker_next(walker *w) {
    if (w->done) {
        return false;
    }
    re_subject subj = {w->p->prog, w->s, w->end, w->utf8, w->caps};
    if (!px_re_exec(&subj, w->at, RE_MODE_SEARCH, w->must_advance)) {
        w->done = true;
        return false;
    }
    return true;
}

/* Move past the match in w->caps. */
static void walker_step(walker *w) {
    size_t b = w->caps[1];
    if (w->utf8) {
        w->at_char += (px_int)px_utf8_count((const char *)w->s + w->at, b - w->at);
    }
    w->must_advance = w->caps[0] == b;
    w->at = b;
}

static px_val walker_match(walker *w) {
    px_int ref_char = w->utf8 ? w->at_char : (px_int)w->at;
    return re_match_new(w->p, w->string, w->text, w->utf8, w->pos, w->endpos, w->caps, w->at, ref_char);
}

/* ---- finditer */

typedef struct {
    px_obj base;
    walker w;
} scanner;

px_val re_do_finditer(re_pattern_obj *p, px_val string, px_val pos, px_val endpos) {
    scanner *sc = px_gc_alloc(sizeof *sc, 0);
    sc->base.type = &re_type_scanner;
    walker_init(&sc->w, p, string, pos, endpos);
    return px_from_ptr(sc);
}

static px_val scanner_next(px_val self) {
    scanner *sc = px_as_ptr(self);
    if (!walker_next(&sc->w)) {
        return PX_NULL;
    }
    px_val m = walker_match(&sc->w);
    walker_step(&sc->w);
    return m;
}

static px_val scanner_iter(px_val self) {
    return self;
}

const px_type re_type_scanner = {
    .base = {&px_type_type},
    .name = PX_Q(callable_iterator),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = scanner_iter,
    .next = scanner_next,
};

/* ---- findall */

static px_val group_or_empty(const walker *w, int g) {
    size_t a = w->caps[2 * g], b = w->caps[2 * g + 1];
    if (a == SIZE_MAX || b == SIZE_MAX) {
        a = b = 0;
    }
    return re_slice(w->p->is_str, w->s, a, b);
}

px_val re_do_findall(re_pattern_obj *p, px_val string, px_val pos, px_val endpos) {
    walker w;
    walker_init(&w, p, string, pos, endpos);
    px_val list = px_list_new(0, NULL);
    int ng = p->prog->ngroups;
    while (walker_next(&w)) {
        px_val item;
        if (ng == 0) {
            item = group_or_empty(&w, 0);
        } else if (ng == 1) {
            item = group_or_empty(&w, 1);
        } else {
            item = px_tuple_new((size_t)ng, NULL);
            for (int i = 0; i < ng; i++) {
                px_tuple_ptr(item)->items[i] = group_or_empty(&w, i + 1);
            }
        }
        px_list_append(list, item);
        walker_step(&w);
    }
    return list;
}

/* ---- sub and subn */

px_val re_do_sub(re_pattern_obj *p, px_val repl, px_val string, px_val count_v, bool with_count) {
    px_int count = px_index(count_v);
    bool call = px_callable(repl);
    template t;
    if (!call) {
        size_t n;
        const char *s = template_text(p, repl, &n);
        parse_template(p, s, n, &t);
    }
    walker w;
    walker_init(&w, p, string, PX_NULL, PX_NULL);
    px_strbuf out;
    px_strbuf_init(&out, w.len + 16);
    size_t last = 0;
    px_int n = 0;
    while ((count == 0 || n < count) && walker_next(&w)) {
        px_strbuf_add(&out, (const char *)w.s + last, w.caps[0] - last);
        if (call) {
            px_val r = px_call1(repl, walker_match(&w));
            size_t rn;
            const char *rs = template_text(p, r, &rn);
            px_strbuf_add(&out, rs, rn);
        } else {
            expand_into(&out, &t, w.s, w.caps);
        }
        last = w.caps[1];
        n++;
        walker_step(&w);
    }
    px_strbuf_add(&out, (const char *)w.s + last, w.len - last);
    px_val result = p->is_str ? px_strbuf_to_str(&out) : px_strbuf_to_bytes(&out);
    if (!with_count) {
        return result;
    }
    px_val pair[2] = {result, px_int_from_i64(n)};
    return px_tuple_new(2, pair);
}

/* ---- split */

px_val re_do_split(re_pattern_obj *p, px_val string, px_val maxsplit_v) {
    px_int maxsplit = px_index(maxsplit_v);
    walker w;
    walker_init(&w, p, string, PX_NULL, PX_NULL);
    px_val list = px_list_new(0, NULL);
    size_t last = 0;
    px_int n = 0;
    int ng = p->prog->ngroups;
    while (maxsplit >= 0 && (maxsplit == 0 || n < maxsplit) && walker_next(&w)) {
        px_list_append(list, re_slice(p->is_str, w.s, last, w.caps[0]));
        for (int g = 1; g <= ng; g++) {
            size_t a = w.caps[2 * g], b = w.caps[2 * g + 1];
            px_list_append(list, a == SIZE_MAX || b == SIZE_MAX ? PX_NONE : re_slice(p->is_str, w.s, a, b));
        }
        last = w.caps[1];
        n++;
        walker_step(&w);
    }
    px_list_append(list, re_slice(p->is_str, w.s, last, w.len));
    return list;
}
