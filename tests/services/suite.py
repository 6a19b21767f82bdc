#!/usr/bin/env python3
"""Scripts as systemd services, and the package (issue 13), tested:

    python3 tests/services/suite.py --binary build/micropython [-k PAT]

- host_tests.py: the service runtime against a real NOTIFY_SOCKET listener
  (readiness, watchdog timing, journal prefixes, SIGTERM), in parallel;
- package_tests.py: packaging/build-deb and lintian, the static musl build,
  `meson install` into a prefix;
- boot_tests.py: the .deb installed into a fresh Debian bookworm tree
  (mmdebstrap) booted with systemd under QEMU: the command, the man page,
  the groups, `systemctl start micropython@demo`, the watchdog restarting a
  script that stops pinging, `systemctl stop`, socket activation by a
  real socket unit, the udev rules on the
  kernel bench's loopback GPIO chip, and docs/services.md's button/LED
  example as a service.

Prints `ok NAME`, `FAIL NAME` with indented details, or `skip NAME: why`
(tests/suitelib.py). See docs/testing.md, "The services suite".
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, HERE)

sys.path.insert(0, os.path.join(ROOT, "tests", "kernel"))  # its harness: kernel, qemu, cpio

import suitelib  # noqa: E402
import host_tests  # noqa: E402
import package_tests  # noqa: E402
import boot_tests  # noqa: E402
from harness.common import BenchError  # noqa: E402


def main():
    args = suitelib.arg_parser(__doc__).parse_args()
    binary = suitelib.binary_or_exit(args.binary)
    host = [(f.__name__, lambda f=f: f(binary)) for f in host_tests.TESTS]
    # timing tests: a few at a time, so they are not starved on 2 cores
    suitelib.run_tests(host, args.pattern, workers=4)

    state = package_tests.State(binary)
    pkg = [(f.__name__, lambda f=f: f(state)) for f in package_tests.TESTS]
    suitelib.run_tests(pkg, args.pattern)

    boot_names = ["boot_" + t for t in boot_tests.GUEST_TESTS]
    if not any(args.pattern in n for n in boot_names + ["boot"]):
        return
    if not state.deb:
        if args.pattern and "deb_build" not in [n for n, _ in pkg if args.pattern in n]:
            suitelib.run_tests([("deb_build", lambda: package_tests.deb_build(state))])
        if not state.deb:
            suitelib.fail("boot", "no .deb to install (deb_build failed)")
            return
    try:
        results, _, took = boot_tests.boot(state.deb)
    except BenchError as e:
        suitelib.fail("boot", str(e))
        return
    print(f"boot: {took:.0f} s for the boot and every boot test", flush=True)
    for name in boot_tests.GUEST_TESTS + sorted(set(results) - set(boot_tests.GUEST_TESTS)):
        full = "boot_" + name if not name.startswith("(") else "boot" + name
        if args.pattern not in full and args.pattern not in "boot":
            continue
        ok, detail = results.get(name, (False, ["did not run"]))
        if ok:
            suitelib.ok(full)
        else:
            suitelib.fail(full, "\n".join(detail))


if __name__ == "__main__":
    main()
