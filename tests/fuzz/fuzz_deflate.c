/* libFuzzer target: deflate. The first byte picks the format (RAW, ZLIB,
 * GZIP, AUTO) and the window (wbits 0 or 8..15); the rest is read as a
 * compressed stream, which may be refused with OSError (EINVAL, corrupt
 * or truncated data) but must never crash or read out of bounds. The same
 * bytes are then compressed and decompressed again, which must give them
 * back exactly (an AssertionError otherwise). */
#include "fuzz.h"

static const char checks[] =
    "import deflate, io\n"
    "FORMATS = (deflate.RAW, deflate.ZLIB, deflate.GZIP, deflate.AUTO)\n"
    "def check(data):\n"
    "    if not data:\n"
    "        return\n"
    "    fmt = FORMATS[data[0] & 3]\n"
    "    wbits = (data[0] >> 2) % 9\n"
    "    wbits = 0 if wbits == 0 else wbits + 7\n"
    "    body = data[1:]\n"
    "    try:\n"
    "        d = deflate.DeflateIO(io.BytesIO(body), fmt, wbits)\n"
    "        while d.read(4096):\n"
    "            pass\n"
    "    except OSError:\n"
    "        pass\n"
    "    if fmt == deflate.AUTO:\n"
    "        return\n"
    "    out = io.BytesIO()\n"
    "    w = deflate.DeflateIO(out, fmt, wbits)\n"
    "    w.write(body[:len(body) // 2])\n"
    "    w.write(body[len(body) // 2:])\n"
    "    w.close()\n"
    "    back = deflate.DeflateIO(io.BytesIO(out.getvalue()), fmt, wbits).read()\n"
    "    if back != body:\n"
    "        raise AssertionError('round trip of %d bytes gave %d' % (len(body), len(back)))\n";

static const px_type *const allowed[] = {&px_type_MemoryError, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_py_target(checks, allowed, data, size);
}
