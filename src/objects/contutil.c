/* Helpers shared by the container types: keyword parsing, guarded repr,
 * sequence comparison and repetition. */
#include <stdio.h>

#include "contutil.h"

bool px_cont_kw_is(px_val name, px_qid q) {
    if (px_is_qstr(name)) {
        return px_qstr_get(name) == q;
    }
    size_t len;
    const char *s = px_str_data(name, &len);
    return len == px_qstr_len(q) && memcmp(s, px_qstr_str(q), len) == 0;
}

size_t px_cont_kw_count(px_val kwnames) {
    if (kwnames == PX_NULL || !px_is_obj(kwnames)) {
        return 0;
    }
    return px_tuple_ptr(kwnames)->len;
}

void px_cont_parse_kw(const char *func, size_t argc, const px_val *argv, px_val kwnames,
                      size_t n, const px_qid *names, px_val *out) {
    size_t nkw = px_cont_kw_count(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        px_val name = px_tuple_ptr(kwnames)->items[k];
        size_t i = 0;
        while (i < n && !px_cont_kw_is(name, names[i])) {
            i++;
        }
        if (i == n) {
            size_t len;
            const char *s = px_str_data(name, &len);
            px_raise_type_error("'%.*s' is an invalid keyword argument for %s()", (int)len, s,
                                func);
        }
        out[i] = argv[argc + k];
    }
}

/* ---- repr with cycle protection (the set of objects being printed is
 * kept by core/print.c). */
void px_cont_print_guarded(px_out *out, px_val self, const char *cycle,
                           void (*body)(px_out *out, px_val self)) {
    px_check_stack(" while getting the repr of an object");
    if (!px_print_enter(self)) {
        px_write_cstr(out, cycle);
        return;
    }
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        body(out, self);
        px_try_pop(&j);
        px_print_leave(self);
    } else {
        px_print_leave(self);
        px_raise(j.exc);
    }
}

void px_cont_print_items(px_out *out, const px_val *items, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (i) {
            px_write(out, ", ", 2);
        }
        px_print(out, items[i], PX_PRINT_REPR);
    }
}

/* ---- sequences */

px_val px_cont_seq_compare(px_binop op, px_val a, px_val b) {
    size_t na, nb, i = 0;
    px_check_stack(" in comparison");
    for (;; i++) {
        /* re-read each time: __eq__ may change a list */
        px_val *ia = px_seq_items(a, &na);
        px_val *ib = px_seq_items(b, &nb);
        if (i >= na || i >= nb) {
            break;
        }
        px_val x = ia[i], y = ib[i];
        if (x != y && !px_equal(x, y)) {
            if (op == PX_BINOP_EQ) {
                return PX_FALSE;
            }
            if (op == PX_BINOP_NE) {
                return PX_TRUE;
            }
            return px_binary(op, x, y);
        }
    }
    bool r;
    switch (op) {
    case PX_BINOP_EQ: r = na == nb; break;
    case PX_BINOP_NE: r = na != nb; break;
    case PX_BINOP_LT: r = na < nb; break;
    case PX_BINOP_LE: r = na <= nb; break;
    case PX_BINOP_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    return px_bool(r);
}

bool px_cont_is_index(px_val n) {
    return px_is_int(n) || px_type_lookup(px_type_of(n), PX_Q(__index__)) != PX_NULL;
}

px_int px_cont_index(px_val n) {
    if (px_is_small(n)) {
        return px_small_get(n);
    }
    px_val i = px_unary(PX_UNOP_INDEX, n);
    if (!px_is_small(i) && (px_less(i, px_int_from_i64(PX_INT_MIN)) || px_less(px_int_from_i64(PX_INT_MAX), i))) {
        px_raise_msg(&px_type_OverflowError, "cannot fit '%s' into an index-sized integer", px_type_name(n));
    }
    return px_index(i);
}

int64_t px_cont_repeat_count(px_val n, size_t len) {
    if (!px_cont_is_index(n)) {
        if (px_type_of(n)->flags & PX_TF_HEAPTYPE) {
            return -1; /* a user class may still answer with __rmul__ */
        }
        px_raise_type_error("can't multiply sequence by non-int of type '%s'", px_type_name(n));
    }
    px_int k = px_cont_index(n);
    if (k <= 0 || len == 0) {
        return 0;
    }
    if ((uint64_t)k > (SIZE_MAX / sizeof(px_val)) / len) {
        px_raise_memory_error();
    }
    return k;
}

static size_t clamp_index(px_val v, size_t len) {
    px_int i;
    if (px_is_small(v)) {
        i = px_small_get(v);
    } else if (px_is_int(v) && px_truthy(px_binary(PX_BINOP_LT, v, px_small(0)))) {
        return 0; /* huge negative */
    } else if (px_is_int(v) && !px_is_bool(v) && !px_is_small(v)) {
        return len; /* huge positive (or a big int that index() would reject) */
    } else {
        if (!px_is_int(v) && px_type_lookup(px_type_of(v), PX_Q(__index__)) == PX_NULL) {
            px_raise_type_error("slice indices must be integers or have an __index__ method");
        }
        i = px_index(v);
    }
    if (i < 0) {
        i += (px_int)len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > len) {
        i = (px_int)len;
    }
    return (size_t)i;
}

void px_cont_index_bounds(size_t argc, const px_val *argv, size_t first, size_t len,
                          size_t *start, size_t *stop) {
    *start = 0;
    *stop = len;
    if (argc > first && argv[first] != PX_NONE) {
        *start = clamp_index(argv[first], len);
    }
    if (argc > first + 1 && argv[first + 1] != PX_NONE) {
        *stop = clamp_index(argv[first + 1], len);
    }
}

px_val *px_cont_items(px_val iterable, size_t *len) {
    px_val *items = px_seq_items(iterable, len);
    if (items) {
        return items;
    }
    px_val list = px_list_from_iter(iterable);
    *len = px_list_ptr(list)->len;
    return px_list_ptr(list)->items;
}

px_val px_cont_iter_self(px_val self) { return self; }

px_val px_cont_len_fn(px_val self) { return px_small((px_int)px_len(self)); }
px_val px_cont_contains_fn(px_val self, px_val x) { return px_bool(px_contains(self, x)); }
px_val px_cont_add_fn(px_val self, px_val other) { return px_binary(PX_BINOP_ADD, self, other); }
px_val px_cont_mul_fn(px_val self, px_val n) { return px_binary(PX_BINOP_MUL, self, n); }

/* ---- operator dunders (see contutil.h) */

/* Out of line: inlined (px_type_of with it), each of the 18 dunders below
 * was 270 bytes; they are called by name, rarely. */
__attribute__((noinline)) static px_val slot_op(px_binop op, px_val self, px_val lhs, px_val rhs) {
    const px_type *t = px_type_of(self);
    return t->binop ? t->binop(op, lhs, rhs) : PX_NOTIMPL;
}

#define PX_CONT_OP_DEF(name, OP)                                                                \
    px_val px_cont_##name##_op(px_val self, px_val other) {                                     \
        return slot_op(PX_BINOP_##OP, self, self, other);                                       \
    }                                                                                           \
    px_val px_cont_r##name##_op(px_val self, px_val other) {                                    \
        return slot_op(PX_BINOP_##OP, self, other, self);                                       \
    }                                                                                           \
    px_val px_cont_i##name##_op(px_val self, px_val other) {                                    \
        return slot_op(PX_BINOP_I##OP, self, self, other);                                      \
    }
PX_CONT_OP_FNS(PX_CONT_OP_DEF)

px_val px_cont_reversed_fn(px_val self) {
    px_val r = px_dict_reversed(self);
    return r != PX_NULL ? r : px_seq_reversed(self, px_len(self));
}
