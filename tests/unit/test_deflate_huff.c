/* Unit tests of the Huffman code builder of deflate's compressor
 * (modules/deflate_huff.c): optimal lengths, the length limit on skewed
 * (Fibonacci) frequencies, complete codes for one or no used symbol, and
 * canonical codes as RFC 1951 3.2.2 gives them. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "deflate_huff.h"
#include "check_run.h"

static px_huff_work work;

/* Kraft sum of the lengths, scaled by 2**15: exactly 2**15 for a
 * complete code. */
static uint32_t kraft(const uint8_t *len, unsigned n) {
    uint32_t sum = 0;
    for (unsigned i = 0; i < n; i++) {
        if (len[i]) {
            sum += (uint32_t)1 << (15 - len[i]);
        }
    }
    return sum;
}

static unsigned reverse(unsigned v, unsigned n) {
    unsigned r = 0;
    for (unsigned i = 0; i < n; i++) {
        r = r << 1 | ((v >> i) & 1);
    }
    return r;
}

START_TEST(test_optimal_small) {
    uint16_t freq[4] = {1, 1, 2, 4};
    uint8_t len[4];
    px_huff_lengths(freq, 4, 15, len, &work);
    ck_assert_int_eq(len[0], 3);
    ck_assert_int_eq(len[1], 3);
    ck_assert_int_eq(len[2], 2);
    ck_assert_int_eq(len[3], 1);
}
END_TEST

/* Fibonacci frequencies make the deepest possible tree: unlimited, 25
 * symbols would need 24 bits. */
START_TEST(test_limit_fibonacci) {
    uint16_t freq[286] = {0};
    uint16_t a = 1, b = 1;
    for (unsigned i = 0; i < 22; i++) {
        freq[i * 13] = a;
        uint16_t c = (uint16_t)(a + b);
        a = b;
        b = c;
    }
    uint8_t len[286];
    px_huff_lengths(freq, 286, 15, len, &work);
    unsigned used = 0, deepest = 0;
    for (unsigned i = 0; i < 286; i++) {
        ck_assert_int_eq(len[i] != 0, freq[i] != 0);
        used += len[i] != 0;
        deepest = len[i] > deepest ? len[i] : deepest;
    }
    ck_assert_int_eq(used, 22);
    ck_assert_uint_le(deepest, 15);
    ck_assert_uint_eq(kraft(len, 286), 1u << 15);
    /* the code-length alphabet: 19 symbols, at most 7 bits */
    uint16_t f19[19];
    a = 1, b = 1;
    for (unsigned i = 0; i < 19; i++) {
        f19[i] = a;
        uint16_t c = (uint16_t)(a + b);
        a = b;
        b = c;
    }
    uint8_t l19[19];
    px_huff_lengths(f19, 19, 7, l19, &work);
    deepest = 0;
    for (unsigned i = 0; i < 19; i++) {
        ck_assert_uint_ge(l19[i], 1);
        deepest = l19[i] > deepest ? l19[i] : deepest;
    }
    ck_assert_uint_le(deepest, 7);
    ck_assert_uint_eq(kraft(l19, 19), 1u << 15);
}
END_TEST

START_TEST(test_one_or_no_symbol) {
    uint16_t freq[30] = {0};
    uint8_t len[30];
    px_huff_lengths(freq, 30, 15, len, &work);
    ck_assert_int_eq(len[0], 1);
    ck_assert_int_eq(len[1], 1);
    ck_assert_uint_eq(kraft(len, 30), 1u << 15);
    freq[7] = 100;
    px_huff_lengths(freq, 30, 15, len, &work);
    ck_assert_int_eq(len[7], 1);
    ck_assert_int_eq(len[0], 1);
    ck_assert_int_eq(len[1], 0);
    ck_assert_uint_eq(kraft(len, 30), 1u << 15);
}
END_TEST

START_TEST(test_canonical_codes) {
    /* RFC 1951's example: A..H with lengths 3 3 3 3 3 2 4 4 */
    static const uint8_t len[8] = {3, 3, 3, 3, 3, 2, 4, 4};
    static const unsigned want[8] = {2, 3, 4, 5, 6, 0, 14, 15};
    uint16_t code[8];
    px_huff_codes(len, 8, code);
    for (unsigned i = 0; i < 8; i++) {
        ck_assert_uint_eq(code[i], reverse(want[i], len[i]));
    }
    /* the fixed literal/length code (3.2.6) */
    uint8_t fixed[288];
    uint16_t fcode[288];
    memset(fixed, 8, 144);
    memset(fixed + 144, 9, 112);
    memset(fixed + 256, 7, 24);
    memset(fixed + 280, 8, 8);
    px_huff_codes(fixed, 288, fcode);
    ck_assert_uint_eq(fcode[0], reverse(0x30, 8));
    ck_assert_uint_eq(fcode[143], reverse(0xbf, 8));
    ck_assert_uint_eq(fcode[144], reverse(0x190, 9));
    ck_assert_uint_eq(fcode[255], reverse(0x1ff, 9));
    ck_assert_uint_eq(fcode[256], 0);
    ck_assert_uint_eq(fcode[280], reverse(0xc0, 8));
    ck_assert_uint_eq(fcode[287], reverse(0xc7, 8));
}
END_TEST

static Suite *huff_suite(void) {
    Suite *s = suite_create("deflate_huff");
    TCase *tc = tcase_create("deflate_huff");
    tcase_add_test(tc, test_optimal_small);
    tcase_add_test(tc, test_limit_fibonacci);
    tcase_add_test(tc, test_one_or_no_symbol);
    tcase_add_test(tc, test_canonical_codes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    return px_check_run(huff_suite(), false);
}
