/* String literals: implicit concatenation of adjacent STRING tokens and
 * f-/t-strings (PEP 701, Python 3.12: a field's expression may hold any
 * literal, the enclosing quotes too, backslashes, comments and newlines;
 * format specs may hold one more level of fields). Field expressions are
 * parsed by running the parser on their text, positioned where it appears
 * in the source. */
#include "fscan.h"
#include "parser_impl.h"

static bool ident_like(const char *s, size_t n) {
    if (n == 0 || n > 32) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9'))) {
            return false;
        }
    }
    return true;
}

static px_val make_str(px_strbuf *b) {
    if (b->len == 0 || ident_like(b->data, b->len)) {
        return px_str_interned(b->data ? b->data : "", b->len);
    }
    return px_strbuf_to_str(b);
}

/* Line and column of source offset `abs`, counting from the token start. */
static void pos_of(px_parser *P, const px_token *tok, size_t abs, uint32_t *line, uint32_t *col) {
    const char *s = P->lx->src;
    uint32_t l = tok->lineno, c = tok->col;
    for (size_t i = tok->start; i < abs; i++) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= abs || s[i + 1] != '\n'))) {
            l++;
            c = 0;
        } else if (s[i] != '\r') {
            c++;
        }
    }
    *line = l;
    *col = c;
}

PX_NORETURN static void ferr(px_parser *P, const px_token *tok, size_t abs, const char *msg) {
    uint32_t line, col;
    pos_of(P, tok, abs, &line, &col);
    px_syntax_error(&px_type_SyntaxError, P->lx->filename, P->lx->err_src, P->lx->err_len, line, col, msg);
}

static void flush(px_parser *P, const px_token *tok, px_strbuf *lit, px_vec *values) {
    if (lit->len == 0) {
        return;
    }
    /* CPython gives every part the position of the whole literal. */
    const px_token *at = P->str_first ? P->str_first : tok;
    px_ast_expr *c = px_new_expr(P, PX_AST_Constant, at);
    c->u.constant.value = make_str(lit);
    c->end_lineno = tok->end_lineno;
    c->end_col_offset = tok->end_col;
    px_vec_push(values, c);
    px_strbuf_init(lit, 16);
}

static size_t fbody(px_parser *P, const px_token *tok, size_t i, size_t end, bool raw, bool is_t, int depth,
                    px_vec *values, px_strbuf *lit);

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A replacement field starting just after its '{' at i; returns the index
 * after its closing '}'. */
static size_t field(px_parser *P, const px_token *tok, size_t i, size_t end, bool raw, bool is_t, int depth,
                    px_vec *values, px_strbuf *lit) {
    const char *s = P->lx->src;
    if (depth >= 2) {
        ferr(P, tok, i, "f-string: expressions nested too deeply");
    }
    size_t start = i, j = i;
    int nest = 0;
    bool selfdoc = false;
    for (; j < end; j++) {
        char c = s[j];
        if (c == '\'' || c == '"') {
            /* any literal, the enclosing quotes too (PEP 701) */
            int err;
            size_t after = px_fscan_string(s, j, end, px_fscan_prefix_before(s, start, j), &err);
            if (err != PX_FSCAN_OK) {
                ferr(P, tok, j, err == PX_FSCAN_DEEP ? "f-string: expressions nested too deeply"
                                                     : "f-string: unterminated string");
            }
            j = after - 1;
            continue;
        }
        if (c == '\\') {
            j++; /* a line continuation (the sub-parse checks it) */
            continue;
        }
        if (c == '#') {
            while (j + 1 < end && s[j + 1] != '\n' && s[j + 1] != '\r') {
                j++; /* a comment: to the end of its line */
            }
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            nest++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (nest == 0) {
                if (c == '}') {
                    break;
                }
                char m[40] = "f-string: unmatched ' '";
                m[21] = c;
                ferr(P, tok, j, m);
            }
            nest--;
        } else if (nest == 0 && c == '!' && !(j + 1 < end && s[j + 1] == '=')) {
            break;
        } else if (nest == 0 && c == ':') {
            break;
        } else if (nest == 0 && c == '=') {
            if (j + 1 < end && s[j + 1] == '=') {
                j++;
            } else if (j > start && (s[j - 1] == '=' || s[j - 1] == '!' || s[j - 1] == '<' || s[j - 1] == '>')) {
                /* part of ==, !=, <=, >= */
            } else {
                selfdoc = true;
                break;
            }
        }
    }
    if (j >= end) {
        ferr(P, tok, j, "f-string: expecting '}'");
    }
    bool empty = true;
    for (size_t k = start; k < j; k++) {
        if (!is_space(s[k])) {
            empty = false;
        }
    }
    if (empty) {
        ferr(P, tok, j, "f-string: empty expression not allowed");
    }
    uint32_t line, col;
    pos_of(P, tok, start, &line, &col);
    const px_token *first = P->str_first;
    px_ast_expr *value = px_parse_fstring_expr(P, s + start, j - start, line, col);
    P->str_first = first;
    size_t expr_end = j;
    if (selfdoc) {
        j++;
        while (j < end && is_space(s[j])) {
            j++;
        }
        px_strbuf_add(lit, s + start, j - start);
    }
    int conv = -1;
    if (j < end && s[j] == '!') {
        char c = j + 1 < end ? s[j + 1] : 0;
        if (c != 's' && c != 'r' && c != 'a') {
            ferr(P, tok, j + 1, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        conv = c;
        j += 2;
    }
    px_ast_expr *spec = NULL;
    if (j < end && s[j] == ':') {
        px_vec sv = {0};
        px_strbuf sl;
        px_strbuf_init(&sl, 16);
        j = fbody(P, tok, j + 1, end, raw, false, depth + 1, &sv, &sl);
        flush(P, tok, &sl, &sv);
        spec = px_new_expr(P, PX_AST_JoinedStr, first ? first : tok);
        spec->u.joined.values = PX_AS_LIST(px_ast_exprs, px_ast_expr, sv);
    }
    if (j >= end || s[j] != '}') {
        ferr(P, tok, j, "f-string: expecting '}'");
    }
    j++;
    if (selfdoc && conv < 0 && spec == NULL) {
        conv = 'r';
    }
    flush(P, tok, lit, values);
    px_ast_expr *f;
    if (is_t) {
        f = px_new_expr(P, PX_AST_Interpolation, first ? first : tok);
        f->u.interp.value = value;
        f->u.interp.str = px_str(s + start, expr_end - start);
        f->u.interp.conversion = conv;
        f->u.interp.format_spec = spec;
    } else {
        f = px_new_expr(P, PX_AST_FormattedValue, first ? first : tok);
        f->u.formatted.value = value;
        f->u.formatted.conversion = conv;
        f->u.formatted.format_spec = spec;
    }
    px_vec_push(values, f);
    return j;
}

/* Literal text and fields from i to end, or (inside a format spec, depth
 * > 0) up to an unmatched '}'. Returns where it stopped. */
static size_t fbody(px_parser *P, const px_token *tok, size_t i, size_t end, bool raw, bool is_t, int depth,
                    px_vec *values, px_strbuf *lit) {
    const char *s = P->lx->src;
    while (i < end) {
        char c = s[i];
        if (c == '{') {
            if (i + 1 < end && s[i + 1] == '{' && depth == 0) {
                px_strbuf_add_char(lit, '{');
                i += 2;
                continue;
            }
            i = field(P, tok, i + 1, end, raw, is_t, depth, values, lit);
            continue;
        }
        if (c == '}') {
            if (depth > 0) {
                return i;
            }
            if (i + 1 < end && s[i + 1] == '}') {
                px_strbuf_add_char(lit, '}');
                i += 2;
                continue;
            }
            ferr(P, tok, i, "f-string: single '}' is not allowed");
        }
        size_t j = i;
        while (j < end && s[j] != '{' && s[j] != '}') {
            if (s[j] == '\\' && !raw && j + 1 < end && s[j + 1] != '{' && s[j + 1] != '}') {
                j += 2;
            } else {
                j++;
            }
        }
        px_lex_decode(P->lx, tok, s + i, j - i, raw, false, lit);
        i = j;
    }
    return i;
}

/* CPython gives the parts of an f-string (and of its format specs) the
 * span of the whole literal. */
static void span_parts(px_ast_expr *joined, const px_ast_expr *whole) {
    for (uint32_t i = 0; i < joined->u.joined.values.len; i++) {
        px_ast_expr *v = joined->u.joined.values.items[i];
        v->lineno = whole->lineno;
        v->col_offset = whole->col_offset;
        v->end_lineno = whole->end_lineno;
        v->end_col_offset = whole->end_col_offset;
        px_ast_expr *spec = v->kind == PX_AST_FormattedValue ? v->u.formatted.format_spec
                          : v->kind == PX_AST_Interpolation ? v->u.interp.format_spec : NULL;
        if (spec != NULL) {
            spec->lineno = whole->lineno;
            spec->col_offset = whole->col_offset;
            spec->end_lineno = whole->end_lineno;
            spec->end_col_offset = whole->end_col_offset;
            span_parts(spec, whole);
        }
    }
}

px_ast_expr *px_p_strings(px_parser *P) {
    px_token *first = px_cur(P);
    size_t i0 = P->p;
    bool bytes = false, nonbytes = false, fmt = false, tmpl = false, plain = false;
    while (px_at(P) == PX_TOK_STRING) {
        unsigned f = px_cur(P)->sflags;
        bytes |= (f & PX_STR_BYTES) != 0;
        nonbytes |= !(f & PX_STR_BYTES);
        fmt |= (f & PX_STR_F) != 0;
        tmpl |= (f & PX_STR_T) != 0;
        plain |= !(f & PX_STR_T);
        P->p++;
    }
    size_t i1 = P->p;
    if (bytes && nonbytes) {
        px_perr_tok(P, first, "cannot mix bytes and nonbytes literals");
    }
    if (tmpl && plain) {
        px_perr_tok(P, first, "cannot mix t-string literals with string or bytes literals");
    }
    const char *s = P->lx->src;
    px_strbuf lit;
    px_strbuf_init(&lit, 16);
    P->str_first = first;
    if (!fmt && !tmpl) {
        for (size_t i = i0; i < i1; i++) {
            px_token *t = &P->toks[i];
            px_lex_decode(P->lx, t, s + t->u.s.body, t->u.s.body_end - t->u.s.body, (t->sflags & PX_STR_RAW) != 0, bytes, &lit);
        }
        px_ast_expr *e = px_new_expr(P, PX_AST_Constant, first);
        e->u.constant.value = bytes ? px_strbuf_to_bytes(&lit) : make_str(&lit);
        px_finish(P, e);
        return e;
    }
    px_vec values = {0};
    for (size_t i = i0; i < i1; i++) {
        px_token *t = &P->toks[i];
        bool raw = (t->sflags & PX_STR_RAW) != 0;
        if (t->sflags & (PX_STR_F | PX_STR_T)) {
            fbody(P, t, t->u.s.body, t->u.s.body_end, raw, (t->sflags & PX_STR_T) != 0, 0, &values, &lit);
        } else {
            px_lex_decode(P->lx, t, s + t->u.s.body, t->u.s.body_end - t->u.s.body, raw, false, &lit);
        }
    }
    flush(P, first, &lit, &values);
    px_ast_expr *e = px_new_expr(P, tmpl ? PX_AST_TemplateStr : PX_AST_JoinedStr, first);
    e->u.joined.values = PX_AS_LIST(px_ast_exprs, px_ast_expr, values);
    px_finish(P, e);
    span_parts(e, e);
    return e;
}
