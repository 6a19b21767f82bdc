# micropython -m mip install [--target DIR] [--index URL] [--no-mpy] PACKAGE[@VERSION] ...
# as the MicroPython docs show for the Unix port; exits 1 if an install fails.
import sys

import mip

_USAGE = "usage: micropython -m mip install [--target DIR] [--index URL] [--no-mpy] PACKAGE[@VERSION] ..."


def _main(args):
    if not args or args[0] != "install":
        print(_USAGE, file=sys.stderr)
        return 2
    opts = {}
    packages = []
    args = args[1:]
    while args:
        a = args.pop(0)
        if a in ("--target", "--index"):
            if not args:
                print(f"mip: {a} needs a value\n{_USAGE}", file=sys.stderr)
                return 2
            opts[a[2:]] = args.pop(0)
        elif a.startswith(("--target=", "--index=")):
            k, _, v = a[2:].partition("=")
            opts[k] = v
        elif a == "--no-mpy":
            opts["mpy"] = False
        elif a.startswith("-"):
            print(f"mip: unknown option {a}\n{_USAGE}", file=sys.stderr)
            return 2
        else:
            packages.append(a)
    if not packages:
        print(_USAGE, file=sys.stderr)
        return 2
    for p in packages:
        name, version = p, None
        if "@" in p and not p.startswith("@"):
            name, _, version = p.rpartition("@")
        try:
            mip.install(name, version=version, **opts)
        except (OSError, ValueError) as e:
            print(f"mip: cannot install {p}: {e}", file=sys.stderr)
            return 1
    return 0


sys.exit(_main(sys.argv[1:]))
