/* Built-in functions over iterables: sorted, min, max, sum, any, all,
 * iter, next. */
#include "contutil.h"

static px_val sorted_fn(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_qid names[] = {PX_Q(key), PX_Q(reverse)};
    px_val kw[2] = {PX_NONE, PX_FALSE};
    if (argc != 1) {
        px_raise_type_error("sorted expected 1 argument, got %zu", argc);
    }
    px_cont_parse_kw("sorted", argc, argv, kwnames, 2, names, kw);
    return px_list_sorted(argv[0], kw[0], px_truthy(kw[1]));
}
PX_FUNKW(px_builtin_sorted, sorted, 0, PX_ARGS_MAX, sorted_fn);

/* Is a better than b for min (op LT) or max (op GT)? */
static bool better(px_binop op, px_val a, px_val b) {
    if (px_is_small(a) && px_is_small(b)) {
        px_int x = px_small_get(a), y = px_small_get(b);
        return op == PX_BINOP_LT ? x < y : x > y;
    }
    return px_truthy(px_binary(op, a, b));
}

static px_val minmax(px_binop op, const char *name, size_t argc, const px_val *argv,
                     px_val kwnames) {
    static const px_qid names[] = {PX_Q(key), PX_Q(default)};
    px_val kw[2] = {PX_NONE, PX_NULL};
    px_cont_parse_kw(name, argc, argv, kwnames, 2, names, kw);
    px_val key = kw[0], best = PX_NULL, best_key = PX_NULL;
    if (argc > 1 && kw[1] != PX_NULL) {
        px_raise_type_error("Cannot specify a default for %s() with multiple positional arguments",
                            name);
    }
    px_val it = argc == 1 ? px_iter(argv[0]) : px_iter(px_tuple_new(argc, argv));
    px_val v;
    while ((v = px_next(it)) != PX_NULL) {
        px_val k = key == PX_NONE ? v : px_call1(key, v);
        if (best == PX_NULL || better(op, k, best_key)) {
            best = v;
            best_key = k;
        }
    }
    if (best == PX_NULL) {
        if (kw[1] != PX_NULL) {
            return kw[1];
        }
        px_raise_value_error("%s() arg is an empty sequence", name);
    }
    return best;
}

static px_val min_fn(size_t argc, const px_val *argv, px_val kwnames) {
    return minmax(PX_BINOP_LT, "min", argc, argv, kwnames);
}
static px_val max_fn(size_t argc, const px_val *argv, px_val kwnames) {
    return minmax(PX_BINOP_GT, "max", argc, argv, kwnames);
}
PX_FUNKW(px_builtin_min, min, 1, PX_ARGS_MAX, min_fn);
PX_FUNKW(px_builtin_max, max, 1, PX_ARGS_MAX, max_fn);

static px_val sum_fn(size_t argc, const px_val *argv, px_val kwnames) {
    static const px_qid names[] = {PX_Q(start)};
    px_val acc = argc > 1 ? argv[1] : px_small(0);
    px_val kwstart = PX_NULL;
    px_cont_parse_kw("sum", argc, argv, kwnames, 1, names, &kwstart);
    if (kwstart != PX_NULL) {
        if (argc > 1) {
            px_raise_type_error("argument for sum() given by name ('start') and position (2)");
        }
        acc = kwstart;
    }
    if (px_is_str(acc)) {
        px_raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (px_is_type(acc, &px_type_bytes)) {
        px_raise_type_error("sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if (px_is_type(acc, &px_type_bytearray)) {
        px_raise_type_error("sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    px_val it = px_iter(argv[0]);
    px_val v;
    while ((v = px_next(it)) != PX_NULL) {
        if (px_is_small(acc) && px_is_small(v)) {
            px_int s = px_small_get(acc) + px_small_get(v);
            if (px_small_fits(s)) {
                acc = px_small(s);
                continue;
            }
        }
        acc = px_binary(PX_BINOP_ADD, acc, v);
    }
    return acc;
}
PX_FUNKW(px_builtin_sum, sum, 1, 2, sum_fn);

static px_val any_fn(px_val iterable) {
    px_val it = px_iter(iterable);
    px_val v;
    while ((v = px_next(it)) != PX_NULL) {
        if (px_truthy(v)) {
            return PX_TRUE;
        }
    }
    return PX_FALSE;
}
PX_FUN1(px_builtin_any, any, any_fn);

static px_val all_fn(px_val iterable) {
    px_val it = px_iter(iterable);
    px_val v;
    while ((v = px_next(it)) != PX_NULL) {
        if (!px_truthy(v)) {
            return PX_FALSE;
        }
    }
    return PX_TRUE;
}
PX_FUN1(px_builtin_all, all, all_fn);

static px_val iter_fn(size_t argc, const px_val *argv) {
    if (argc == 1) {
        return px_iter(argv[0]);
    }
    if (!px_callable(argv[0])) {
        px_raise_type_error("iter(v, w): v must be callable");
    }
    return px_callable_iter_new(argv[0], argv[1]);
}
PX_FUNV(px_builtin_iter, iter, 1, 2, iter_fn);

static px_val next_fn(size_t argc, const px_val *argv) {
    px_st.stop_value = PX_NULL;
    px_val v = px_next(argv[0]);
    if (v != PX_NULL) {
        return v;
    }
    if (argc > 1) {
        return argv[1];
    }
    /* the value the iterator (or the one a map/zip/... wraps) ended with */
    px_val value = px_st.stop_value;
    px_st.stop_value = PX_NULL;
    px_raise_stop_iteration(value);
}
PX_FUNV(px_builtin_next, next, 1, 2, next_fn);
