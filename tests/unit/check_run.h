/* The end of every unit test's main(): run the suite, free the runner and
 * turn the count of failed tests into the exit status meson reads.
 * `nofork` runs the tests in this process: for suites whose tests share an
 * interpreter that main() started (a forked child would inherit it, but
 * its collector roots are this process's stack). */
#ifndef PX_CHECK_RUN_H
#define PX_CHECK_RUN_H

#include <check.h>
#include <stdbool.h>
#include <stdlib.h>

static inline int px_check_run(Suite *s, bool nofork) {
    SRunner *sr = srunner_create(s);
    if (nofork) {
        srunner_set_fork_status(sr, CK_NOFORK);
    }
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
