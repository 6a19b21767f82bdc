/* Unit tests of interned names (core/qstr.c and the generated table). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "check_run.h"

static void *stack_top;

static void setup(void) {
    px_init(16u << 20, stack_top);
}

START_TEST(test_static_names_found) {
    ck_assert_uint_eq(px_qstr_find("__init__", 8), PX_Q(__init__));
    ck_assert_uint_eq(px_qstr_intern_cstr("__name__"), PX_Q(__name__));
    ck_assert_uint_eq(px_qstr_intern("", 0), PX_Q(empty));
    ck_assert_str_eq(px_qstr_str(PX_Q(lt_module_gt)), "<module>");
    ck_assert_uint_eq(px_qstr_len(PX_Q(lt_module_gt)), 8);
    ck_assert_uint_lt(PX_Q(__init__), PX_QID__STATIC_COUNT);
}
END_TEST

START_TEST(test_static_order) {
    /* numbered in byte order of their text: const maps rely on it */
    for (px_qid q = 2; q < PX_QID__STATIC_COUNT; q++) {
        const char *a = px_qstr_str(q - 1), *b = px_qstr_str(q);
        size_t la = px_qstr_len(q - 1), lb = px_qstr_len(q);
        int c = memcmp(a, b, la < lb ? la : lb);
        ck_assert(c < 0 || (c == 0 && la < lb));
    }
}
END_TEST

START_TEST(test_same_text_same_qid) {
    px_qid a = px_qstr_intern("not_a_static_name_xyz", 21);
    px_qid b = px_qstr_intern_cstr("not_a_static_name_xyz");
    ck_assert_uint_eq(a, b);
    ck_assert_uint_ge(a, PX_QID__STATIC_COUNT);
    ck_assert_uint_eq(px_qstr_find("not_a_static_name_xyz", 21), a);
    ck_assert_str_eq(px_qstr_str(a), "not_a_static_name_xyz");
    ck_assert_uint_eq(px_qstr_find("never_interned_abc", 18), PX_QID_NONE);
    /* embedded NUL and prefixes are different names */
    px_qid c = px_qstr_intern("not_a\0static", 12);
    ck_assert_uint_ne(c, a);
    ck_assert_uint_eq(px_qstr_len(c), 12);
    ck_assert_uint_ne(px_qstr_intern("not_a_static", 12), a);
}
END_TEST

START_TEST(test_hash_matches) {
    for (px_qid q = 1; q < PX_QID__STATIC_COUNT; q++) {
        ck_assert_uint_eq(px_qstr_hash(q), px_hash_bytes(px_qstr_str(q), px_qstr_len(q)));
    }
    px_qid d = px_qstr_intern_cstr("dynamic name with spaces");
    ck_assert_uint_eq(px_qstr_hash(d), px_hash_bytes("dynamic name with spaces", 24));
    ck_assert_uint_ne(px_hash_bytes("", 0), 0);
}
END_TEST

START_TEST(test_many_names_survive_gc) {
    char buf[32];
    px_qid ids[5000];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(buf, sizeof buf, "name_%d", i);
        ids[i] = px_qstr_intern(buf, (size_t)n);
    }
    px_gc_collect();
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(buf, sizeof buf, "name_%d", i);
        ck_assert_uint_eq(px_qstr_find(buf, (size_t)n), ids[i]);
        ck_assert_str_eq(px_qstr_str(ids[i]), buf);
    }
}
END_TEST

static Suite *names_suite(void) {
    Suite *s = suite_create("names");
    TCase *tc = tcase_create("intern");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_static_names_found);
    tcase_add_test(tc, test_static_order);
    tcase_add_test(tc, test_same_text_same_qid);
    tcase_add_test(tc, test_hash_matches);
    tcase_add_test(tc, test_many_names_survive_gc);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    stack_top = __builtin_frame_address(0);
    return px_check_run(names_suite(), false);
}
