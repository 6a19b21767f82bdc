/* The core alone: libpxcore linked with the bare port (port_bare.c) and an
 * empty module table, nothing from modules/, posix/ or linux-hal/. Python
 * runs, import finds no built-in module but builtins, and the frozen
 * modules of tests/unit/frozen/. */
#include <check.h>
#include <setjmp.h>
#include <string.h>

#include "port_bare.h"
#include "runtime.h"
#include "check_run.h"

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

/* Frozen modules (tests/unit/frozen/) are found where sys.path has ".frozen". */
START_TEST(test_frozen_modules) {
    ck_assert(run("import fzmod\n") != PX_NULL); /* no ".frozen" entry yet */
    px_list_append(px_st.path, px_str_cstr(PX_FROZEN_PATH));
    ck_assert(run("import fzmod, fzpkg\nfrom fzpkg.sub import double\n"
                  "print(fzmod.VALUE, fzpkg.NAME, fzpkg.sub.double(21), double(2), fzpkg.__path__)\n"
                  "print(hasattr(fzmod, '__file__'), fzpkg.sub.__name__)\n") == PX_NULL);
    ck_assert_str_eq(bare_out, "fz\xc3\xa9 \\ \"q\" ?\?= fzpkg 42 4 .frozen\nFalse fzpkg.sub\n");
    /* a traceback names the frozen file */
    bare_out_len = 0;
    px_val e = run("import fzmod\nfzmod.fail()\n");
    ck_assert(e != PX_NULL && px_isinstance(e, &px_type_ValueError));
    px_exc_print(&px_out_stdout, e);
    ck_assert_ptr_nonnull(strstr(bare_out, "File \"fzmod.py\", line 6, in fail"));
}
END_TEST

int main(void) {
    stack_top = __builtin_frame_address(0);
    Suite *s = suite_create("core_alone");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, NULL);
    tcase_add_test(tc, test_runs_python);
    tcase_add_test(tc, test_no_builtin_modules);
    tcase_add_test(tc, test_frozen_modules);
    suite_add_tcase(s, tc);
    return px_check_run(s, false);
}
