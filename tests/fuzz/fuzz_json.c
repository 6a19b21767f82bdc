/* libFuzzer target: json.loads on arbitrary bytes. Refusing the text with
 * ValueError (UnicodeError included) is fine; what it accepts must survive
 * dumps -> loads -> dumps unchanged (an AssertionError otherwise, a
 * finding), and any crash or sanitizer report is a finding. */
#include "fuzz.h"

static const char checks[] =
    "import json\n"
    "def check(data):\n"
    "    v = json.loads(data)\n"
    "    s = json.dumps(v)\n"
    "    try:\n"
    "        w = json.loads(s)\n"
    "    except ValueError as e:\n"
    "        raise AssertionError('dumps wrote what loads refuses: %r (%s)' % (s[:200], e))\n"
    "    if json.dumps(w) != s:\n"
    "        raise AssertionError('round trip changed %r' % s[:200])\n";

static const px_type *const allowed[] = {&px_type_ValueError, &px_type_MemoryError, &px_type_RecursionError, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_py_target(checks, allowed, data, size);
}
