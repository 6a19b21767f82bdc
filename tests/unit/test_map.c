/* Unit tests of px_map (src/objects/map.c): insertion order, deletion with
 * the slot index, trailing trim, copies, const-map bisection, and key
 * equality across representations. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"
#include "check_run.h"

static void *stack_top;

static void setup(void) { px_init(64u << 20, stack_top); }

/* Random sets and deletes against a plain array of expected values. */
START_TEST(test_random_against_reference) {
    enum { N = 3000 };
    static int64_t ref[N];
    static bool present[N];
    memset(present, 0, sizeof present);
    px_map m;
    px_map_init(&m, 0);
    uint32_t seed = 12345;
    for (int it = 0; it < 200000; it++) {
        seed = seed * 1103515245u + 12345u;
        int k = (int)((seed >> 8) % (it < 100000 ? N : 40));
        px_val key = px_small(k - N / 2);
        if ((seed >> 4) % 3 != 0) {
            px_map_set(&m, key, px_small(it));
            ref[k] = it;
            present[k] = true;
        } else {
            px_val v = px_map_pop(&m, key);
            ck_assert_int_eq(v != PX_NULL, present[k]);
            if (v != PX_NULL) {
                ck_assert_int_eq(px_small_get(v), ref[k]);
            }
            present[k] = false;
        }
    }
    size_t count = 0;
    for (int k = 0; k < N; k++) {
        px_val v = px_map_get(&m, px_small(k - N / 2));
        ck_assert_int_eq(v != PX_NULL, present[k]);
        if (present[k]) {
            count++;
            ck_assert_int_eq(px_small_get(v), ref[k]);
        }
    }
    ck_assert_uint_eq(count, m.count);
    /* the last entry is always live: popping from the end never scans */
    while (m.count) {
        ck_assert(m.entries[m.used - 1].key != PX_NULL);
        px_map_pop(&m, m.entries[m.used - 1].key);
    }
    ck_assert_uint_eq(m.used, 0);
}
END_TEST

START_TEST(test_order_and_reinsert) {
    px_map m;
    px_map_init(&m, 0);
    for (int i = 0; i < 100; i++) {
        px_map_set(&m, px_small(i), px_small(i));
    }
    for (int i = 0; i < 100; i += 2) {
        px_map_pop(&m, px_small(i));
    }
    px_map_set(&m, px_small(0), px_small(-1));
    size_t pos = 0, n = 0;
    px_map_entry *e, *last = NULL;
    px_int prev = -1;
    while ((e = px_map_next(&m, &pos)) != NULL) {
        if (n < 50) {
            ck_assert_int_gt(px_small_get(e->key), prev); /* odd keys in order */
            prev = px_small_get(e->key);
        }
        last = e;
        n++;
    }
    ck_assert_uint_eq(n, 51);
    ck_assert(last->key == px_small(0)); /* re-inserted key goes last */
}
END_TEST

START_TEST(test_str_and_number_keys) {
    px_map m;
    px_map_init(&m, 0);
    px_map_set(&m, px_str_cstr("hello"), px_small(1));
    px_map_set(&m, px_small(1), px_small(2));
    ck_assert(px_map_get(&m, px_qstr(px_qstr_intern_cstr("hello"))) == px_small(1));
    ck_assert(px_map_get(&m, px_float(1.0)) == px_small(2));
    ck_assert(px_map_get(&m, PX_TRUE) == px_small(2));
    px_map_set(&m, px_float(1.0), px_small(3)); /* same key as 1 */
    ck_assert_uint_eq(m.count, 2);
    ck_assert(px_map_get(&m, px_small(1)) == px_small(3));
    ck_assert(px_map_get(&m, px_small(2)) == PX_NULL);
}
END_TEST

START_TEST(test_copy_and_clear) {
    px_map a, b;
    px_map_init(&a, 0);
    for (int i = 0; i < 50; i++) {
        px_map_set(&a, px_small(i * 7), px_small(i));
    }
    px_map_pop(&a, px_small(7));
    px_map_copy(&b, &a);
    ck_assert_uint_eq(b.count, 49);
    ck_assert(px_map_get(&b, px_small(14)) == px_small(2));
    ck_assert(px_map_get(&b, px_small(7)) == PX_NULL);
    px_map_clear(&a);
    ck_assert_uint_eq(a.count, 0);
    ck_assert(px_map_get(&b, px_small(0)) == px_small(0));
    px_map_set(&a, px_small(5), PX_NONE);
    ck_assert_uint_eq(a.count, 1);
}
END_TEST

/* A zero-filled map (as in a fresh GC block) is a valid empty map. */
START_TEST(test_zeroed_map) {
    px_map *m = px_gc_alloc(sizeof(px_map), 0);
    ck_assert(px_map_get_q(m, PX_Q(append)) == PX_NULL);
    px_map_set_q(m, PX_Q(append), px_small(1));
    ck_assert(px_map_get_q(m, PX_Q(append)) == px_small(1));
    ck_assert(px_map_find(m, px_qstr(PX_Q(append))) == &m->entries[0]);
}
END_TEST

static const px_map_entry sorted_table[] = {
    PX_ENTRY(append, PX_SMALL_CONST(1)),
    PX_ENTRY(clear, PX_SMALL_CONST(2)),
    PX_ENTRY(pop, PX_SMALL_CONST(3)),
    PX_ENTRY(sort, PX_SMALL_CONST(4)),
};
static PX_CONST_MAP(sorted_map, sorted_table);

START_TEST(test_const_map) {
    ck_assert(px_map_get_q(&sorted_map, PX_Q(append)) == px_small(1));
    ck_assert(px_map_get_q(&sorted_map, PX_Q(sort)) == px_small(4));
    ck_assert(px_map_get(&sorted_map, px_str_cstr("pop")) == px_small(3));
    ck_assert(px_map_get_q(&sorted_map, PX_Q(insert)) == PX_NULL);
    ck_assert(px_map_get(&sorted_map, px_small(1)) == PX_NULL);
    /* a copy of a const map is an ordinary, writable map */
    px_map m;
    px_map_copy(&m, &sorted_map);
    px_map_set_q(&m, PX_Q(insert), px_small(9));
    ck_assert(px_map_get_q(&m, PX_Q(clear)) == px_small(2));
    ck_assert(px_map_get_q(&m, PX_Q(insert)) == px_small(9));
}
END_TEST

static Suite *map_suite(void) {
    Suite *s = suite_create("map");
    TCase *tc = tcase_create("map");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_random_against_reference);
    tcase_add_test(tc, test_order_and_reinsert);
    tcase_add_test(tc, test_str_and_number_keys);
    tcase_add_test(tc, test_copy_and_clear);
    tcase_add_test(tc, test_zeroed_map);
    tcase_add_test(tc, test_const_map);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    stack_top = __builtin_frame_address(0);
    return px_check_run(map_suite(), false);
}
