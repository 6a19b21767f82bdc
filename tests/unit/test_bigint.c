/* Unit tests for the big-int arithmetic in src/objects/bigint.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "objects/bigint.h"
#include "check_run.h"

/* Signed decimal text to a px_bn. */
static px_bn bn_dec(const char *s) {
    bool neg = *s == '-';
    if (neg) {
        s++;
    }
    px_bn b = px_bn_from_digits(s, strlen(s), 10);
    b.neg = neg && b.n > 0;
    return b;
}

/* px_bn to signed text in base (NUL-terminated, fresh block). */
static const char *bn_text(const px_bn *b, int base) {
    size_t n;
    char *d = px_bn_to_str(b, base, &n);
    char *out = px_gc_alloc(n + 2, PX_GC_LEAF);
    size_t k = 0;
    if (b->neg) {
        out[k++] = '-';
    }
    memcpy(out + k, d, n);
    out[k + n] = 0;
    return out;
}

#define A "123456789012345678901234567890123456789"
#define B "-98765432109876543210987654321"

START_TEST(test_add_sub_mul) {
    px_bn a = bn_dec(A), b = bn_dec(B);
    px_bn r = px_bn_add(&a, &b, false);
    ck_assert_str_eq(bn_text(&r, 10), "123456788913580246791358024679135802468");
    r = px_bn_add(&a, &b, true);
    ck_assert_str_eq(bn_text(&r, 10), "123456789111111111011111111101111111110");
    r = px_bn_mul(&a, &b);
    ck_assert_str_eq(bn_text(&r, 10),
                     "-12193263113702179522618503273374485596336229233322374638011112635269");
    r = px_bn_add(&a, &a, true);
    ck_assert_int_eq(r.n, 0);
    ck_assert(!r.neg);
}
END_TEST

START_TEST(test_divmod_signs) {
    px_bn a = bn_dec(A), b = bn_dec(B), q, r;
    px_bn_divmod(&a, &b, &q, &r);
    ck_assert_str_eq(bn_text(&q, 10), "-1249999989");
    ck_assert_str_eq(bn_text(&r, 10), "-38580246903858024690262345680");
    a.neg = true;
    px_bn_divmod(&a, &b, &q, &r);
    ck_assert_str_eq(bn_text(&q, 10), "1249999988");
    ck_assert_str_eq(bn_text(&r, 10), "-60185185206018518520725308641");
}
END_TEST

START_TEST(test_bases) {
    px_bn a = bn_dec(A);
    ck_assert_str_eq(bn_text(&a, 16), "5ce0e9a56015fec5aadfa328ae398115");
    for (int base = 2; base <= 36; base++) {
        const char *s = bn_text(&a, base);
        px_bn back = px_bn_from_digits(s, strlen(s), base);
        ck_assert_int_eq(px_bn_cmp(&a, &back), 0);
    }
    px_bn z = bn_dec("0");
    ck_assert_str_eq(bn_text(&z, 10), "0");
}
END_TEST

START_TEST(test_shifts_bitops) {
    px_digit buf[2];
    px_bn one;
    px_bn_from_i64(&one, 1, buf);
    px_bn p = px_bn_shl(&one, 200);
    p = px_bn_add(&p, &one, false);
    ck_assert_str_eq(bn_text(&p, 10), "1606938044258990275541962092341162602522202993782792835301377");
    px_bn s = px_bn_shr(&p, 199);
    ck_assert_str_eq(bn_text(&s, 10), "2");
    p.neg = true; /* -(2^200+1) >> 199 == -3 (floor) */
    s = px_bn_shr(&p, 199);
    ck_assert_str_eq(bn_text(&s, 10), "-3");
    px_bn m1 = bn_dec("-1"), x = bn_dec("123456789123456789123456789");
    px_bn r = px_bn_bitop(&x, &m1, '&');
    ck_assert_int_eq(px_bn_cmp(&r, &x), 0);
    r = px_bn_bitop(&x, &m1, '^'); /* ~x == -x-1 */
    ck_assert_str_eq(bn_text(&r, 10), "-123456789123456789123456790");
    px_bn y = bn_dec("-123456789123456789123456789");
    r = px_bn_bitop(&x, &y, '|');
    ck_assert_str_eq(bn_text(&r, 10), "-1");
}
END_TEST

static uint64_t rng = 88172645463325252ull;
static px_digit rnd(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (px_digit)(rng >> 16);
}

static px_bn random_bn(size_t n) {
    px_bn b = {px_nat_alloc(n), n, (rnd() & 1) != 0};
    for (size_t i = 0; i < n; i++) {
        b.d[i] = rnd();
    }
    if (b.d[n - 1] == 0) {
        b.d[n - 1] = 1;
    }
    return b;
}

START_TEST(test_random_divmod) {
    for (int iter = 0; iter < 300; iter++) {
        size_t an = 1 + rnd() % 120, bn = 1 + rnd() % 60;
        px_bn a = random_bn(an), b = random_bn(bn), q, r;
        px_bn_divmod(&a, &b, &q, &r);
        /* a == q*b + r, and r has b's sign with |r| < |b| */
        px_bn t = px_bn_mul(&q, &b);
        t = px_bn_add(&t, &r, false);
        ck_assert_int_eq(px_bn_cmp(&t, &a), 0);
        ck_assert(r.n == 0 || r.neg == b.neg);
        ck_assert_int_lt(px_nat_cmp(r.d, r.n, b.d, b.n), 0);
        /* (a*b)//b == a exactly */
        px_bn p = px_bn_mul(&a, &b);
        px_bn_divmod(&p, &b, &q, &r);
        ck_assert_int_eq(px_bn_cmp(&q, &a), 0);
        ck_assert_int_eq(r.n, 0);
    }
}
END_TEST

START_TEST(test_karatsuba_vs_school) {
    size_t sizes[] = {47, 48, 49, 64, 100, 150, 333, 500, 1000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        for (size_t j = 0; j <= i; j++) {
            px_bn a = random_bn(sizes[i]), b = random_bn(sizes[j]);
            px_digit *r1 = px_nat_alloc(a.n + b.n), *r2 = px_nat_alloc(a.n + b.n);
            size_t n1 = px_nat_mul(r1, a.d, a.n, b.d, b.n);
            size_t n2 = px_nat_mul_school(r2, a.d, a.n, b.d, b.n);
            ck_assert_int_eq(n1, n2);
            ck_assert(memcmp(r1, r2, n1 * sizeof(px_digit)) == 0);
        }
    }
}
END_TEST

START_TEST(test_big_power_str) {
    px_digit buf[2];
    px_bn r, base;
    px_bn_from_i64(&r, 1, buf);
    px_digit b3[2];
    px_bn_from_i64(&base, 3, b3);
    unsigned n = 200000;
    while (n) {
        if (n & 1) {
            r = px_bn_mul(&r, &base);
        }
        n >>= 1;
        if (n) {
            base = px_bn_mul(&base, &base);
        }
    }
    const char *s = bn_text(&r, 10);
    ck_assert_int_eq(strlen(s), 95425);
    ck_assert(strncmp(s, "17821486768123181469", 20) == 0);
    ck_assert_str_eq(s + 95425 - 20, "12833823731044000001");
    px_bn back = px_bn_from_digits(s, strlen(s), 10);
    ck_assert_int_eq(px_bn_cmp(&back, &r), 0);
}
END_TEST

START_TEST(test_str_divide_and_conquer) {
    /* long conversions split by powers of the base: check round trips and zero runs */
    int bases[] = {3, 7, 10, 36};
    for (int iter = 0; iter < 40; iter++) {
        px_bn a = random_bn(40 + rnd() % 700);
        a.neg = false;
        int base = bases[iter % 4];
        const char *s = bn_text(&a, base);
        px_bn back = px_bn_from_digits(s, strlen(s), base);
        ck_assert_int_eq(px_bn_cmp(&a, &back), 0);
    }
    static char text[3002];
    memset(text, '0', 3001);
    text[0] = '1';
    text[3000] = '7';
    text[3001] = 0;
    px_bn b = px_bn_from_digits(text, 3001, 10);
    ck_assert_str_eq(bn_text(&b, 10), text);
}
END_TEST

START_TEST(test_to_double) {
    bool ov;
    px_bn a = bn_dec("18446744073709551617"); /* 2^64+1 */
    ck_assert(px_bn_to_double(&a, &ov) == 18446744073709551616.0 && !ov);
    a = bn_dec("9007199254740993"); /* 2^53+1: ties to even */
    ck_assert(px_bn_to_double(&a, &ov) == 9007199254740992.0);
    a = bn_dec("9007199254740995"); /* 2^53+3: ties to even, up */
    ck_assert(px_bn_to_double(&a, &ov) == 9007199254740996.0);
    px_bn big = px_bn_shl(&a, 2000);
    px_bn_to_double(&big, &ov);
    ck_assert(ov);
    px_bn x = bn_dec("1000000000000000000000000000000"), y = bn_dec("79792266297612001");
    ck_assert(px_bn_truediv(&x, &y, &ov) == 12532542894196.85);
    px_digit b1[2], b2[2];
    px_bn one, five;
    px_bn_from_i64(&one, 1, b1);
    px_bn_from_i64(&five, 5, b2);
    px_bn p = px_bn_shl(&one, 1076);
    ck_assert(px_bn_truediv(&five, &p, &ov) == 5e-324);
    px_bn d = px_bn_from_double(-1.5e300);
    ck_assert(d.neg);
    ck_assert(px_bn_to_double(&d, &ov) == -1.5e300);
}
END_TEST

/* CPython's values (64-bit, modulus 2^61-1), from python3's hash(). */
START_TEST(test_numeric_hash) {
    px_bn a = bn_dec("1267650600228229401496703205376"); /* 2^100 */
    ck_assert_int_eq(px_num_hash_bn(&a), 549755813888LL); /* 2^100 mod (2^61-1) = 2^39 */
    a = bn_dec("-1267650600228229401496703205376");
    ck_assert_int_eq(px_num_hash_bn(&a), -549755813888LL);
    a = bn_dec("2305843009213693951"); /* the modulus itself */
    ck_assert_int_eq(px_num_hash_bn(&a), 0);
    a = bn_dec("1000000000000000000000000000000");
    ck_assert_int_eq(px_num_hash_bn(&a), 465258685558744706LL);
    ck_assert_int_eq(px_num_hash_double(0.5), 1152921504606846976LL);
    ck_assert_int_eq(px_num_hash_double(-2.5), -1152921504606846978LL);
    ck_assert_int_eq(px_num_hash_double(1e300), 1224995262755759164LL);
    ck_assert_int_eq(px_num_hash_double(-1.0), -2);
    /* a __hash__ result that fits px_int is kept; a bigger one is hashed */
    ck_assert_int_eq(px_hash_from_int(px_int_from_i64(INT64_C(1) << 62)), INT64_C(1) << 62);
    ck_assert_int_eq(px_hash_from_int(px_int_from_i64(-1)), -2);
    a = bn_dec("1267650600228229401496703205376");
    ck_assert_int_eq(px_hash_from_int(px_bn_to_val(&a)), 549755813888LL);
}
END_TEST

static Suite *bigint_suite(void) {
    Suite *s = suite_create("bigint");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_add_sub_mul);
    tcase_add_test(tc, test_divmod_signs);
    tcase_add_test(tc, test_bases);
    tcase_add_test(tc, test_shifts_bitops);
    tcase_add_test(tc, test_random_divmod);
    tcase_add_test(tc, test_karatsuba_vs_school);
    tcase_add_test(tc, test_big_power_str);
    tcase_add_test(tc, test_to_double);
    tcase_add_test(tc, test_str_divide_and_conquer);
    tcase_add_test(tc, test_numeric_hash);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    int top;
    px_init(256u << 20, &top);
    return px_check_run(bigint_suite(), true);
}
