#!/usr/bin/env python3
"""The fault sweep's bounded sample, as a script suite (tests/suitelib.py
protocol), run by tests/run.py against build-asan (ASan+UBSan and
-Dgc_debug=true: heap invariants checked after every collection and
before every injected failure, freed blocks poisoned):

    python3 tests/faults/suite.py --binary build-asan/micropython [-k NAME]

A fixed sample of language tests, chosen to cover the lexer, the parser,
the compiler, the VM, each built-in type and the modules that parse, each
run failing at POINTS fixed points of its own allocation count (the
middle of equal parts: the same points every run of the same tree), once
a single failure and once every Nth (sweep.py). A run passes when the
injected failure became a MemoryError the program could catch and the
interpreter went on consistently: it ends by itself with status 0 or 1
(1 with `MemoryError` as the last line, or the test's own exception line
if it ends in one anyway), with no sanitizer report and no broken heap
invariant (the collection at exit checks them once more). The whole sweep (all tests, more points) is sweep.py.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import suitelib  # noqa: E402
import sweep  # noqa: E402

POINTS = 4
# What each test exercises: the sample names its reason for being here.
SAMPLE = {
    "lang_lexical": "lexer: tokens, indentation, continuation lines",
    "lang_number_tokens": "lexer: number literals",
    "syntax_strings": "lexer: string literals and escapes",
    "lang_precedence": "parser: operators and precedence",
    "lang_stress_syntax": "parser: deep and long constructs",
    "syntax_errors": "parser: SyntaxError raised and caught",
    "syntax_fstring": "parser: f-strings",
    "compile_scope_closures": "compiler: scopes, cells, closures",
    "compile_comprehension": "compiler: comprehensions",
    "compile_try_except": "compiler: exception tables",
    "compile_constfold": "compiler: constant folding",
    "builtin_eval": "compiler at run time: eval/exec/compile",
    "vm_exceptions": "VM: raise, catch, unwind",
    "vm_unpack": "VM: unpacking",
    "vm_with": "VM: with blocks",
    "lang_flow_finally": "VM: finally on every way out",
    "gen_basic": "VM: generators",
    "func_args": "VM: argument binding",
    "class_inherit": "classes, instances, inheritance",
    "num_int_arith": "int",
    "num_bigint": "big int",
    "num_float_repr": "float",
    "num_complex": "complex",
    "str_ops": "str",
    "str_unicode": "str beyond ASCII",
    "fmt_format": "str.format",
    "bytes_methods": "bytes",
    "bytes_bytearray": "bytearray",
    "bytes_memoryview": "memoryview",
    "list_basic": "list",
    "tuple_basic": "tuple",
    "dict_basic": "dict",
    "set_basic": "set and frozenset",
    "range_basic": "range",
    "exc_chain": "exception objects, chaining",
    "exc_group": "exception groups, except*",
    "collections_deque": "collections.deque",
    "weakref_ref": "weak references (cleared by the collector)",
    "import_basic": "the loader: import of .py modules",
    "marshal_code": "the code loader: marshal of code objects",
    "asyncio_tasks": "frozen modules: asyncio's tasks",
    "thread_basic": "threads, locks",
    "json_roundtrip": "json",
    "re_basic": "re",
    "struct_basic": "struct",
    "gc_basic": "gc",
}


def sample_test(binary, name):
    def test():
        total, points, failures = sweep.sweep_one(binary, name + ".py", POINTS, 60)
        if total == 0:
            raise suitelib.Fail("no allocation count: the binary must be built with -Dgc_debug=true "
                                "(tests/run.py's build-asan is)")
        if failures:
            raise suitelib.Fail(f"failure points {points} of {total} allocations\n" + "\n".join(failures[:3]))
    return test


def main():
    args = suitelib.arg_parser(__doc__).parse_args()
    binary = suitelib.binary_or_exit(args.binary)
    missing = [n for n in SAMPLE if not os.path.exists(os.path.join(sweep.LANG, n + ".py"))]
    if missing:
        sys.exit(f"the sample names language tests that do not exist: {', '.join(missing)}")
    tests = [("sample_" + name, sample_test(binary, name)) for name in SAMPLE]
    suitelib.run_tests(tests, args.pattern, workers=2)


if __name__ == "__main__":
    main()
