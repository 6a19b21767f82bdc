/* .mpy files: code objects as bytes, and back (compiler/mpy.c).
 *
 * One format serves precompiled modules (`foo.mpy` on sys.path, frozen
 * modules in the binary, files made by px-mpy-cross) and marshal, as the
 * MicroPython docs have marshal "versioned as the mpy file version". The
 * layout is the docs' container ("MicroPython .mpy files") holding our own
 * code objects; docs/mpy.md describes it byte by byte:
 *
 *   'M' VERSION ARCH_SUB INT_BITS   the header
 *   qstr table                      every name the code uses, once
 *   code object                     the module's, its children inside it
 *   checksum                        FNV-1a of all the above, 4 bytes LE
 *
 * Loading checks everything before anything can run (lengths, the
 * checksum, each code object with px_code_verify), so a damaged, truncated
 * or made-up file is a ValueError, never a crash. */
#ifndef PX_MPY_H
#define PX_MPY_H

#include "../object.h"
#include "bytecode.h"

/* Our .mpy version: ours, not MicroPython's (their versions are 0..6), so
 * neither side mistakes the other's files. Change it whenever the bytecode
 * (PX_OPCODES, operand meanings, the code object's fields) or this format
 * changes; tests/cli/suite.py (mpy_version_guard) notices an opcode list
 * that changed without it. */
#define PX_MPY_VERSION 80
/* The sub-version byte: native architecture (bits 2..7; 0, we write
 * bytecode only) and minor version (bits 0..1). */
#define PX_MPY_ARCH_SUB 0
/* sys.implementation._mpy: version | sub-version << 8 | arch << 10. */
#define PX_MPY_SYS_VALUE (PX_MPY_VERSION | (PX_MPY_ARCH_SUB << 8))

/* The code object `code` (and the code nested in its constants) as .mpy
 * bytes. Raises ValueError for a constant no .mpy can hold. */
px_val px_mpy_dump(const px_code *code);

/* The code object in data[0..len). `what` names the data in error
 * messages (a quoted file name, or "marshal.loads"). Raises ValueError when the
 * data is not a sound .mpy of this version. No Python code runs while it
 * reads, so the data may be a bytearray's buffer. */
px_code *px_mpy_load(const uint8_t *data, size_t len, const char *what);
/* The same for data that outlives every code object made from it (a
 * frozen module's, const in the binary): bytecode and line tables are
 * used in place instead of copied into the heap, which on a board saves
 * RAM for flash the module occupies anyway. */
px_code *px_mpy_load_static(const uint8_t *data, size_t len, const char *what);

/* Whether data looks like a .mpy of any version (its magic byte). */
static inline bool px_mpy_magic(const uint8_t *data, size_t len) {
    return len >= 4 && data[0] == 'M';
}

#endif
