/* libFuzzer target: struct. The input is a format, a NUL byte and a
 * buffer. A format may be refused with ValueError (struct.error) or
 * OverflowError (a count too big); a buffer shorter than calcsize() must
 * be refused too. What unpacks must pack back to calcsize() bytes that
 * unpack to the same values (compared by repr, so NaNs compare), and
 * unpack_from at an offset must agree with unpack of the slice. */
#include "fuzz.h"

static const char checks[] =
    "import struct\n"
    "def check(data):\n"
    "    i = data.find(b'\\0')\n"
    "    fmt, buf = (data, b'') if i < 0 else (data[:i], data[i + 1:])\n"
    "    fmt = ''.join([chr(c) for c in fmt])\n"
    "    n = struct.calcsize(fmt)\n"
    "    if len(buf) < n:\n"
    "        try:\n"
    "            struct.unpack_from(fmt, buf)\n"
    "        except ValueError:\n"
    "            return\n"
    "        raise AssertionError('unpacked %d of %d bytes' % (len(buf), n))\n"
    "    try:\n"
    "        v = struct.unpack_from(fmt, buf)\n"
    "        if len(buf) > n and repr(struct.unpack_from(fmt, buf, len(buf) - n)) != repr(struct.unpack(fmt, buf[len(buf) - n:])):\n"
    "            raise AssertionError('unpack_from at an offset')\n"
    "        b = struct.pack(fmt, *v)\n"
    "        if len(b) != n or repr(struct.unpack(fmt, b)) != repr(v):\n"
    "            raise AssertionError('pack(unpack()) gave %r' % b[:100])\n"
    "    except (ValueError, OverflowError, TypeError) as e:\n"
    "        raise AssertionError('%r after calcsize() accepted the format' % e)\n";

static const px_type *const allowed[] = {&px_type_ValueError, &px_type_OverflowError, &px_type_MemoryError, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_py_target(checks, allowed, data, size);
}
