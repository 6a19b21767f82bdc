"""What the script suites (tests/<suite>/suite.py) share: their command line
and the output protocol that tests/run.py reads.

    python3 tests/<suite>/suite.py --binary build/micropython [-k PAT]

One line per test: `ok NAME`, `FAIL NAME` with detail lines indented by four
spaces below it, or `skip NAME: why`. A suite exits non-zero only if it could
not run at all. A test is a callable that returns normally to pass and raises
Fail (the message is the detail) or Skip (the message is the reason); any
other exception, a timeout included, fails it with the exception as detail.
"""
import argparse
import concurrent.futures as cf
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DETAIL_LINES = 60  # a failure shows at most this many detail lines


class Fail(Exception):
    """The test failed; str() is the detail."""


class Skip(Exception):
    """The test cannot run here; str() says why."""


def arg_parser(doc=None, pattern_help="only tests whose name contains this"):
    """The options every suite takes (--binary, -k PAT as .pattern); a suite
    may add its own before parsing."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True, help="the micropython to test")
    ap.add_argument("-k", dest="pattern", default="", help=pattern_help)
    return ap


def binary_or_exit(path):
    """The binary's absolute path; ends the suite (status 1) if it cannot run."""
    path = os.path.abspath(path)
    if not os.access(path, os.X_OK):
        sys.exit(f"cannot run {path}: build it first")
    return path


def shared(name):
    """The real client `name` (micropython-lib, mpremote) in the shared/
    folder beside the checkout, or beside the folder of worktrees; None if
    there is none."""
    for up in (os.path.dirname(ROOT), os.path.dirname(os.path.dirname(ROOT))):
        path = os.path.join(up, "shared", name)
        if os.path.isdir(path):
            return path
    return None


def indent(text, limit=DETAIL_LINES):
    lines = str(text).rstrip("\n").splitlines()
    if len(lines) > limit:
        lines = lines[:limit] + [f"... {len(lines) - limit} more lines"]
    return "\n".join("    " + line for line in lines)


def ok(name):
    print(f"ok {name}", flush=True)


def skip(name, why):
    print(f"skip {name}: {why}", flush=True)


def fail(name, *details):
    """FAIL NAME, then each non-empty detail indented."""
    print(f"FAIL {name}")
    for d in details:
        if d and str(d).strip():
            print(indent(d))
    sys.stdout.flush()


def outcome(test, *args):
    """Run test(*args): None if it passed, a Skip, or the failure's detail."""
    try:
        test(*args)
        return None
    except Skip as e:
        return e
    except Fail as e:
        return str(e) or "(no details)"
    except subprocess.TimeoutExpired as e:
        return f"timed out after {e.timeout} s: {e.cmd}"
    except Exception as e:  # a bug in the test, or the binary misbehaving badly
        return f"{type(e).__name__}: {e}"


def report(name, result):
    """Print what outcome() returned."""
    if result is None:
        ok(name)
    elif isinstance(result, Skip):
        skip(name, result)
    else:
        fail(name, result)


def run_tests(tests, pattern="", workers=1):
    """Run (name, callable) pairs whose name contains pattern, up to
    `workers` at a time, and report them in the order given."""
    chosen = [(name, t) for name, t in tests if pattern in name]
    if workers <= 1:
        for name, t in chosen:
            report(name, outcome(t))
        return
    with cf.ThreadPoolExecutor(max_workers=workers) as ex:
        for (name, _), result in zip(chosen, ex.map(lambda nt: outcome(nt[1]), chosen)):
            report(name, result)
