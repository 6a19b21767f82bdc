/* PEP 750 template strings: t"..." evaluates to a Template holding the
 * literal parts (strings, always one more than the interpolations) and
 * the Interpolation objects (value, expression text, conversion, format
 * spec) separately, so library code can render them as it likes. The
 * import area exposes both types as module string.templatelib. */
#include "str_impl.h"

typedef struct {
    px_obj base;
    px_val strings;        /* tuple of str, len n+1 */
    px_val interpolations; /* tuple of Interpolation, len n */
} template_obj;

typedef struct {
    px_obj base;
    px_val value;
    px_val expression;  /* str */
    px_val conversion;  /* None or 's' / 'r' / 'a' */
    px_val format_spec; /* str */
} interp_obj;

static px_val empty_str(void) {
    return px_qstr(PX_Q(empty));
}

px_val px_interpolation_new(px_val value, px_val expr, px_val conversion, px_val format_spec) {
    interp_obj *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &px_type_interpolation;
    o->value = value;
    o->expression = expr == PX_NULL ? empty_str() : expr;
    o->conversion = conversion == PX_NULL ? PX_NONE : conversion;
    o->format_spec = format_spec == PX_NULL ? empty_str() : format_spec;
    return px_from_ptr(o);
}

px_val px_template_new(size_t n, const px_val *items) {
    template_obj *t = px_gc_alloc(sizeof *t, 0);
    t->base.type = &px_type_template;
    px_val strings = px_tuple_new(n + 1, NULL);
    px_val interps = px_tuple_new(n, NULL);
    for (size_t i = 0; i <= n; i++) {
        px_tuple_ptr(strings)->items[i] = items[2 * i];
        if (i < n) {
            px_tuple_ptr(interps)->items[i] = items[2 * i + 1];
        }
    }
    t->strings = strings;
    t->interpolations = interps;
    return px_from_ptr(t);
}

/* Build from a mixed sequence of str and Interpolation: adjacent strs are
 * joined and missing strs between interpolations become ''. */
static px_val template_from_parts(size_t argc, const px_val *argv) {
    px_val *items = px_gc_alloc((2 * argc + 1) * sizeof(px_val), 0);
    size_t n = 0;         /* interpolations so far */
    px_val cur = PX_NULL; /* pending string */
    for (size_t i = 0; i < argc; i++) {
        px_val a = argv[i];
        if (px_str_get(a, &(size_t){0}) != NULL) {
            cur = cur == PX_NULL ? a : px_str_concat(cur, a);
        } else if (px_is_type(a, &px_type_interpolation)) {
            items[2 * n] = cur == PX_NULL ? empty_str() : cur;
            items[2 * n + 1] = a;
            n++;
            cur = PX_NULL;
        } else {
            px_raise_type_error("Template.__new__ *args need to be of type 'str' or 'Interpolation', got %s",
                                px_type_name(a));
        }
    }
    items[2 * n] = cur == PX_NULL ? empty_str() : cur;
    return px_template_new(n, items);
}

static px_val template_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (kwnames != PX_NULL && px_is_tuple(kwnames) && px_tuple_ptr(kwnames)->len) {
        px_raise_type_error("Template.__new__ only accepts *args arguments");
    }
    return template_from_parts(argc, argv);
}

static px_val interp_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    static const px_argspec spec[] = {
        {PX_Q(value), PX_ARG_REQUIRED, PX_UNSET},
        {PX_Q(expression), 0, PX_QSTR_CONST(PX_Q(empty))},
        {PX_Q(conversion), 0, PX_NONE},
        {PX_Q(format_spec), 0, PX_QSTR_CONST(PX_Q(empty))},
    };
    px_val a[4];
    px_parse_args(PX_Q(Interpolation), argc, argv, kwnames, 4, spec, a);
    px_str_data(a[1], &(size_t){0});
    if (a[2] != PX_NONE) {
        size_t l;
        const char *c = px_str_get(a[2], &l);
        if (c == NULL || l != 1 || (c[0] != 's' && c[0] != 'r' && c[0] != 'a')) {
            px_raise_value_error("Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'");
        }
    }
    px_str_data(a[3], &(size_t){0});
    return px_interpolation_new(a[0], a[1], a[2], a[3]);
}

/* ---- attributes */

static px_val template_getattr(px_val self, px_qid name) {
    template_obj *t = px_as_ptr(self);
    if (name == PX_Q(strings)) {
        return t->strings;
    }
    if (name == PX_Q(interpolations)) {
        return t->interpolations;
    }
    if (name == PX_Q(values)) {
        px_tuple *it = px_tuple_ptr(t->interpolations);
        px_val vals = px_tuple_new(it->len, NULL);
        for (size_t i = 0; i < it->len; i++) {
            px_tuple_ptr(vals)->items[i] = ((interp_obj *)px_as_ptr(it->items[i]))->value;
        }
        return vals;
    }
    return PX_NULL;
}

static px_val interp_getattr(px_val self, px_qid name) {
    interp_obj *o = px_as_ptr(self);
    if (name == PX_Q(value)) {
        return o->value;
    }
    if (name == PX_Q(expression)) {
        return o->expression;
    }
    if (name == PX_Q(conversion)) {
        return o->conversion;
    }
    if (name == PX_Q(format_spec)) {
        return o->format_spec;
    }
    return PX_NULL;
}

/* ---- repr */

static void template_print(px_out *out, px_val self, px_print_kind kind) {
    template_obj *t = px_as_ptr(self);
    px_write_cstr(out, "Template(strings=");
    px_print(out, t->strings, PX_PRINT_REPR);
    px_write_cstr(out, ", interpolations=");
    px_print(out, t->interpolations, PX_PRINT_REPR);
    px_write_cstr(out, ")");
}

static void interp_print(px_out *out, px_val self, px_print_kind kind) {
    interp_obj *o = px_as_ptr(self);
    if (!px_print_enter(self)) {
        px_write_cstr(out, "Interpolation(...)");
        return;
    }
    px_write_cstr(out, "Interpolation(");
    px_print(out, o->value, PX_PRINT_REPR);
    px_write_cstr(out, ", ");
    px_print(out, o->expression, PX_PRINT_REPR);
    px_write_cstr(out, ", ");
    px_print(out, o->conversion, PX_PRINT_REPR);
    px_write_cstr(out, ", ");
    px_print(out, o->format_spec, PX_PRINT_REPR);
    px_write_cstr(out, ")");
    px_print_leave(self);
}

/* ---- iteration: the non-empty strings and the interpolations, in order */

typedef struct {
    px_obj base;
    template_obj *t;
    size_t pos; /* 0..2n: even = strings[pos/2], odd = interpolations[pos/2] */
} template_iter_obj;

static px_val template_iter_next(px_val self) {
    template_iter_obj *it = px_as_ptr(self);
    px_tuple *s = px_tuple_ptr(it->t->strings);
    px_tuple *in = px_tuple_ptr(it->t->interpolations);
    while (it->pos < s->len + in->len) {
        size_t p = it->pos++;
        if (p & 1) {
            return in->items[p / 2];
        }
        size_t l;
        px_str_data(s->items[p / 2], &l);
        if (l) {
            return s->items[p / 2];
        }
    }
    return PX_NULL;
}

static px_val iter_self(px_val self) {
    return self;
}

static const px_type template_iterator_type = {
    .base = {&px_type_type},
    .name = PX_Q(Template),
    .flags = PX_TF_ITERATOR,
    .base_type = &px_type_object,
    .iter = iter_self,
    .next = template_iter_next,
};

static px_val template_iter(px_val self) {
    template_iter_obj *it = px_gc_alloc(sizeof *it, 0);
    it->base.type = &template_iterator_type;
    it->t = px_as_ptr(self);
    return px_from_ptr(it);
}

/* ---- Template + Template */

static px_val template_binop(px_binop op, px_val lhs, px_val rhs) {
    if (op != PX_BINOP_ADD && op != PX_BINOP_IADD) {
        return PX_NOTIMPL;
    }
    bool lt = px_is_type(lhs, &px_type_template), rt = px_is_type(rhs, &px_type_template);
    if (!lt || !rt) {
        if ((lt && px_str_get(rhs, &(size_t){0}) != NULL) || (rt && px_str_get(lhs, &(size_t){0}) != NULL)) {
            px_raise_type_error("can only concatenate string.templatelib.Template (not \"%s\") to "
                                "string.templatelib.Template",
                                px_type_name(lt ? rhs : lhs));
        }
        return PX_NOTIMPL;
    }
    template_obj *a = px_as_ptr(lhs), *b = px_as_ptr(rhs);
    px_tuple *as = px_tuple_ptr(a->strings), *ai = px_tuple_ptr(a->interpolations);
    px_tuple *bs = px_tuple_ptr(b->strings), *bi = px_tuple_ptr(b->interpolations);
    size_t n = ai->len + bi->len;
    px_val *items = px_gc_alloc((2 * n + 1) * sizeof(px_val), 0);
    size_t k = 0;
    for (size_t i = 0; i < ai->len; i++) {
        items[k++] = as->items[i];
        items[k++] = ai->items[i];
    }
    items[k++] = px_str_concat(as->items[ai->len], bs->items[0]);
    for (size_t i = 0; i < bi->len; i++) {
        items[k++] = bi->items[i];
        items[k++] = bs->items[i + 1];
    }
    return px_template_new(n, items);
}

const px_type px_type_template = {
    .base = {&px_type_type},
    .name = PX_Q(Template),
    .flags = 0,
    .base_type = &px_type_object,
    .make = template_make,
    .print = template_print,
    .binop = template_binop,
    .getattr = template_getattr,
    .iter = template_iter,
};

const px_type px_type_interpolation = {
    .base = {&px_type_type},
    .name = PX_Q(Interpolation),
    .flags = 0,
    .base_type = &px_type_object,
    .make = interp_make,
    .print = interp_print,
    .getattr = interp_getattr,
};
