#!/usr/bin/env python3
"""UF2 files: what a board's USB boot loader (the RP2040's BOOTSEL mass
storage drive) takes as a firmware image.

    uf2.py convert IMAGE.bin OUT.uf2 [--base ADDR] [--family ID]
    uf2.py check FILE.uf2 [--bin IMAGE.bin] [--base ADDR] [--family ID]

`convert` cuts a flat binary into 512-byte blocks of 256 bytes of payload
each, addressed from --base (the RP2040's flash, 0x10000000, by default),
tagged with the family ID (RP2040: 0xe48bff56). `check` reads a UF2 file
back, validates every block (magic numbers, flags, sizes, numbering,
family, ascending contiguous addresses) and, with --bin, compares the
payload with the binary; it prints one summary line and exits non-zero
on the first problem found.

The block (all words little-endian): magic 0x0A324655, magic 0x9E5D5157,
flags, target address, payload size, block number, number of blocks,
family ID (when flag 0x2000 is set; otherwise the file size), 476 bytes
of data (the payload, then zeros), magic 0x0AB16F30.
"""
import argparse
import struct
import sys

MAGIC_START0 = 0x0A324655
MAGIC_START1 = 0x9E5D5157
MAGIC_END = 0x0AB16F30
FLAG_FAMILY_ID = 0x00002000
BLOCK = 512
DATA = 476
PAYLOAD = 256
RP2040_FAMILY = 0xE48BFF56
RP2040_FLASH = 0x10000000


def convert(image, base=RP2040_FLASH, family=RP2040_FAMILY):
    """The UF2 bytes for a flat image at address base."""
    if base % PAYLOAD != 0:
        raise ValueError(f"base 0x{base:08x} is not a multiple of {PAYLOAD}")
    count = (len(image) + PAYLOAD - 1) // PAYLOAD
    out = bytearray()
    for n in range(count):
        chunk = image[n * PAYLOAD:(n + 1) * PAYLOAD]
        chunk += bytes(PAYLOAD - len(chunk))
        head = struct.pack("<8I", MAGIC_START0, MAGIC_START1, FLAG_FAMILY_ID, base + n * PAYLOAD, PAYLOAD, n,
                           count, family)
        out += head + chunk + bytes(DATA - PAYLOAD) + struct.pack("<I", MAGIC_END)
    return bytes(out)


def check(data, family=RP2040_FAMILY):
    """(base address, payload bytes) of a UF2 file; ValueError saying what is
    wrong with the first bad block."""
    if len(data) == 0 or len(data) % BLOCK != 0:
        raise ValueError(f"{len(data)} bytes is not a whole number of {BLOCK}-byte blocks")
    count = len(data) // BLOCK
    base = None
    payload = bytearray()
    for n in range(count):
        blk = data[n * BLOCK:(n + 1) * BLOCK]
        m0, m1, flags, addr, size, num, total, fam = struct.unpack_from("<8I", blk)
        (m_end,) = struct.unpack_from("<I", blk, BLOCK - 4)
        where = f"block {n}"
        if (m0, m1, m_end) != (MAGIC_START0, MAGIC_START1, MAGIC_END):
            raise ValueError(f"{where}: bad magic numbers")
        if not flags & FLAG_FAMILY_ID or fam != family:
            raise ValueError(f"{where}: family 0x{fam:08x} (flags 0x{flags:x}), expected 0x{family:08x}")
        if size != PAYLOAD:
            raise ValueError(f"{where}: payload of {size} bytes, expected {PAYLOAD}")
        if num != n or total != count:
            raise ValueError(f"{where}: numbered {num} of {total}, expected {n} of {count}")
        if base is None:
            base = addr
        if addr != base + n * PAYLOAD:
            raise ValueError(f"{where}: address 0x{addr:08x}, expected 0x{base + n * PAYLOAD:08x}")
        if any(blk[32 + PAYLOAD:BLOCK - 4]):
            raise ValueError(f"{where}: bytes after the payload are not zero")
        payload += blk[32:32 + PAYLOAD]
    return base, bytes(payload)


def main():
    ap = argparse.ArgumentParser(description="Make and check UF2 firmware files.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("image")
    c.add_argument("out")
    k = sub.add_parser("check")
    k.add_argument("uf2")
    k.add_argument("--bin")
    for p in (c, k):
        p.add_argument("--base", type=lambda s: int(s, 0), default=RP2040_FLASH)
        p.add_argument("--family", type=lambda s: int(s, 0), default=RP2040_FAMILY)
    a = ap.parse_args()
    try:
        if a.cmd == "convert":
            with open(a.image, "rb") as f:
                image = f.read()
            with open(a.out, "wb") as f:
                f.write(convert(image, a.base, a.family))
            return
        with open(a.uf2, "rb") as f:
            base, payload = check(f.read(), a.family)
        if base != a.base:
            raise ValueError(f"starts at 0x{base:08x}, expected 0x{a.base:08x}")
        if a.bin:
            with open(a.bin, "rb") as f:
                image = f.read()
            padded = image + bytes(len(payload) - len(image)) if len(image) <= len(payload) else None
            if padded != payload:
                raise ValueError(f"payload differs from {a.bin}")
        print(f"{a.uf2}: {len(payload) // PAYLOAD} blocks at 0x{base:08x}, family 0x{a.family:08x}: ok")
    except (OSError, ValueError) as e:
        sys.exit(f"uf2.py: {e}")


if __name__ == "__main__":
    main()
