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
  script that stops pinging, `systemctl stop`.

Prints `ok NAME`, `FAIL NAME` with indented details, or `skip NAME: why`
(tests/suitelib.py). See tests/services/README.md.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, HERE)

import suitelib  # noqa: E402
import host_tests  # noqa: E402


def main():
    args = suitelib.arg_parser(__doc__).parse_args()
    binary = suitelib.binary_or_exit(args.binary)
    host = [(f.__name__, lambda f=f: f(binary)) for f in host_tests.TESTS]
    # timing tests: a few at a time, so they are not starved on 2 cores
    suitelib.run_tests(host, args.pattern, workers=4)


if __name__ == "__main__":
    main()
