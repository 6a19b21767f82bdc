/* math's sums and norms: fsum (exact, then rounded once), prod, and hypot
 * and dist, correctly rounded in all but vanishingly rare cases (as
 * CPython's are, and unlike the C library's hypot). */
#include <float.h>
#include <math.h>

#include "mathmod.h"

/* ---- fsum: Shewchuk's method. The partial sums are non-overlapping
 * doubles, smallest first, whose exact sum is the sum so far; the total
 * is rounded once at the end, ties to even. */

typedef struct {
    double *p;
    size_t n, cap;
    double local[32];
} partials;

static void partials_push(partials *ps, double x) {
    if (ps->n == ps->cap) {
        double *np = px_gc_alloc(2 * ps->cap * sizeof(double), PX_GC_LEAF);
        memcpy(np, ps->p, ps->n * sizeof(double));
        ps->p = np;
        ps->cap *= 2;
    }
    ps->p[ps->n++] = x;
}

/* Add x exactly: each partial and x become their rounded sum and its
 * error (two-sum with the larger first); zero errors are dropped. */
static void partials_add(partials *ps, double x) {
    size_t kept = 0;
    for (size_t i = 0; i < ps->n; i++) {
        double y = ps->p[i];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y;
        double lo = y - (hi - x);
        if (lo != 0.0) {
            ps->p[kept++] = lo;
        }
        x = hi;
    }
    ps->n = kept;
    partials_push(ps, x);
}

/* The exact sum rounded to the nearest double, ties to even. */
static double partials_round(const partials *ps) {
    size_t n = ps->n;
    if (n == 0) {
        return 0.0;
    }
    double hi = ps->p[--n], lo = 0.0;
    while (n > 0) {
        double x = hi, y = ps->p[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0.0) {
            break;
        }
    }
    /* hi + lo is exact; when lo is half an ulp of hi, the next partial
     * down says which way the rest of the sum tips the tie. */
    if (n > 0 && ((lo < 0 && ps->p[n - 1] < 0) || (lo > 0 && ps->p[n - 1] > 0))) {
        double y = lo * 2;
        double x = hi + y;
        if (y == x - hi) {
            hi = x;
        }
    }
    return hi;
}

static px_val math_fsum(px_val iterable) {
    partials ps = {NULL, 0, 32, {0}};
    ps.p = ps.local;
    double special = 0.0; /* the sum of the infinities and NaNs met */
    double infs = 0.0;    /* the sum of the infinities: NaN for inf + -inf */
    px_val it = px_iter(iterable);
    for (px_val v; (v = px_next(it)) != PX_NULL;) {
        double x = px_float_of(v);
        if (!isfinite(x)) {
            if (isinf(x)) {
                infs += x;
            }
            special += x;
            continue;
        }
        partials_add(&ps, x);
        if (!isfinite(ps.p[ps.n - 1])) {
            px_raise_overflow("intermediate overflow in fsum");
        }
    }
    if (special != 0.0 || isnan(special)) {
        if (isnan(infs)) {
            px_raise_value_error("-inf + inf in fsum");
        }
        return px_float(special);
    }
    return px_float(partials_round(&ps) + 0.0); /* + 0.0: an all-zero sum is +0.0 */
}
PX_FUN1(px_math_fsum_obj, fsum, math_fsum);

/* ---- prod(iterable, *, start=1) */

static const px_argspec prod_spec[] = {
    {PX_Q(iterable), PX_ARG_REQUIRED | PX_ARG_POSONLY, PX_NONE},
    {PX_Q(start), PX_ARG_KWONLY, PX_NULL},
};

static px_val math_prod(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[2];
    px_parse_args(PX_Q(prod), argc, argv, kwnames, 2, prod_spec, a);
    px_val r = a[1] == PX_NULL ? px_small(1) : a[1];
    px_val it = px_iter(a[0]);
    for (px_val v; (v = px_next(it)) != PX_NULL;) {
        r = px_binary(PX_BINOP_MUL, r, v);
    }
    return r;
}
PX_FUNKW(px_math_prod_obj, prod, 1, 1, math_prod);

/* ---- the Euclidean norm of a vector of doubles */

/* hi + lo = a + b exactly. */
static void two_sum(double a, double b, double *hi, double *lo) {
    double s = a + b;
    double bb = s - a;
    *lo = (a - (s - bb)) + (b - bb);
    *hi = s;
}

/* sqrt(x[0]**2 + ... ) rounded once. The vector is scaled by a power of
 * two so its largest entry is in [0.5, 1); the sum of squares is kept as
 * an unevaluated pair hi + lo (each square split exactly with fma); the
 * square root of hi is then corrected by the residual, and moved by an
 * ulp if the exact root lies beyond the midpoint on either side. */
static double norm(double *x, size_t n) {
    double max = 0.0;
    bool nan_seen = false;
    for (size_t i = 0; i < n; i++) {
        x[i] = fabs(x[i]);
        if (isinf(x[i])) {
            return INFINITY; /* even with a NaN beside it */
        }
        if (isnan(x[i])) {
            nan_seen = true;
        } else if (x[i] > max) {
            max = x[i];
        }
    }
    if (nan_seen) {
        return NAN;
    }
    if (max == 0.0 || n == 1) {
        return max;
    }
    int e;
    frexp(max, &e);
    double hi = 0.0, lo = 0.0;
    for (size_t i = 0; i < n; i++) {
        double v = ldexp(x[i], -e);
        double sq = v * v;
        double sq_err = fma(v, v, -sq);
        double err;
        two_sum(hi, sq, &hi, &err);
        lo += err + sq_err;
    }
    two_sum(hi, lo, &hi, &lo);
    double h = sqrt(hi);
    /* residual r = (hi + lo) - h*h, computed exactly up to lo's rounding */
    double hh = h * h;
    double r = (hi - hh) - fma(h, h, -hh) + lo;
    h += r / (2 * h);
    hh = h * h;
    r = (hi - hh) - fma(h, h, -hh) + lo;
    /* (h + u/2)**2 - h**2 = h*u + u*u/4 */
    double up = nextafter(h, INFINITY) - h;
    double down = h - nextafter(h, 0.0);
    if (r > 0 && r > h * up + up * up / 4) {
        h += up;
    } else if (r < 0 && -r > h * down - down * down / 4) {
        h -= down;
    }
    return ldexp(h, e);
}

/* The floats of any iterable as a fresh array; *n set. */
static double *floats_of(px_val iterable, size_t *n, double *local, size_t local_cap) {
    px_val it = px_iter(iterable);
    double *x = local;
    size_t cap = local_cap, k = 0;
    for (px_val v; (v = px_next(it)) != PX_NULL;) {
        if (k == cap) {
            double *nx = px_gc_alloc(2 * cap * sizeof(double), PX_GC_LEAF);
            memcpy(nx, x, k * sizeof(double));
            x = nx;
            cap *= 2;
        }
        x[k++] = px_float_of(v);
    }
    *n = k;
    return x;
}

static px_val math_hypot(size_t argc, const px_val *argv) {
    double local[16];
    double *x = argc <= 16 ? local : px_gc_alloc(argc * sizeof(double), PX_GC_LEAF);
    for (size_t i = 0; i < argc; i++) {
        x[i] = px_float_of(argv[i]);
    }
    return px_float(norm(x, argc));
}
PX_FUNV(px_math_hypot_obj, hypot, 0, PX_ARGS_MAX, math_hypot);

static px_val math_dist(px_val p, px_val q) {
    double lp[16], lq[16];
    size_t np, nq;
    double *xp = floats_of(p, &np, lp, 16);
    double *xq = floats_of(q, &nq, lq, 16);
    if (np != nq) {
        px_raise_value_error("both points must have the same number of dimensions");
    }
    for (size_t i = 0; i < np; i++) {
        xp[i] -= xq[i];
    }
    return px_float(norm(xp, np));
}
PX_FUN2(px_math_dist_obj, dist, math_dist);
