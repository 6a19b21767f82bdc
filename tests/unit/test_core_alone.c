/* The core alone: libpxcore linked with the bare port (port_bare.c) and an
 * empty module table, nothing from modules/, posix/ or linux-hal/. Python
 * runs, and import finds no built-in module but builtins. */
#include <check.h>
#include <setjmp.h>
#include <string.h>

#include "port_bare.h"
#include "runtime.h"

static void *stack_top;

static void setup(void) {
    px_init(BARE_HEAP_SIZE, stack_top);
    bare_out_len = 0;
    bare_out[0] = '\0';
}

/* Run source as __main__; the exception it raised, or PX_NULL. */
static px_val run(const char *src) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_run_main_source(src, strlen(src), "<test>");
        px_try_pop(&j);
        return PX_NULL;
    }
    return j.exc;
}

START_TEST(test_runs_python) {
    ck_assert(run("class A:\n    def f(self, n): return sum(i * i for i in range(n))\n"
                  "print(A().f(5), 2 ** 70, 'x'.join(['a', 'b']))\n") == PX_NULL);
    ck_assert_str_eq(bare_out, "30 1180591620717411303424 axb\n");
}
END_TEST

START_TEST(test_no_builtin_modules) {
    ck_assert_uint_eq(px_module_defs_count, 0);
    px_val e = run("import sys\n");
    ck_assert(e != PX_NULL);
    ck_assert(px_isinstance(e, &px_type_ImportError));
    ck_assert(run("import builtins\nprint(builtins.len('abc'))\n") == PX_NULL);
    ck_assert_str_eq(bare_out, "3\n");
}
END_TEST

int main(void) {
    stack_top = __builtin_frame_address(0);
    Suite *s = suite_create("core_alone");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_runs_python);
    tcase_add_test(tc, test_no_builtin_modules);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
