/* The VM's object types: functions, code objects, cells and bound methods. */
#include <stdio.h>

#include "frame.h"

/* "0x7f..." for reprs. */
static void print_addr(px_out *out, const void *p) {
    char buf[32];
    snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)(uintptr_t)p);
    px_write_cstr(out, buf);
}

px_val px_vm_dict_of_map(px_map *m) {
    if (m->flags & PX_MAP_CONST) {
        px_val d = px_dict_new(m->count);
        px_map_copy(px_dict_map(d), m);
        return d;
    }
    return px_from_ptr((char *)m - offsetof(px_dict, map));
}

/* ---- functions --------------------------------------------------------- */

px_val px_func_new(px_code *code, px_map *globals, px_val defaults, px_val kwdefaults, px_val closure) {
    px_func *fn = px_gc_alloc(sizeof(px_vm_func), 0);
    fn->base.type = &px_type_function;
    fn->code = code;
    fn->globals = globals;
    fn->defaults = defaults == PX_NONE ? PX_NULL : defaults;
    fn->kwdefaults = kwdefaults == PX_NONE ? PX_NULL : kwdefaults;
    fn->closure = closure == PX_NONE ? PX_NULL : closure;
    fn->name = px_qstr(code->name);
    return px_from_ptr(fn);
}

px_val px_vm_func_qualname(px_func *fn) {
    px_vm_func *vf = (px_vm_func *)fn;
    if (fn->dict != PX_NULL) {
        px_val q = px_dict_get(fn->dict, px_qstr(PX_Q(__qualname__)));
        if (q != PX_NULL) {
            return q;
        }
    }
    px_val prefix = PX_NULL;
    if (vf->classname != PX_NULL && px_is_str(vf->classname)) {
        prefix = vf->classname;
    } else if (vf->parent != PX_NULL) {
        prefix = px_str_concat(px_vm_func_qualname(px_as_ptr(vf->parent)), px_str_cstr(".<locals>"));
    }
    if (prefix == PX_NULL) {
        return px_qstr(fn->code->name);
    }
    return px_str_concat(px_str_concat(prefix, px_str_cstr(".")), px_qstr(fn->code->name));
}

static void func_print(px_out *out, px_val self, px_print_kind kind) {
    px_func *fn = px_as_ptr(self);
    px_write_cstr(out, "<function ");
    px_print(out, px_vm_func_qualname(fn), PX_PRINT_STR);
    px_write_cstr(out, " at ");
    print_addr(out, fn);
    px_write_cstr(out, ">");
}

static px_val func_dict(px_func *fn) {
    if (fn->dict == PX_NULL) {
        fn->dict = px_dict_new(0);
    }
    return fn->dict;
}

static px_val or_none(px_val v) { return v == PX_NULL ? PX_NONE : v; }

static px_val func_getattr(px_val self, px_qid name) {
    px_func *fn = px_as_ptr(self);
    if (fn->dict != PX_NULL) {
        px_val v = px_dict_get(fn->dict, px_qstr(name));
        if (v != PX_NULL) {
            return v;
        }
    }
    switch (name) {
    case PX_Q(__name__):
        return fn->name;
    case PX_Q(__qualname__):
        return px_vm_func_qualname(fn);
    case PX_Q(__module__): {
        px_val m = px_map_get_q(fn->globals, PX_Q(__name__));
        return or_none(m);
    }
    case PX_Q(__doc__):
        return PX_NONE;
    case PX_Q(__defaults__):
        return or_none(fn->defaults);
    case PX_Q(__kwdefaults__):
        return or_none(fn->kwdefaults);
    case PX_Q(__code__):
        return px_from_ptr(fn->code);
    case PX_Q(__globals__):
        return px_vm_dict_of_map(fn->globals);
    case PX_Q(__closure__):
        return or_none(fn->closure);
    case PX_Q(__dict__):
        return func_dict(fn);
    default:
        return PX_NULL;
    }
}

static bool func_setattr(px_val self, px_qid name, px_val value) {
    px_func *fn = px_as_ptr(self);
    bool del = value == PX_DELETE;
    switch (name) {
    case PX_Q(__name__):
        if (del || !px_is_str(value)) {
            px_raise_type_error("__name__ must be set to a string object");
        }
        fn->name = value;
        return true;
    case PX_Q(__defaults__):
        if (!del && value != PX_NONE && !px_is_type(value, &px_type_tuple)) {
            px_raise_type_error("__defaults__ must be set to a tuple object");
        }
        fn->defaults = del || value == PX_NONE ? PX_NULL : value;
        return true;
    case PX_Q(__kwdefaults__):
        if (!del && value != PX_NONE && !px_is_dict(value)) {
            px_raise_type_error("__kwdefaults__ must be set to a dict object");
        }
        fn->kwdefaults = del || value == PX_NONE ? PX_NULL : value;
        return true;
    case PX_Q(__code__):
        if (del || !px_is_type(value, &px_type_code)) {
            px_raise_type_error("__code__ must be set to a code object");
        }
        {
            /* the closure must fill exactly the cells the code reads */
            size_t have = fn->closure == PX_NULL ? 0 : px_tuple_ptr(fn->closure)->len;
            size_t want = ((px_code *)px_as_ptr(value))->nfreevars;
            if (have != want) {
                px_raise_value_error("%s() requires a code object with %u free vars, not %u",
                                     px_qstr_str(fn->code->name), (unsigned)have, (unsigned)want);
            }
        }
        fn->code = px_as_ptr(value);
        return true;
    case PX_Q(__dict__):
        if (del || !px_is_dict(value)) {
            px_raise_type_error("__dict__ must be set to a dictionary");
        }
        fn->dict = value;
        return true;
    case PX_Q(__globals__):
    case PX_Q(__closure__):
        px_raise_msg(&px_type_AttributeError, "readonly attribute");
    default:
        break;
    }
    if (del) {
        if (fn->dict == PX_NULL || px_map_pop(px_dict_map(fn->dict), px_qstr(name)) == PX_NULL) {
            px_raise_attribute_error(self, name);
        }
        return true;
    }
    px_dict_set(func_dict(fn), px_qstr(name), value);
    return true;
}

/* f.__get__(obj, type=None): what the class machinery does for methods. */
static px_val func_get(size_t argc, const px_val *argv) {
    if (argc < 2 || argv[1] == PX_NONE) {
        return argv[0];
    }
    return px_vm_bound_new(argv[0], argv[1]);
}
static PX_METHV(func_get_obj, &px_type_function, __get__, 2, 3, func_get);

static const px_map_entry func_dict_table[] = {
    PX_ENTRY_OBJ(__get__, &func_get_obj),
};
static PX_CONST_MAP(func_methods, func_dict_table);

const px_type px_type_function = {
    .base = {&px_type_type},
    .name = PX_Q(function),
    .base_type = &px_type_object,
    .dict = &func_methods,
    .print = func_print,
    .call = px_func_call,
    .getattr = func_getattr,
    .setattr = func_setattr,
};

/* ---- code objects ------------------------------------------------------ */

static px_val qid_tuple(size_t n, const px_qid *q) {
    px_val t = px_tuple_new(n, NULL);
    for (size_t i = 0; i < n; i++) {
        px_tuple_ptr(t)->items[i] = px_qstr(q[i]);
    }
    return t;
}

static void code_print(px_out *out, px_val self, px_print_kind kind) {
    px_code *c = px_as_ptr(self);
    px_printf(out, "<code object %s at ", px_qstr_str(c->name));
    print_addr(out, c);
    px_printf(out, ", file \"%s\", line %u>", px_qstr_str(c->filename), (unsigned)c->firstlineno);
}

static px_val code_getattr(px_val self, px_qid name) {
    px_code *c = px_as_ptr(self);
    switch (name) {
    case PX_Q(co_name):
        return px_qstr(c->name);
    case PX_Q(co_filename):
        return px_qstr(c->filename);
    case PX_Q(co_firstlineno):
        return px_small(c->firstlineno);
    case PX_Q(co_argcount):
        return px_small(c->argcount);
    case PX_Q(co_posonlyargcount):
        return px_small(c->posonlycount);
    case PX_Q(co_kwonlyargcount):
        return px_small(c->kwonlycount);
    case PX_Q(co_nlocals):
        return px_small(c->nlocals);
    case PX_Q(co_flags):
        return px_small(c->flags);
    case PX_Q(co_varnames):
        return qid_tuple(c->nlocals, c->varnames);
    case PX_Q(co_cellvars):
        return qid_tuple(c->ncellvars, c->cellnames);
    case PX_Q(co_freevars):
        return qid_tuple(c->nfreevars, c->cellnames + c->ncellvars);
    case PX_Q(co_consts):
        return px_tuple_new(c->nconsts, c->consts);
    case PX_Q(co_names):
        return qid_tuple(c->nnames, c->names);
    default:
        return PX_NULL;
    }
}

const px_type px_type_code = {
    .base = {&px_type_type},
    .name = PX_Q(code),
    .base_type = &px_type_object,
    .print = code_print,
    .getattr = code_getattr,
};

/* ---- cells ------------------------------------------------------------- */

px_val px_cell_new(px_val value) {
    px_cell *c = px_gc_alloc(sizeof *c, 0);
    c->base.type = &px_type_cell;
    c->value = value;
    return px_from_ptr(c);
}

static void cell_print(px_out *out, px_val self, px_print_kind kind) {
    px_cell *c = px_as_ptr(self);
    px_write_cstr(out, "<cell at ");
    print_addr(out, c);
    if (c->value == PX_NULL) {
        px_write_cstr(out, ": empty>");
    } else {
        px_printf(out, ": %s object at ", px_type_name(c->value));
        print_addr(out, px_as_ptr(c->value));
        px_write_cstr(out, ">");
    }
}

static px_val cell_getattr(px_val self, px_qid name) {
    px_cell *c = px_as_ptr(self);
    if (name == PX_Q(cell_contents)) {
        if (c->value == PX_NULL) {
            px_raise_value_error("Cell is empty");
        }
        return c->value;
    }
    return PX_NULL;
}

static bool cell_setattr(px_val self, px_qid name, px_val value) {
    if (name != PX_Q(cell_contents)) {
        return false;
    }
    ((px_cell *)px_as_ptr(self))->value = value == PX_DELETE ? PX_NULL : value;
    return true;
}

const px_type px_type_cell = {
    .base = {&px_type_type},
    .name = PX_Q(cell),
    .base_type = &px_type_object,
    .print = cell_print,
    .getattr = cell_getattr,
    .setattr = cell_setattr,
};

/* ---- bound methods ----------------------------------------------------- */

px_val px_vm_bound_new(px_val func, px_val self) {
    px_bound *b = px_gc_alloc(sizeof *b, 0);
    b->base.type = &px_type_bound_method;
    b->func = func;
    b->self = self;
    return px_from_ptr(b);
}

static px_val bound_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    px_bound *b = px_as_ptr(self);
    size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    size_t total = argc + nkw + 1;
    px_val small[8];
    px_val *args = total <= 8 ? small : px_gc_alloc(total * sizeof(px_val), 0);
    args[0] = b->self;
    if (argc + nkw > 0) {
        memcpy(args + 1, argv, (argc + nkw) * sizeof(px_val));
    }
    return px_call(b->func, argc + 1, args, kwnames);
}

static void bound_print(px_out *out, px_val self, px_print_kind kind) {
    px_bound *b = px_as_ptr(self);
    px_write_cstr(out, "<bound method ");
    px_val qn = px_getattr_opt(b->func, PX_Q(__qualname__));
    if (qn == PX_NULL) {
        qn = px_getattr_opt(b->func, PX_Q(__name__));
    }
    if (qn != PX_NULL && px_is_str(qn)) {
        px_print(out, qn, PX_PRINT_STR);
    } else {
        px_write_cstr(out, "?");
    }
    px_write_cstr(out, " of ");
    px_print(out, b->self, PX_PRINT_REPR);
    px_write_cstr(out, ">");
}

static px_val bound_getattr(px_val self, px_qid name) {
    px_bound *b = px_as_ptr(self);
    switch (name) {
    case PX_Q(__self__):
        return b->self;
    case PX_Q(__func__):
        return b->func;
    default:
        return px_getattr_opt(b->func, name);
    }
}

static px_val bound_binop(px_binop op, px_val lhs, px_val rhs) {
    if ((op != PX_BINOP_EQ && op != PX_BINOP_NE) || !px_is_type(lhs, &px_type_bound_method) ||
        !px_is_type(rhs, &px_type_bound_method)) {
        return PX_NOTIMPL;
    }
    px_bound *a = px_as_ptr(lhs), *b = px_as_ptr(rhs);
    bool eq = a->self == b->self && px_equal(a->func, b->func);
    return px_bool(eq == (op == PX_BINOP_EQ));
}

static px_val bound_unop(px_unop op, px_val self) {
    if (op != PX_UNOP_HASH) {
        return PX_NOTIMPL;
    }
    px_bound *b = px_as_ptr(self);
    uintptr_t h = (uintptr_t)px_as_ptr(b->self) ^ ((uintptr_t)px_hash(b->func) * 31u);
    return px_small((px_int)((h >> 4) & 0x3FFFFFFF));
}

const px_type px_type_bound_method = {
    .base = {&px_type_type},
    .name = PX_Q(method),
    .base_type = &px_type_object,
    .print = bound_print,
    .call = bound_call,
    .getattr = bound_getattr,
    .binop = bound_binop,
    .unop = bound_unop,
};
