/* Unit tests for float repr and rounding (src/objects/floatfmt.c). */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "objects/bigint.h"
#include "check_run.h"

static const struct {
    const char *text;
    double d;
} reprs[] = {
    {"0.30000000000000004", 0.1 + 0.2},
    {"1e+16", 1e16},
    {"1e-05", 1e-5},
    {"5e-324", 5e-324},
    {"1.7976931348623157e+308", 1.7976931348623157e308},
    {"0.1", 0.1},
    {"123.456", 123.456},
    {"-0.0", -0.0},
    {"0.0", 0.0},
    {"1000000000000000.0", 1e15},
    {"123456789012345.6", 123456789012345.6},
    {"0.0001", 1e-4},
    {"0.0001234", 0.0001234},
    {"2.5", 2.5},
    {"0.3333333333333333", 1.0 / 3},
    {"1.4142135623730951", 1.4142135623730951},
    {"1e+22", 1e22},
    {"1.5e-07", 1.5e-7},
    {"-1e+100", -1e100},
    {"9007199254740992.0", 9007199254740992.0},
    {"3.14159", 3.14159},
    /* the shortest string is not the correctly rounded one of that length */
    {"5.351097043477547e-197", 5.351097043477547e-197},
    {"6.290184345309701e-235", 6.290184345309701e-235},
    {"inf", INFINITY},
    {"-inf", -INFINITY},
    {"nan", NAN},
};

START_TEST(test_repr_known) {
    for (size_t i = 0; i < sizeof reprs / sizeof reprs[0]; i++) {
        char buf[40];
        size_t n = px_float_repr(buf, sizeof buf, reprs[i].d);
        ck_assert_str_eq(buf, reprs[i].text);
        ck_assert_int_eq(n, strlen(reprs[i].text));
    }
}
END_TEST

START_TEST(test_repr_nodot) {
    char buf[40];
    px_float_repr_nodot(buf, sizeof buf, 2.0);
    ck_assert_str_eq(buf, "2");
    px_float_repr_nodot(buf, sizeof buf, -0.0);
    ck_assert_str_eq(buf, "-0");
    px_float_repr_nodot(buf, sizeof buf, 1e16);
    ck_assert_str_eq(buf, "1e+16");
}
END_TEST

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t rnd64(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

START_TEST(test_repr_random_roundtrip) {
    for (int i = 0; i < 20000; i++) {
        uint64_t bits = rnd64();
        double d;
        memcpy(&d, &bits, sizeof d);
        if (!isfinite(d)) {
            continue;
        }
        char buf[40];
        px_float_repr(buf, sizeof buf, d);
        ck_assert_msg(strtod(buf, NULL) == d, "%s does not round-trip", buf);
        /* shortest: as many significant digits as the fewest that round-trip */
        int pmin = 1;
        char tmp[40];
        for (; pmin < 17; pmin++) {
            snprintf(tmp, sizeof tmp, "%.*e", pmin - 1, d);
            if (strtod(tmp, NULL) == d) {
                break;
            }
        }
        char dig[40] = {0};
        int k = 0;
        for (const char *p = buf; *p && *p != 'e'; p++) {
            if ((*p >= '1' && *p <= '9') || (*p == '0' && k > 0)) {
                dig[k++] = *p;
            }
        }
        while (k > 1 && dig[k - 1] == '0') {
            k--;
        }
        ck_assert_msg(k == pmin, "%s: %d digits, shortest is %d", buf, k, pmin);
    }
}
END_TEST

static const struct {
    double x;
    int n;
    double want;
} rounds[] = {
    {2.675, 2, 2.67},   {0.125, 2, 0.12}, {0.375, 2, 0.38},  {12345.678, -2, 12300.0},
    {-0.5, 0, -0.0},    {1.5, 0, 2.0},    {2.5, 0, 2.0},     {5e-324, 0, 0.0},
    {1e300, -299, 1e300}, {5.5, -1, 10.0}, {15.0, -1, 20.0}, {25.0, -1, 20.0},
    {1.23456789e-10, 12, 1.23e-10},
};

START_TEST(test_round) {
    for (size_t i = 0; i < sizeof rounds / sizeof rounds[0]; i++) {
        double r = px_float_round(rounds[i].x, rounds[i].n);
        ck_assert_msg(r == rounds[i].want && signbit(r) == signbit(rounds[i].want), "round(%.17g, %d) = %.17g",
                      rounds[i].x, rounds[i].n, r);
    }
}
END_TEST

static Suite *floatfmt_suite(void) {
    Suite *s = suite_create("floatfmt");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_repr_known);
    tcase_add_test(tc, test_repr_nodot);
    tcase_add_test(tc, test_repr_random_roundtrip);
    tcase_add_test(tc, test_round);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    int top;
    px_init(64u << 20, &top);
    return px_check_run(floatfmt_suite(), true);
}
