/* Helpers shared by the container types (internal to src/objects/). */
#ifndef PX_CONTUTIL_H
#define PX_CONTUTIL_H

#include "../runtime.h"

/* memmove/memset of n values; n may be 0 with NULL pointers (empty lists). */
static inline void px_cont_move(px_val *dst, const px_val *src, size_t n) {
    if (n) {
        memmove(dst, src, n * sizeof(px_val));
    }
}
static inline void px_cont_zero(px_val *dst, size_t n) {
    if (n) {
        memset(dst, 0, n * sizeof(px_val));
    }
}

/* Is the keyword name (a str value) this name? */
bool px_cont_kw_is(px_val name, px_qid q);
/* Keyword arguments of a built-in: out[i] receives the value named
 * names[i] (left alone if not given); TypeError naming `func` for others. */
void px_cont_parse_kw(const char *func, size_t argc, const px_val *argv, px_val kwnames,
                      size_t n, const px_qid *names, px_val *out);
size_t px_cont_kw_count(px_val kwnames);

/* Old name of px_check_stack (core/error.h), still used by dict.c. */
static inline void px_cont_check_stack(const char *what) { px_check_stack(what); }

/* repr of a container with cycle protection: `body` prints the contents;
 * while it runs, printing the same object again writes `cycle` instead. */
void px_cont_print_guarded(px_out *out, px_val self, const char *cycle,
                           void (*body)(px_out *out, px_val self));
/* "a, b, c" as reprs. */
void px_cont_print_items(px_out *out, const px_val *items, size_t n);

/* Lexicographic comparison of two lists or two tuples. */
px_val px_cont_seq_compare(px_binop op, px_val a, px_val b);
/* The repeat count of seq * n, or -1 if n is not an int (NotImplemented). */
int64_t px_cont_repeat_count(px_val n, size_t len);
/* index(x, start, stop) bounds clamped to [0, len]. */
void px_cont_index_bounds(size_t argc, const px_val *argv, size_t first, size_t len,
                          size_t *start, size_t *stop);
/* Position of the first item equal to x in items[start..stop), or -1; count
 * of items equal to x. Both take the array and length by address and re-read
 * them after each comparison, since __eq__ may resize a list. */
static inline ptrdiff_t px_cont_find(px_val *const *items, const size_t *len, px_val x,
                                     size_t start, size_t stop) {
    for (size_t i = start; i < stop && i < *len; i++) {
        px_val v = (*items)[i];
        if (v == x || px_equal(v, x)) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}
static inline px_int px_cont_count(px_val *const *items, const size_t *len, px_val x) {
    px_int n = 0;
    for (size_t i = 0; i < *len; i++) {
        if ((*items)[i] == x || px_equal((*items)[i], x)) {
            n++;
        }
    }
    return n;
}
/* Reverse a list's items in place (list.reverse, and rsplit of str/bytes). */
void px_list_reverse(px_val list);
/* A list, tuple or any iterable as an array (borrowed for list/tuple, else
 * a fresh copy). */
px_val *px_cont_items(px_val iterable, size_t *len);

/* Bodies of dunder methods listed in the type dicts (for super() calls in
 * subclasses and explicit obj.__len__()); they go through the slots. */
px_val px_cont_len_fn(px_val self);
px_val px_cont_contains_fn(px_val self, px_val x);
px_val px_cont_add_fn(px_val self, px_val other);
px_val px_cont_mul_fn(px_val self, px_val n);

/* Operator dunders listed in type dicts (set.__or__, list.__iadd__, ...):
 * they call self's own binop slot, never a subclass override, so super()
 * calls work; NotImplemented comes back as is. The r forms swap operands. */
#define PX_CONT_OP_FNS(X) X(or, OR) X(and, AND) X(sub, SUB) X(xor, XOR) X(add, ADD) X(mul, MUL)
#define PX_CONT_OP_DECL(name, OP)                                                               \
    px_val px_cont_##name##_op(px_val self, px_val other);                                      \
    px_val px_cont_r##name##_op(px_val self, px_val other);                                     \
    px_val px_cont_i##name##_op(px_val self, px_val other);
PX_CONT_OP_FNS(PX_CONT_OP_DECL)
/* reversed(self) for list and dict */
px_val px_cont_reversed_fn(px_val self);
/* The reverse iterator over the first len items of a sequence. */
px_val px_seq_reversed(px_val seq, size_t len);

/* The generic iterator over a list, tuple or __getitem__ sequence. */
px_val px_seq_iter_new(px_val seq);
/* The iter slot of iterator types: returns self. */
px_val px_cont_iter_self(px_val self);
/* reversed(range): an iterator from the last item down. */
px_val px_range_reversed(px_val range);

/* dict views and iterators over maps (dictview.c) */
px_val px_dict_keys_view(px_val dict);
px_val px_dict_values_view(px_val dict);
px_val px_dict_items_view(px_val dict);
px_val px_dict_key_iter(px_val dict);
/* An iterator over a map owned by `owner` (kept alive), of type `type`
 * (one of the dict/set iterator types), backwards if `reverse`. */
px_val px_map_iter_new(const px_type *type, px_val owner, px_map *m, bool reverse);
/* reversed() of a dict or a dict view, or PX_NULL if v is neither. */
px_val px_dict_reversed(px_val v);
/* iter(callable, sentinel) */
px_val px_callable_iter_new(px_val func, px_val sentinel);

#endif
