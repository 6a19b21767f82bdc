/* Scope analysis in three passes over the AST:
 *  1. collect: open a scope per module/class/def/lambda/comprehension and
 *     record how each name is used (bound, parameter, global, nonlocal, read);
 *  2. resolve: top-down, decide where each name lives; a free name is looked
 *     up through enclosing function scopes (class scopes are skipped, except
 *     that a class binds the implicit `__class__` cell), turning the binding
 *     local into a cell and threading it through every scope in between;
 *  3. layout: number fast locals and cells.
 */
#include "scope.h"
#include "codegen.h"

#include "../runtime.h"

struct px_scope_builder {
    const px_ast_mod *mod;
    px_scope *top;
    px_scope *cur;
    /* MicroPython's `NAME = const(value)` at module level: later loads of
     * NAME are replaced by the value. */
    px_qid *const_names;
    px_val *const_values;
    uint32_t nconsts, consts_cap, values_cap;
    /* > 0 while walking a comprehension's iterable, where ':=' is banned. */
    uint32_t in_comp_iter;
};
typedef struct px_scope_builder collector;

PX_NORETURN static void scope_error(collector *c, const void *node, const char *fmt, px_qid name) {
    px_ast_error(c->mod, node, &px_type_SyntaxError, fmt, px_qstr_str(name));
}

/* A code object stores these counts in 16 bits (compiler/bytecode.h). */
static void check_count(const px_ast_mod *mod, const px_scope *s, size_t n, const char *what) {
    if (n > PX_CODE_MAX_COUNT) {
        px_ast_error(mod, s->node, &px_type_SyntaxError, "too many %s in '%s' (%zu; the limit is %u)", what,
                     px_qstr_str(s->name), n, (unsigned)PX_CODE_MAX_COUNT);
    }
}

static void *grow(void *p, uint32_t *cap, uint32_t need, size_t elsize, unsigned flags) {
    if (need <= *cap) {
        return p;
    }
    uint32_t n = *cap ? *cap * 2 : 8;
    while (n < need) {
        n *= 2;
    }
    p = px_gc_realloc(p, n * elsize, flags);
    *cap = n;
    return p;
}

/* Lazy hashed index over an append-only table: slots hold entry index + 1
 * (0: empty), kept at most half full (PX_INDEX_FILL_QUARTERS); entries appended since the last
 * lookup are added on the next one. Small tables are scanned instead. */
typedef struct px_scope_index {
    uint32_t *slots;
    uint32_t cap, nindexed;
} px_scope_index;

/* The index is a cache: lookups through a const scope may create it. */
static px_scope_index *index_of(px_scope_index **slot) {
    if (!*slot) {
        *slot = px_gc_alloc(sizeof(px_scope_index), 0);
    }
    return *slot;
}

enum { SCAN_MAX = 8 };

static uint32_t key_hash(uintptr_t key) {
    uint64_t x = (uint64_t)key;
    return (uint32_t)((x ^ (x >> 29)) * 0x9E3779B97F4A7C15ull >> 32);
}

static void index_put(px_scope_index *ix, uintptr_t key, uint32_t i) {
    uint32_t mask = ix->cap - 1, j = key_hash(key) & mask;
    while (ix->slots[j]) {
        j = (j + 1) & mask;
    }
    ix->slots[j] = i + 1;
}

/* Bring ix up to date with n entries; key(i) gives entry i's key. */
static void index_sync(px_scope_index *ix, uint32_t n, uintptr_t (*key)(const px_scope *, uint32_t),
                       const px_scope *s) {
    if ((n + 1) * 4 > ix->cap * PX_INDEX_FILL_QUARTERS) {
        uint32_t cap = ix->cap ? ix->cap : 32;
        while ((n + 1) * 4 > cap * PX_INDEX_FILL_QUARTERS) {
            cap *= 2;
        }
        ix->slots = px_gc_alloc((size_t)cap * sizeof(uint32_t), PX_GC_LEAF);
        ix->cap = cap;
        ix->nindexed = 0;
    }
    for (; ix->nindexed < n; ix->nindexed++) {
        index_put(ix, key(s, ix->nindexed), ix->nindexed);
    }
}

static uintptr_t sym_key(const px_scope *s, uint32_t i) {
    return s->syms[i].name;
}

static uintptr_t child_key(const px_scope *s, uint32_t i) {
    return (uintptr_t)s->children[i]->node;
}

static uintptr_t cell_key(const px_scope *s, uint32_t i) {
    return s->cellvars[i];
}

static uintptr_t free_key(const px_scope *s, uint32_t i) {
    return s->freevars[i];
}

/* Index of the entry of s's table `key` (n entries) whose key is `want`,
 * or -1: a scan for small tables, else the hashed index in *slot. Keeps
 * scope analysis linear in the number of names (a generated function may
 * have tens of thousands). */
static int32_t table_find(const px_scope *s, px_scope_index **slot, uint32_t n,
                          uintptr_t (*key)(const px_scope *, uint32_t), uintptr_t want) {
    if (n <= SCAN_MAX) {
        for (uint32_t i = 0; i < n; i++) {
            if (key(s, i) == want) {
                return (int32_t)i;
            }
        }
        return -1;
    }
    px_scope_index *ix = index_of(slot);
    index_sync(ix, n, key, s);
    uint32_t mask = ix->cap - 1;
    for (uint32_t j = key_hash(want) & mask; ix->slots[j]; j = (j + 1) & mask) {
        if (key(s, ix->slots[j] - 1) == want) {
            return (int32_t)(ix->slots[j] - 1);
        }
    }
    return -1;
}

px_symbol *px_scope_lookup(const px_scope *s, px_qid name) {
    px_scope *w = (px_scope *)s; /* the index is a cache */
    int32_t i = table_find(s, &w->sym_index, s->nsyms, sym_key, name);
    return i < 0 ? NULL : &w->syms[i];
}

static px_symbol *sym_get(px_scope *s, px_qid name) {
    px_symbol *sym = px_scope_lookup(s, name);
    if (sym) {
        return sym;
    }
    s->syms = grow(s->syms, &s->syms_cap, s->nsyms + 1, sizeof(px_symbol), PX_GC_LEAF);
    sym = &s->syms[s->nsyms++];
    sym->name = name;
    sym->flags = 0;
    sym->kind = PX_SYM_GLOBAL_IMPLICIT;
    sym->fast = PX_SYM_NO_SLOT;
    sym->cell = PX_SYM_NO_SLOT;
    return sym;
}

px_scope *px_scope_child(const px_scope *s, const void *node) {
    px_scope *w = (px_scope *)s;
    int32_t i = table_find(s, &w->child_index, s->nchildren, child_key, (uintptr_t)node);
    return i < 0 ? NULL : s->children[i];
}

int px_scope_cell_index(const px_scope *s, px_qid name) {
    px_scope *w = (px_scope *)s;
    int32_t i = table_find(s, &w->cell_index, s->ncellvars, cell_key, name);
    if (i >= 0) {
        return i;
    }
    i = table_find(s, &w->free_index, s->nfreevars, free_key, name);
    return i < 0 ? -1 : (int)s->ncellvars + i;
}

static bool is_function_like(const px_scope *s) {
    return s->kind == PX_SCOPE_FUNCTION || s->kind == PX_SCOPE_LAMBDA ||
           s->kind == PX_SCOPE_COMPREHENSION;
}

/* ---- pass 1: collect */

static px_val make_qualname(px_scope *parent, px_qid name) {
    if (parent->kind == PX_SCOPE_MODULE) {
        return px_qstr(name);
    }
    size_t plen, nlen = px_qstr_len(name);
    const char *p = px_str_data(parent->qualname, &plen);
    px_strbuf b;
    px_strbuf_init(&b, plen + nlen + 10);
    px_strbuf_add(&b, p, plen);
    if (is_function_like(parent)) {
        px_strbuf_add_cstr(&b, ".<locals>");
    }
    px_strbuf_add_char(&b, '.');
    px_strbuf_add(&b, px_qstr_str(name), nlen);
    return px_strbuf_to_str(&b);
}

static px_scope *scope_open(collector *c, px_scope_kind kind, const void *node, px_qid name) {
    px_scope *s = px_gc_alloc(sizeof(px_scope), 0);
    s->kind = (uint8_t)kind;
    s->node = node;
    s->name = name;
    s->parent = c->cur;
    if (c->cur) {
        px_scope *p = c->cur;
        p->children = grow(p->children, &p->children_cap, p->nchildren + 1, sizeof(px_scope *), 0);
        p->children[p->nchildren++] = s;
        s->qualname = make_qualname(p, name);
    } else {
        s->qualname = px_qstr(name);
    }
    c->cur = s;
    return s;
}

static void scope_close(collector *c) { c->cur = c->cur->parent; }

/* A module name's place follows from its flags alone (no enclosing
 * function), so it is kept current as they change: a module compiled one
 * statement at a time compiles each with its names already resolved. */
static px_sym_kind module_kind(unsigned flags) {
    if (flags & PX_DEF_GLOBAL) {
        return PX_SYM_GLOBAL_EXPLICIT;
    }
    return (flags & (PX_DEF_LOCAL | PX_DEF_PARAM)) ? PX_SYM_LOCAL : PX_SYM_GLOBAL_IMPLICIT;
}

static void set_flags(px_scope *s, px_symbol *sym, unsigned flags) {
    sym->flags = (uint16_t)flags;
    if (s->kind == PX_SCOPE_MODULE) {
        sym->kind = (uint8_t)module_kind(flags);
    }
}

static void add_def(collector *c, const void *node, px_qid name, unsigned flag) {
    px_scope *s = c->cur;
    px_symbol *sym = sym_get(s, name);
    unsigned old = sym->flags;
    if (flag == PX_DEF_GLOBAL || flag == PX_DEF_NONLOCAL) {
        const char *what = flag == PX_DEF_GLOBAL ? "global" : "nonlocal";
        if (flag == PX_DEF_NONLOCAL && (old & PX_DEF_GLOBAL)) {
            scope_error(c, node, "name '%s' is nonlocal and global", name);
        }
        if (flag == PX_DEF_GLOBAL && (old & PX_DEF_NONLOCAL)) {
            scope_error(c, node, "name '%s' is nonlocal and global", name);
        }
        if (old & PX_DEF_PARAM) {
            px_ast_error(c->mod, node, &px_type_SyntaxError, "name '%s' is parameter and %s",
                         px_qstr_str(name), what);
        }
        if (old & PX_DEF_USE) {
            px_ast_error(c->mod, node, &px_type_SyntaxError,
                         "name '%s' is used prior to %s declaration", px_qstr_str(name), what);
        }
        if (old & PX_DEF_LOCAL) {
            px_ast_error(c->mod, node, &px_type_SyntaxError,
                         "name '%s' is assigned to before %s declaration", px_qstr_str(name), what);
        }
    }
    set_flags(s, sym, old | flag);
    if (flag == PX_DEF_NONLOCAL) {
        s->nonlocals = grow(s->nonlocals, &s->nonlocals_cap, s->nnonlocals + 1, sizeof(px_nonlocal_decl), 0);
        s->nonlocals[s->nnonlocals++] = (px_nonlocal_decl){name, node};
    }
}

static void walk_expr(collector *c, px_ast_expr *e);
static void walk_stmts(collector *c, px_ast_stmts *b);

static void walk_exprs(collector *c, px_ast_exprs *l) {
    for (uint32_t i = 0; i < l->len; i++) {
        if (l->items[i]) {
            walk_expr(c, l->items[i]);
        }
    }
}

static void walk_args_defaults(collector *c, px_ast_arguments *a) {
    walk_exprs(c, &a->defaults);
    walk_exprs(c, &a->kw_defaults);
}

static void add_params(collector *c, px_ast_arguments *a) {
    px_scope *s = c->cur;
    px_ast_args *lists[2] = {&a->posonlyargs, &a->args};
    for (int k = 0; k < 2; k++) {
        for (uint32_t i = 0; i < lists[k]->len; i++) {
            px_ast_arg *p = lists[k]->items[i];
            if (px_scope_lookup(s, p->arg)) {
                scope_error(c, p, "duplicate argument '%s' in function definition", p->arg);
            }
            add_def(c, p, p->arg, PX_DEF_PARAM);
        }
    }
    for (uint32_t i = 0; i < a->kwonlyargs.len; i++) {
        px_ast_arg *p = a->kwonlyargs.items[i];
        if (px_scope_lookup(s, p->arg)) {
            scope_error(c, p, "duplicate argument '%s' in function definition", p->arg);
        }
        add_def(c, p, p->arg, PX_DEF_PARAM);
    }
    px_ast_arg *extra[2] = {a->vararg, a->kwarg};
    for (int k = 0; k < 2; k++) {
        if (extra[k]) {
            if (px_scope_lookup(s, extra[k]->arg)) {
                scope_error(c, extra[k], "duplicate argument '%s' in function definition", extra[k]->arg);
            }
            add_def(c, extra[k], extra[k]->arg, PX_DEF_PARAM);
        }
    }
    /* Counted again with the other locals in layout_scope; checked here so
     * that the narrowing below is exact. */
    check_count(c->mod, s,
                (size_t)a->posonlyargs.len + a->args.len + a->kwonlyargs.len + (a->vararg != NULL) + (a->kwarg != NULL),
                "parameters");
    s->posonlycount = (uint16_t)a->posonlyargs.len;
    s->argcount = (uint16_t)(a->posonlyargs.len + a->args.len);
    s->kwonlycount = (uint16_t)a->kwonlyargs.len;
    s->varargs = a->vararg != NULL;
    s->varkeywords = a->kwarg != NULL;
}

static const char *comp_kind_name(unsigned kind) {
    switch (kind) {
    case PX_AST_ListComp:
        return "list comprehension";
    case PX_AST_SetComp:
        return "set comprehension";
    case PX_AST_DictComp:
        return "dict comprehension";
    default:
        return "generator expression";
    }
}

/* The nearest enclosing scope that is not a comprehension. */
static px_scope *outer_non_comp(px_scope *s) {
    while (s && s->kind == PX_SCOPE_COMPREHENSION) {
        s = s->parent;
    }
    return s;
}

static void walk_walrus_target(collector *c, px_ast_expr *e) {
    px_qid name = e->u.namedexpr.target->u.name.id;
    if (c->in_comp_iter > 0) {
        px_ast_error(c->mod, e, &px_type_SyntaxError,
                     "assignment expression cannot be used in a comprehension iterable expression");
    }
    if (c->cur->kind != PX_SCOPE_COMPREHENSION) {
        add_def(c, e, name, PX_DEF_LOCAL);
        return;
    }
    for (px_scope *s = c->cur; s->kind == PX_SCOPE_COMPREHENSION; s = s->parent) {
        px_symbol *sym = px_scope_lookup(s, name);
        if (sym && (sym->flags & PX_DEF_COMP_ITER)) {
            scope_error(c, e, "assignment expression cannot rebind comprehension iteration variable '%s'", name);
        }
    }
    px_scope *outer = outer_non_comp(c->cur);
    if (outer->kind == PX_SCOPE_CLASS) {
        px_ast_error(c->mod, e, &px_type_SyntaxError,
                     "assignment expression within a comprehension cannot be used in a class body");
    }
    for (px_scope *s = c->cur; s != outer; s = s->parent) {
        sym_get(s, name)->flags |= PX_DEF_WALRUS_OUT;
    }
    px_symbol *osym = sym_get(outer, name);
    if (!(osym->flags & PX_DEF_GLOBAL) && !(osym->flags & PX_DEF_NONLOCAL)) {
        set_flags(outer, osym, osym->flags | PX_DEF_LOCAL);
    }
}

static void walk_comprehension(collector *c, px_ast_expr *e) {
    px_ast_comprehensions *gens = e->kind == PX_AST_DictComp ? &e->u.dictcomp.generators
                                                             : &e->u.comp.generators;
    /* The outermost iterable is evaluated in the enclosing scope. */
    c->in_comp_iter++;
    walk_expr(c, gens->items[0]->iter);
    c->in_comp_iter--;
    px_qid name = e->kind == PX_AST_ListComp  ? PX_Q(lt_listcomp)
                  : e->kind == PX_AST_SetComp ? PX_Q(lt_setcomp)
                  : e->kind == PX_AST_DictComp ? PX_Q(lt_dictcomp)
                                               : PX_Q(lt_genexpr);
    px_scope *s = scope_open(c, PX_SCOPE_COMPREHENSION, e, name);
    s->is_generator = e->kind == PX_AST_GeneratorExp;
    add_def(c, e, PX_Q(dot0), PX_DEF_PARAM);
    s->argcount = 1;
    bool is_async = false;
    for (uint32_t i = 0; i < gens->len; i++) {
        px_ast_comprehension *g = gens->items[i];
        if (g->is_async) {
            is_async = true;
        }
        /* Targets are bound before anything else is looked at, so that the
         * walrus check sees every iteration variable. */
        walk_expr(c, g->target);
        if (i > 0) {
            c->in_comp_iter++;
            walk_expr(c, g->iter);
            c->in_comp_iter--;
        }
        walk_exprs(c, &g->ifs);
    }
    if (e->kind == PX_AST_DictComp) {
        walk_expr(c, e->u.dictcomp.key);
        walk_expr(c, e->u.dictcomp.value);
    } else {
        walk_expr(c, e->u.comp.elt);
    }
    if (is_async) {
        s->is_coroutine = true;
    }
    if (s->is_coroutine && e->kind != PX_AST_GeneratorExp) {
        px_scope *outer = outer_non_comp(s->parent);
        bool ok = outer && outer->kind == PX_SCOPE_FUNCTION && outer->is_coroutine;
        if (!ok) {
            px_ast_error(c->mod, e, &px_type_SyntaxError,
                         "asynchronous comprehension outside of an asynchronous function");
        }
    }
    scope_close(c);
    /* An async inner comprehension is awaited by the enclosing one. */
    if (s->is_coroutine && e->kind != PX_AST_GeneratorExp && c->cur->kind == PX_SCOPE_COMPREHENSION) {
        c->cur->is_coroutine = true;
    }
}

/* Mark every name bound by a target expression (ctx STORE/DEL). */
static void walk_expr(collector *c, px_ast_expr *e) {
    px_cg_check_stack();
    switch (e->kind) {
    case PX_AST_BoolOp:
        walk_exprs(c, &e->u.boolop.values);
        break;
    case PX_AST_NamedExpr:
        walk_expr(c, e->u.namedexpr.value);
        walk_walrus_target(c, e);
        break;
    case PX_AST_BinOp:
        walk_expr(c, e->u.binop.left);
        walk_expr(c, e->u.binop.right);
        break;
    case PX_AST_UnaryOp:
        walk_expr(c, e->u.unaryop.operand);
        break;
    case PX_AST_Lambda: {
        walk_args_defaults(c, e->u.lambda.args);
        scope_open(c, PX_SCOPE_LAMBDA, e, PX_Q(lt_lambda));
        add_params(c, e->u.lambda.args);
        walk_expr(c, e->u.lambda.body);
        scope_close(c);
        break;
    }
    case PX_AST_IfExp:
        walk_expr(c, e->u.ifexp.test);
        walk_expr(c, e->u.ifexp.body);
        walk_expr(c, e->u.ifexp.orelse);
        break;
    case PX_AST_Dict:
        walk_exprs(c, &e->u.dict.keys);
        walk_exprs(c, &e->u.dict.values);
        break;
    case PX_AST_Set:
    case PX_AST_List:
    case PX_AST_Tuple:
        walk_exprs(c, &e->u.seq.elts);
        break;
    case PX_AST_ListComp:
    case PX_AST_SetComp:
    case PX_AST_DictComp:
    case PX_AST_GeneratorExp:
        walk_comprehension(c, e);
        break;
    case PX_AST_Await: {
        px_scope *s = c->cur;
        px_scope *outer = outer_non_comp(s);
        if (outer->kind == PX_SCOPE_MODULE || outer->kind == PX_SCOPE_CLASS) {
            px_ast_error(c->mod, e, &px_type_SyntaxError, "'await' outside function");
        }
        if (!(outer->kind == PX_SCOPE_FUNCTION && outer->is_coroutine)) {
            px_ast_error(c->mod, e, &px_type_SyntaxError, "'await' outside async function");
        }
        for (; s != outer; s = s->parent) {
            s->is_coroutine = true;
        }
        walk_expr(c, e->u.value.value);
        break;
    }
    case PX_AST_Yield:
    case PX_AST_YieldFrom: {
        px_scope *s = c->cur;
        if (s->kind == PX_SCOPE_MODULE || s->kind == PX_SCOPE_CLASS) {
            px_ast_error(c->mod, e, &px_type_SyntaxError, "'%s' outside function",
                         e->kind == PX_AST_Yield ? "yield" : "yield from");
        }
        if (s->kind == PX_SCOPE_COMPREHENSION) {
            px_ast_error(c->mod, e, &px_type_SyntaxError, "'yield' inside %s",
                         comp_kind_name(((const px_ast_node *)s->node)->kind));
        }
        if (e->kind == PX_AST_YieldFrom && s->is_coroutine) {
            px_ast_error(c->mod, e, &px_type_SyntaxError, "'yield from' inside async function");
        }
        s->is_generator = true;
        if (e->u.value.value) {
            walk_expr(c, e->u.value.value);
        }
        break;
    }
    case PX_AST_Compare:
        walk_expr(c, e->u.compare.left);
        walk_exprs(c, &e->u.compare.comparators);
        break;
    case PX_AST_Call:
        walk_expr(c, e->u.call.func);
        walk_exprs(c, &e->u.call.args);
        for (uint32_t i = 0; i < e->u.call.keywords.len; i++) {
            walk_expr(c, e->u.call.keywords.items[i]->value);
        }
        break;
    case PX_AST_FormattedValue:
        walk_expr(c, e->u.formatted.value);
        if (e->u.formatted.format_spec) {
            walk_expr(c, e->u.formatted.format_spec);
        }
        break;
    case PX_AST_JoinedStr:
    case PX_AST_TemplateStr:
        walk_exprs(c, &e->u.joined.values);
        break;
    case PX_AST_Interpolation:
        walk_expr(c, e->u.interp.value);
        if (e->u.interp.format_spec) {
            walk_expr(c, e->u.interp.format_spec);
        }
        break;
    case PX_AST_Constant:
        break;
    case PX_AST_Attribute:
        walk_expr(c, e->u.attribute.value);
        break;
    case PX_AST_Subscript:
        walk_expr(c, e->u.subscript.value);
        walk_expr(c, e->u.subscript.slice);
        break;
    case PX_AST_Starred:
        walk_expr(c, e->u.starred.value);
        break;
    case PX_AST_Name: {
        px_qid id = e->u.name.id;
        if (e->ctx == PX_AST_LOAD && id == PX_Q(__debug__)) {
            px_fold_expr(e);
            return;
        }
        if (e->ctx == PX_AST_LOAD) {
            for (uint32_t i = c->nconsts; i-- > 0;) {
                if (c->const_names[i] == id) {
                    e->kind = PX_AST_Constant;
                    e->u.constant.value = c->const_values[i];
                    return;
                }
            }
            add_def(c, e, id, PX_DEF_USE);
            if (id == PX_Q(super) && is_function_like(c->cur)) {
                add_def(c, e, PX_Q(__class__), PX_DEF_USE);
            }
        } else {
            if (id == PX_Q(__debug__)) {
                px_ast_error(c->mod, e, &px_type_SyntaxError, "cannot %s __debug__",
                             e->ctx == PX_AST_DEL ? "delete" : "assign to");
            }
            add_def(c, e, id, PX_DEF_LOCAL);
            if (c->cur->kind == PX_SCOPE_COMPREHENSION && e->ctx == PX_AST_STORE) {
                px_symbol *sym = px_scope_lookup(c->cur, id);
                if (!(sym->flags & PX_DEF_WALRUS_OUT)) {
                    sym->flags |= PX_DEF_COMP_ITER;
                }
            }
        }
        break;
    }
    case PX_AST_Slice:
        if (e->u.slice.lower) {
            walk_expr(c, e->u.slice.lower);
        }
        if (e->u.slice.upper) {
            walk_expr(c, e->u.slice.upper);
        }
        if (e->u.slice.step) {
            walk_expr(c, e->u.slice.step);
        }
        break;
    default:
        break;
    }
    px_fold_expr(e);
}

static void walk_function(collector *c, px_ast_stmt *st, bool is_async) {
    walk_exprs(c, &st->u.funcdef.decorator_list);
    walk_args_defaults(c, st->u.funcdef.args);
    add_def(c, st, st->u.funcdef.name, PX_DEF_LOCAL);
    px_scope *s = scope_open(c, PX_SCOPE_FUNCTION, st, st->u.funcdef.name);
    s->is_coroutine = is_async;
    add_params(c, st->u.funcdef.args);
    walk_stmts(c, &st->u.funcdef.body);
    scope_close(c);
}

/* `return x` in an async generator is only known to be an error once the
 * whole body has been seen. */
static const px_ast_stmt *find_return_value(px_ast_stmts *b);

static const px_ast_stmt *find_return_in(px_ast_stmt *st) {
    switch (st->kind) {
    case PX_AST_Return:
        return st->u.ret.value ? st : NULL;
    case PX_AST_For:
    case PX_AST_AsyncFor: {
        const px_ast_stmt *r = find_return_value(&st->u.forloop.body);
        return r ? r : find_return_value(&st->u.forloop.orelse);
    }
    case PX_AST_While:
    case PX_AST_If: {
        const px_ast_stmt *r = find_return_value(&st->u.cond.body);
        return r ? r : find_return_value(&st->u.cond.orelse);
    }
    case PX_AST_With:
    case PX_AST_AsyncWith:
        return find_return_value(&st->u.with.body);
    case PX_AST_Try: {
        const px_ast_stmt *r = find_return_value(&st->u.try_.body);
        for (uint32_t i = 0; !r && i < st->u.try_.handlers.len; i++) {
            r = find_return_value(&st->u.try_.handlers.items[i]->body);
        }
        if (!r) {
            r = find_return_value(&st->u.try_.orelse);
        }
        return r ? r : find_return_value(&st->u.try_.finalbody);
    }
    default:
        return NULL;
    }
}

static const px_ast_stmt *find_return_value(px_ast_stmts *b) {
    for (uint32_t i = 0; i < b->len; i++) {
        const px_ast_stmt *r = find_return_in(b->items[i]);
        if (r) {
            return r;
        }
    }
    return NULL;
}

static void bind_import_name(collector *c, px_ast_alias *a) {
    px_qid name = a->asname;
    if (!name) {
        const char *s = px_qstr_str(a->name);
        const char *dot = strchr(s, '.');
        name = dot ? px_qstr_intern(s, (size_t)(dot - s)) : a->name;
    }
    add_def(c, a, name, PX_DEF_LOCAL);
}

static void walk_stmt(collector *c, px_ast_stmt *st) {
    px_cg_check_stack();
    switch (st->kind) {
    case PX_AST_FunctionDef:
        walk_function(c, st, false);
        break;
    case PX_AST_AsyncFunctionDef:
        walk_function(c, st, true);
        if (px_scope_child(c->cur, st)->is_generator && find_return_value(&st->u.funcdef.body) != NULL) {
            /* CPython rejects `return value` in an async generator; MicroPython
             * has no async generators, and an `async def` that yields is a
             * coroutine whose yields go to the event loop (its asyncio streams
             * are written so). Such a function cannot be an async generator,
             * so it is that coroutine: yield suspends it, return ends it. */
            px_scope_child(c->cur, st)->is_generator = false;
        }
        break;
    case PX_AST_ClassDef:
        walk_exprs(c, &st->u.classdef.decorator_list);
        walk_exprs(c, &st->u.classdef.bases);
        for (uint32_t i = 0; i < st->u.classdef.keywords.len; i++) {
            walk_expr(c, st->u.classdef.keywords.items[i]->value);
        }
        add_def(c, st, st->u.classdef.name, PX_DEF_LOCAL);
        scope_open(c, PX_SCOPE_CLASS, st, st->u.classdef.name);
        walk_stmts(c, &st->u.classdef.body);
        scope_close(c);
        break;
    case PX_AST_Return:
        if (!is_function_like(c->cur)) {
            px_ast_error(c->mod, st, &px_type_SyntaxError, "'return' outside function");
        }
        if (st->u.ret.value) {
            walk_expr(c, st->u.ret.value);
        }
        break;
    case PX_AST_Delete:
        walk_exprs(c, &st->u.del.targets);
        break;
    case PX_AST_Assign: {
        px_ast_expr *v = st->u.assign.value;
        bool const_call = c->cur->kind == PX_SCOPE_MODULE && st->u.assign.targets.len == 1 &&
                          st->u.assign.targets.items[0]->kind == PX_AST_Name && v->kind == PX_AST_Call &&
                          v->u.call.func->kind == PX_AST_Name && v->u.call.func->u.name.id == PX_Q(const);
        walk_expr(c, v);
        walk_exprs(c, &st->u.assign.targets);
        if (const_call && v->kind == PX_AST_Constant) {
            px_qid id = st->u.assign.targets.items[0]->u.name.id;
            c->const_names = grow(c->const_names, &c->consts_cap, c->nconsts + 1, sizeof(px_qid), PX_GC_LEAF);
            c->const_values = grow(c->const_values, &c->values_cap, c->nconsts + 1, sizeof(px_val), 0);
            c->const_names[c->nconsts] = id;
            c->const_values[c->nconsts++] = v->u.constant.value;
            if (px_qstr_str(id)[0] == '_') {
                /* a hidden constant: no global is stored, as in MicroPython */
                st->kind = PX_AST_Pass;
            }
        }
        break;
    }
    case PX_AST_AugAssign: {
        px_ast_expr *t = st->u.augassign.target;
        walk_expr(c, st->u.augassign.value);
        if (t->kind == PX_AST_Name) {
            add_def(c, t, t->u.name.id, PX_DEF_USE);
            if (st->u.augassign.op == PX_BINOP_ADD) {
                add_def(c, t, t->u.name.id, PX_DEF_AUGADD);
            }
        }
        walk_expr(c, t);
        break;
    }
    case PX_AST_AnnAssign:
        if (st->u.annassign.value) {
            walk_expr(c, st->u.annassign.value);
        }
        if (st->u.annassign.target->kind == PX_AST_Name) {
            px_qid id = st->u.annassign.target->u.name.id;
            px_symbol *sym = px_scope_lookup(c->cur, id);
            if (sym && (sym->flags & (PX_DEF_GLOBAL | PX_DEF_NONLOCAL)) && st->u.annassign.simple) {
                px_ast_error(c->mod, st, &px_type_SyntaxError, "annotated name '%s' can't be %s",
                             px_qstr_str(id), (sym->flags & PX_DEF_GLOBAL) ? "global" : "nonlocal");
            }
            if (st->u.annassign.value || is_function_like(c->cur)) {
                add_def(c, st->u.annassign.target, id, PX_DEF_LOCAL);
            }
        } else {
            walk_expr(c, st->u.annassign.target);
        }
        break;
    case PX_AST_For:
    case PX_AST_AsyncFor:
        if (st->kind == PX_AST_AsyncFor) {
            px_scope *o = outer_non_comp(c->cur);
            if (!(o->kind == PX_SCOPE_FUNCTION && o->is_coroutine)) {
                px_ast_error(c->mod, st, &px_type_SyntaxError, "'async for' outside async function");
            }
        }
        walk_expr(c, st->u.forloop.iter);
        walk_expr(c, st->u.forloop.target);
        walk_stmts(c, &st->u.forloop.body);
        walk_stmts(c, &st->u.forloop.orelse);
        break;
    case PX_AST_While:
    case PX_AST_If:
        walk_expr(c, st->u.cond.test);
        walk_stmts(c, &st->u.cond.body);
        walk_stmts(c, &st->u.cond.orelse);
        break;
    case PX_AST_With:
    case PX_AST_AsyncWith:
        if (st->kind == PX_AST_AsyncWith) {
            px_scope *o = c->cur;
            if (!(o->kind == PX_SCOPE_FUNCTION && o->is_coroutine)) {
                px_ast_error(c->mod, st, &px_type_SyntaxError, "'async with' outside async function");
            }
        }
        for (uint32_t i = 0; i < st->u.with.items.len; i++) {
            px_ast_withitem *w = st->u.with.items.items[i];
            walk_expr(c, w->context_expr);
            if (w->optional_vars) {
                walk_expr(c, w->optional_vars);
            }
        }
        walk_stmts(c, &st->u.with.body);
        break;
    case PX_AST_Raise:
        if (st->u.raise.exc) {
            walk_expr(c, st->u.raise.exc);
        }
        if (st->u.raise.cause) {
            walk_expr(c, st->u.raise.cause);
        }
        break;
    case PX_AST_Try:
        walk_stmts(c, &st->u.try_.body);
        for (uint32_t i = 0; i < st->u.try_.handlers.len; i++) {
            px_ast_excepthandler *h = st->u.try_.handlers.items[i];
            if (h->type) {
                walk_expr(c, h->type);
            }
            if (h->name) {
                add_def(c, h, h->name, PX_DEF_LOCAL);
            }
            walk_stmts(c, &h->body);
        }
        walk_stmts(c, &st->u.try_.orelse);
        walk_stmts(c, &st->u.try_.finalbody);
        break;
    case PX_AST_Assert:
        walk_expr(c, st->u.assert_.test);
        if (st->u.assert_.msg) {
            walk_expr(c, st->u.assert_.msg);
        }
        break;
    case PX_AST_Import:
        for (uint32_t i = 0; i < st->u.import.names.len; i++) {
            bind_import_name(c, st->u.import.names.items[i]);
        }
        break;
    case PX_AST_ImportFrom:
        for (uint32_t i = 0; i < st->u.importfrom.names.len; i++) {
            px_ast_alias *a = st->u.importfrom.names.items[i];
            if (a->name == PX_Q(star)) {
                if (c->cur->kind != PX_SCOPE_MODULE) {
                    px_ast_error(c->mod, st, &px_type_SyntaxError, "import * only allowed at module level");
                }
                continue;
            }
            add_def(c, a, a->asname ? a->asname : a->name, PX_DEF_LOCAL);
        }
        break;
    case PX_AST_Global:
    case PX_AST_Nonlocal:
        if (st->kind == PX_AST_Nonlocal && c->cur->kind == PX_SCOPE_MODULE) {
            px_ast_error(c->mod, st, &px_type_SyntaxError, "nonlocal declaration not allowed at module level");
        }
        for (uint32_t i = 0; i < st->u.global.names.len; i++) {
            add_def(c, st, st->u.global.names.items[i],
                    st->kind == PX_AST_Global ? PX_DEF_GLOBAL : PX_DEF_NONLOCAL);
        }
        break;
    case PX_AST_Expr:
        walk_expr(c, st->u.expr.value);
        break;
    default: /* Pass, Break, Continue */
        break;
    }
}

static void walk_stmts(collector *c, px_ast_stmts *b) {
    for (uint32_t i = 0; i < b->len; i++) {
        walk_stmt(c, b->items[i]);
    }
}

/* ---- pass 2: resolve */

static void add_free(px_scope *s, px_qid name) {
    if (table_find(s, &s->free_index, s->nfreevars, free_key, name) >= 0) {
        return;
    }
    s->freevars = grow(s->freevars, &s->freevars_cap, s->nfreevars + 1, sizeof(px_qid), PX_GC_LEAF);
    s->freevars[s->nfreevars++] = name;
}

/* Find the enclosing function scope binding `name` for a use in s. Returns
 * true (and threads the cell through) if found; false means global. */
static bool resolve_free(px_scope *s, px_qid name) {
    px_scope *found = NULL;
    for (px_scope *p = s->parent; p; p = p->parent) {
        if (p->kind == PX_SCOPE_MODULE) {
            return false;
        }
        if (p->kind == PX_SCOPE_CLASS) {
            if (name == PX_Q(__class__)) {
                p->has_class_cell = true;
                found = p;
                break;
            }
            continue;
        }
        px_symbol *sym = px_scope_lookup(p, name);
        if (!sym) {
            continue;
        }
        if (sym->kind == PX_SYM_LOCAL || sym->kind == PX_SYM_CELL) {
            sym->kind = PX_SYM_CELL;
            found = p;
            break;
        }
        if (sym->kind == PX_SYM_FREE) {
            found = p;
            break;
        }
        if (sym->kind == PX_SYM_GLOBAL_EXPLICIT) {
            return false;
        }
    }
    if (!found) {
        return false;
    }
    for (px_scope *q = s; q != found; q = q->parent) {
        add_free(q, name);
        q->child_free = true;
    }
    found->child_free = true;
    return true;
}

static void resolve_scope(collector *c, px_scope *s) {
    for (uint32_t i = 0; i < s->nsyms; i++) {
        px_symbol *sym = &s->syms[i];
        unsigned f = sym->flags;
        if (f & PX_DEF_GLOBAL) {
            sym->kind = PX_SYM_GLOBAL_EXPLICIT;
        } else if (f & PX_DEF_NONLOCAL) {
            if (!resolve_free(s, sym->name) || sym->name == PX_Q(__class__)) {
                const void *decl = s->node;
                for (uint32_t k = s->nnonlocals; k-- > 0;) { /* the last declaration, as before */
                    if (s->nonlocals[k].name == sym->name) {
                        decl = s->nonlocals[k].node;
                        break;
                    }
                }
                scope_error(c, decl, "no binding for nonlocal '%s' found", sym->name);
            }
            sym->kind = PX_SYM_FREE;
        } else if (f & PX_DEF_WALRUS_OUT) {
            px_scope *outer = outer_non_comp(s);
            px_symbol *osym = px_scope_lookup(outer, sym->name);
            if (outer->kind == PX_SCOPE_MODULE || (osym && osym->kind == PX_SYM_GLOBAL_EXPLICIT)) {
                sym->kind = PX_SYM_GLOBAL_EXPLICIT;
            } else {
                resolve_free(s, sym->name);
                sym->kind = PX_SYM_FREE;
            }
        } else if (f & (PX_DEF_LOCAL | PX_DEF_PARAM)) {
            sym->kind = PX_SYM_LOCAL;
        } else if (s->kind == PX_SCOPE_MODULE) {
            sym->kind = PX_SYM_GLOBAL_IMPLICIT;
        } else {
            sym->kind = resolve_free(s, sym->name) ? PX_SYM_FREE : PX_SYM_GLOBAL_IMPLICIT;
        }
    }
    for (uint32_t i = 0; i < s->nchildren; i++) {
        resolve_scope(c, s->children[i]);
    }
}

/* ---- pass 3: layout */

static void layout_scope(const px_ast_mod *mod, px_scope *s) {
    if (is_function_like(s)) {
        uint32_t n = 0;
        s->varnames = px_gc_alloc((s->nsyms + 1) * sizeof(px_qid), PX_GC_LEAF);
        /* Parameters were added first, in declaration order. */
        for (uint32_t i = 0; i < s->nsyms; i++) {
            px_symbol *sym = &s->syms[i];
            if (sym->flags & PX_DEF_PARAM) {
                sym->fast = (uint16_t)n;
                s->varnames[n++] = sym->name;
            }
        }
        for (uint32_t i = 0; i < s->nsyms; i++) {
            px_symbol *sym = &s->syms[i];
            if (sym->kind == PX_SYM_LOCAL && !(sym->flags & PX_DEF_PARAM)) {
                sym->fast = (uint16_t)n;
                s->varnames[n++] = sym->name;
            }
        }
        s->nvarnames = n;
        check_count(mod, s, n, "local variables and parameters");
        s->cellvars = px_gc_alloc((s->nsyms + 1) * sizeof(px_qid), PX_GC_LEAF);
        for (uint32_t i = 0; i < s->nsyms; i++) {
            if (s->syms[i].kind == PX_SYM_CELL) {
                s->cellvars[s->ncellvars++] = s->syms[i].name;
            }
        }
    } else if (s->kind == PX_SCOPE_CLASS && s->has_class_cell) {
        s->cellvars = px_gc_alloc(sizeof(px_qid), PX_GC_LEAF);
        s->cellvars[s->ncellvars++] = PX_Q(__class__);
    }
    check_count(mod, s, s->ncellvars, "variables captured by inner functions");
    check_count(mod, s, s->nfreevars, "free variables (from enclosing functions)");
    for (uint32_t i = 0; i < s->nsyms; i++) {
        px_symbol *sym = &s->syms[i];
        if (sym->kind == PX_SYM_CELL || sym->kind == PX_SYM_FREE) {
            sym->cell = (uint16_t)px_scope_cell_index(s, sym->name);
        }
    }
    for (uint32_t i = 0; i < s->nchildren; i++) {
        layout_scope(mod, s->children[i]);
    }
}

px_scope *px_scope_begin(const px_ast_mod *mod, px_scope_builder **builder) {
    collector *c = px_gc_alloc(sizeof *c, 0);
    c->mod = mod;
    c->top = scope_open(c, PX_SCOPE_MODULE, mod, PX_Q(lt_module));
    *builder = c;
    return c->top;
}

void px_scope_collect(px_scope_builder *c, px_ast_stmts *stmts) {
    walk_stmts(c, stmts);
}

/* Passes 2 and 3 for the scopes opened since the last px_scope_forget
 * (the module's own names are resolved as they are collected). */
void px_scope_resolve(px_scope_builder *c) {
    for (uint32_t i = 0; i < c->top->nchildren; i++) {
        resolve_scope(c, c->top->children[i]);
    }
}

void px_scope_layout(px_scope_builder *c) {
    for (uint32_t i = 0; i < c->top->nchildren; i++) {
        layout_scope(c->mod, c->top->children[i]);
    }
}

void px_scope_forget(px_scope_builder *c) {
    px_scope *top = c->top;
    /* Cleared, not just forgotten: the collector scans the whole block. */
    if (top->nchildren > 0) {
        memset(top->children, 0, top->nchildren * sizeof(px_scope *));
    }
    top->nchildren = 0;
    top->child_index = NULL; /* it indexed the dropped children */
}

px_scope *px_scope_analyze(const px_ast_mod *mod) {
    px_scope_builder *c;
    px_scope *top = px_scope_begin(mod, &c);
    if (mod->kind == PX_AST_Expression) {
        walk_expr(c, mod->expr);
    } else {
        walk_stmts(c, (px_ast_stmts *)&mod->body);
    }
    resolve_scope(c, top);
    layout_scope(mod, top);
    return top;
}
