/* collections.namedtuple: makes a class deriving from tuple whose fields
 * are also attributes (each a property reading its item), with CPython's
 * _make, _replace, _asdict, _fields, _field_defaults, __match_args__,
 * argument checking and repr. The methods are const built-ins shared by
 * every namedtuple class; a class finds its own fields in its _fields. */
#include <stdio.h>

#include "collmod.h"

/* ---- helpers */

static px_val fields_of(px_val cls) {
    return px_getattr(cls, PX_Q(_fields));
}

static const char *class_name(px_val cls) {
    return px_qstr_str(((const px_type *)px_as_ptr(cls))->name);
}

/* object.__new__(cls, values): an instance of the class around the tuple. */
static px_val instance_of(px_val cls, px_val values) {
    px_val newf = px_type_lookup(&px_type_object, PX_Q(__new__));
    if (px_is_type(newf, &px_type_staticmethod)) {
        newf = ((const px_wrapper *)px_as_ptr(newf))->func;
    }
    px_val args[2] = {cls, values};
    return px_call(newf, 2, args, PX_NULL);
}

static void append_quoted_list(px_strbuf *b, size_t n, const px_val *names) {
    /* 'x'; 'x' and 'y'; 'x', 'y', and 'z' (CPython's argument messages) */
    px_out out = px_strbuf_out(b);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            px_write_cstr(&out, n == 2 ? " and " : i + 1 == n ? ", and " : ", ");
        }
        px_print(&out, names[i], PX_PRINT_REPR);
    }
}

/* ---- the class's methods */

/* __new__(cls, *args, **kw): the fields from positions, keywords and
 * defaults. */
static px_val nt_new(size_t argc, const px_val *argv, px_val kwnames) {
    px_val cls = argv[0];
    size_t npos = argc - 1;
    size_t n;
    px_val fields = fields_of(cls);
    px_val *names = px_seq_items(fields, &n);
    const char *cname = class_name(cls);
    if (npos > n) {
        px_raise_type_error("%s.__new__() takes %zu positional arguments but %zu were given", cname, n + 1, npos + 1);
    }
    px_val values = px_tuple_new(n, NULL);
    px_val *v = px_tuple_ptr(values)->items;
    for (size_t i = 0; i < n; i++) {
        v[i] = i < npos ? argv[1 + i] : PX_NULL;
    }
    size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    for (size_t k = 0; k < nkw; k++) {
        px_val key = px_tuple_ptr(kwnames)->items[k];
        size_t i = 0;
        while (i < n && !px_str_equal(names[i], key)) {
            i++;
        }
        if (i == n) {
            px_raise_type_error("%s.__new__() got an unexpected keyword argument '%s'", cname,
                                px_qstr_str(px_str_to_qid(key)));
        }
        if (v[i] != PX_NULL) {
            px_raise_type_error("%s.__new__() got multiple values for argument '%s'", cname,
                                px_qstr_str(px_str_to_qid(key)));
        }
        v[i] = argv[argc + k];
    }
    px_val defaults = px_getattr(cls, PX_Q(_field_defaults));
    size_t nmissing = 0;
    px_val *missing = px_gc_alloc((n ? n : 1) * sizeof(px_val), 0);
    for (size_t i = 0; i < n; i++) {
        if (v[i] == PX_NULL) {
            px_val d = px_dict_get(defaults, names[i]);
            if (d != PX_NULL) {
                v[i] = d;
            } else {
                missing[nmissing++] = names[i];
            }
        }
    }
    if (nmissing > 0) {
        px_strbuf b;
        px_strbuf_init(&b, 64);
        px_strbuf_add_cstr(&b, cname);
        px_strbuf_add_cstr(&b, ".__new__() missing ");
        char count[64];
        snprintf(count, sizeof count, "%zu required positional argument%s: ", nmissing, nmissing == 1 ? "" : "s");
        px_strbuf_add_cstr(&b, count);
        append_quoted_list(&b, nmissing, missing);
        px_raise(px_exc_new_msg(&px_type_TypeError, px_strbuf_to_str(&b)));
    }
    return instance_of(cls, values);
}
static PX_FUNKW(nt_new_fn, __new__, 1, PX_ARGS_MAX, nt_new);
static PX_STATICMETHOD(nt_new_obj, &nt_new_fn);

/* _make(iterable), a class method */
static px_val nt_make(px_val cls, px_val iterable) {
    px_val values = px_tuple_from_iter(iterable);
    size_t n = px_len(fields_of(cls)), got = px_tuple_ptr(values)->len;
    if (got != n) {
        px_raise_type_error("Expected %zu arguments, got %zu", n, got);
    }
    return instance_of(cls, values);
}
static PX_FUN2(nt_make_fn, _make, nt_make);
static PX_CLASSMETHOD(nt_make_obj, &nt_make_fn);

static px_val nt_repr(px_val self) {
    px_val fields = fields_of(px_from_ptr(px_type_of(self)));
    size_t n, nv;
    px_val *names = px_seq_items(fields, &n);
    px_val *values = px_seq_items(px_native(self, &px_type_tuple), &nv);
    px_strbuf b;
    px_strbuf_init(&b, 32);
    px_out out = px_strbuf_out(&b);
    px_write_cstr(&out, px_qstr_str(px_type_of(self)->name));
    px_write_cstr(&out, "(");
    if (!px_print_enter(self)) {
        px_write_cstr(&out, "...)");
        return px_strbuf_to_str(&b);
    }
    for (size_t i = 0; i < n && i < nv; i++) {
        if (i > 0) {
            px_write_cstr(&out, ", ");
        }
        px_print(&out, names[i], PX_PRINT_STR);
        px_write_cstr(&out, "=");
        px_print(&out, values[i], PX_PRINT_REPR);
    }
    px_print_leave(self);
    px_write_cstr(&out, ")");
    return px_strbuf_to_str(&b);
}
static PX_METH1(nt_repr_obj, &px_type_object, __repr__, nt_repr);

static px_val nt_asdict(px_val self) {
    px_val fields = fields_of(px_from_ptr(px_type_of(self)));
    size_t n, nv;
    px_val *names = px_seq_items(fields, &n);
    px_val *values = px_seq_items(px_native(self, &px_type_tuple), &nv);
    px_val d = px_dict_new(n);
    for (size_t i = 0; i < n && i < nv; i++) {
        px_dict_set(d, names[i], values[i]);
    }
    return d;
}
static PX_METH1(nt_asdict_obj, &px_type_object, _asdict, nt_asdict);

/* _replace(**kw): a new instance (through _make) with those fields changed. */
static px_val nt_replace(size_t argc, const px_val *argv, px_val kwnames) {
    if (argc != 1) {
        px_raise_type_error("_replace() takes 1 positional argument but %zu were given", argc);
    }
    px_val self = argv[0];
    px_val fields = fields_of(px_from_ptr(px_type_of(self)));
    size_t n, nv;
    px_val *names = px_seq_items(fields, &n);
    px_val values = px_list_from_iter(px_native(self, &px_type_tuple));
    px_val *v = px_seq_items(values, &nv);
    px_val unexpected = px_list_new(0, NULL);
    size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    for (size_t k = 0; k < nkw; k++) {
        px_val key = px_tuple_ptr(kwnames)->items[k];
        size_t i = 0;
        while (i < n && !px_str_equal(names[i], key)) {
            i++;
        }
        if (i < n && i < nv) {
            v[i] = argv[argc + k];
        } else {
            px_list_append(unexpected, key);
        }
    }
    if (px_list_ptr(unexpected)->len > 0) {
        px_val r = px_to_repr(unexpected);
        size_t rn;
        const char *rs = px_str_data(r, &rn);
        px_raise_value_error("Got unexpected field names: %.*s", (int)rn, rs);
    }
    return px_call_method(self, PX_Q(_make), 1, &values);
}
static PX_METHKW(nt_replace_obj, &px_type_object, _replace, 1, 1, nt_replace);

/* Instances of a namedtuple class are immutable, as with CPython's
 * __slots__ = (); a subclass's instances get attributes as usual. */
static px_val nt_setattr(px_val self, px_val name, px_val value) {
    const px_type *t = px_type_of(self);
    if ((t->flags & PX_TF_HEAPTYPE) && px_map_get_q(&((const px_class *)t)->attrs, PX_Q(_fields)) != PX_NULL) {
        px_val fields = px_getattr(px_from_ptr(t), PX_Q(_fields));
        if (px_contains(fields, name)) {
            px_raise_msg(&px_type_AttributeError, "can't set attribute");
        }
        px_raise_msg(&px_type_AttributeError, "'%s' object has no attribute '%s'", px_qstr_str(t->name),
                     px_qstr_str(px_str_to_qid(name)));
    }
    px_val set = px_getattr(px_from_ptr(&px_type_object), PX_Q(__setattr__));
    px_val args[3] = {self, name, value};
    return px_call(set, 3, args, PX_NULL);
}
static PX_METH3(nt_setattr_obj, &px_type_object, __setattr__, nt_setattr);

/* A field's getter: the property's fget is this bound to the index. */
static px_val nt_field(px_val index, px_val self) {
    size_t n;
    px_val *items = px_seq_items(px_native(self, &px_type_tuple), &n);
    px_int i = px_small_get(index);
    if ((size_t)i >= n) {
        px_raise_index_error("tuple index out of range");
    }
    return items[i];
}
static PX_FUN2(nt_field_obj, _field, nt_field);

/* ---- namedtuple() */

static bool is_keyword(px_val name) {
    static const char *const keywords[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield",
    };
    size_t n;
    const char *s = px_str_data(name, &n);
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (strlen(keywords[i]) == n && memcmp(keywords[i], s, n) == 0) {
            return true;
        }
    }
    return false;
}

static bool is_identifier(px_val name) {
    return px_truthy(px_call_method(name, PX_Q(isidentifier), 0, NULL));
}

static void check_name(px_val name) {
    if (!px_is_str(name)) {
        px_raise_type_error("Type names and field names must be strings");
    }
    px_val r = px_to_repr(name);
    size_t rn;
    const char *rs = px_str_data(r, &rn);
    if (!is_identifier(name)) {
        px_raise_value_error("Type names and field names must be valid identifiers: %.*s", (int)rn, rs);
    }
    if (is_keyword(name)) {
        px_raise_value_error("Type names and field names cannot be a keyword: %.*s", (int)rn, rs);
    }
}

static const px_argspec namedtuple_spec[] = {
    {PX_Q(typename), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(field_names), PX_ARG_REQUIRED, PX_NONE},
    {PX_Q(rename), PX_ARG_KWONLY, PX_FALSE},
    {PX_Q(defaults), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(module), PX_ARG_KWONLY, PX_NONE},
};

static px_val namedtuple(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[5];
    px_parse_args(PX_Q(namedtuple), argc, argv, kwnames, 5, namedtuple_spec, a);
    px_val typename = px_to_str(a[0]);
    px_val spec = a[1];
    if (px_is_str(spec)) {
        spec = px_call_method(px_call_method(spec, PX_Q(replace), 2, (px_val[]){px_str_cstr(","), px_str_cstr(" ")}),
                              PX_Q(split), 0, NULL);
    }
    px_val names = px_list_new(0, NULL);
    px_val it = px_iter(spec);
    for (px_val v; (v = px_next(it)) != PX_NULL;) {
        px_list_append(names, px_to_str(v));
    }
    size_t n = px_list_ptr(names)->len;
    px_val *f = px_list_ptr(names)->items;
    if (px_truthy(a[2])) {
        /* rename: invalid, keyword, underscored or repeated names become _<index> */
        px_val seen = px_set_new(0, NULL);
        for (size_t i = 0; i < n; i++) {
            size_t len;
            const char *s = px_str_data(f[i], &len);
            if (!is_identifier(f[i]) || is_keyword(f[i]) || (len > 0 && s[0] == '_') || px_set_contains(seen, f[i])) {
                char buf[32];
                snprintf(buf, sizeof buf, "_%zu", i);
                f[i] = px_str_cstr(buf);
            }
            px_set_add(seen, f[i]);
        }
    }
    check_name(typename);
    px_val seen = px_set_new(0, NULL);
    for (size_t i = 0; i < n; i++) {
        check_name(f[i]);
    }
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = px_str_data(f[i], &len);
        px_val r = px_to_repr(f[i]);
        size_t rn;
        const char *rs = px_str_data(r, &rn);
        if (len > 0 && s[0] == '_' && !px_truthy(a[2])) {
            px_raise_value_error("Field names cannot start with an underscore: %.*s", (int)rn, rs);
        }
        if (px_set_contains(seen, f[i])) {
            px_raise_value_error("Encountered duplicate field name: %.*s", (int)rn, rs);
        }
        px_set_add(seen, f[i]);
    }
    px_val fields = px_tuple_new(n, f);
    px_val field_defaults = px_dict_new(0);
    if (a[3] != PX_NONE) {
        px_val defaults = px_tuple_from_iter(a[3]);
        size_t nd = px_tuple_ptr(defaults)->len;
        if (nd > n) {
            px_raise_type_error("Got more default values than field names");
        }
        for (size_t i = 0; i < nd; i++) {
            px_dict_set(field_defaults, f[n - nd + i], px_tuple_ptr(defaults)->items[i]);
        }
    }
    px_val ns = px_dict_new(16);
    px_dict_set(ns, px_qstr(PX_Q(__new__)), px_from_ptr(&nt_new_obj));
    px_dict_set(ns, px_qstr(PX_Q(__repr__)), px_from_ptr(&nt_repr_obj));
    px_dict_set(ns, px_qstr(PX_Q(__setattr__)), px_from_ptr(&nt_setattr_obj));
    px_dict_set(ns, px_qstr(PX_Q(_make)), px_from_ptr(&nt_make_obj));
    px_dict_set(ns, px_qstr(PX_Q(_replace)), px_from_ptr(&nt_replace_obj));
    px_dict_set(ns, px_qstr(PX_Q(_asdict)), px_from_ptr(&nt_asdict_obj));
    px_dict_set(ns, px_qstr(PX_Q(_fields)), fields);
    px_dict_set(ns, px_qstr(PX_Q(_field_defaults)), field_defaults);
    px_dict_set(ns, px_qstr(PX_Q(__match_args__)), fields);
    for (size_t i = 0; i < n; i++) {
        px_val fget = px_bound_method(px_from_ptr(&nt_field_obj), px_small((px_int)i));
        px_dict_set(ns, f[i], px_call1(px_from_ptr(&px_type_property), fget));
    }
    px_val bases = px_tuple_new(1, (px_val[]){px_from_ptr(&px_type_tuple)});
    size_t tn;
    const char *ts = px_str_data(typename, &tn);
    char *cname = px_gc_alloc(tn + 1, PX_GC_LEAF);
    memcpy(cname, ts, tn);
    return px_coll_new_class(cname, bases, ns, a[4] == PX_NONE ? PX_NULL : a[4]);
}
PX_FUNKW(px_coll_namedtuple_obj, namedtuple, 0, 2, namedtuple);
