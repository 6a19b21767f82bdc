/* Shared by the files of the math module: math.c (the float functions and
 * the module table), math_int.c (the integer functions) and math_sum.c
 * (sums, products and norms). Internal to modules/. (Not "math.h": this
 * folder is on the include path and would hide the C library's.) */
#ifndef PX_MODULES_MATHMOD_H
#define PX_MODULES_MATHMOD_H

#include "runtime.h"

#if !PX_HAS_FLOAT
#error "math is made of floats: a build with PX_HAS_FLOAT=0 leaves it out (-Dexclude_modules=math,cmath)"
#endif

/* ValueError("math domain error") / OverflowError("math range error"),
 * CPython's messages for a result outside a function's domain or range. */
PX_NORETURN void px_math_domain_error(void);
PX_NORETURN void px_math_range_error(void);

/* math_int.c */
extern const px_builtin px_math_factorial_obj, px_math_gcd_obj, px_math_lcm_obj, px_math_isqrt_obj,
    px_math_comb_obj, px_math_perm_obj;

/* math_sum.c */
extern const px_builtin px_math_fsum_obj, px_math_prod_obj, px_math_hypot_obj, px_math_dist_obj;

#endif
