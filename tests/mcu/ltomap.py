"""The flash bytes of each source file of a firmware linked with link-time
optimisation (docs/mcu.md, "Size"), for tests/mcu/sizes.py.

Under LTO the linker map names the compiler's one partition
(`ccXXXX.ltrans0.ltrans.o`), not our objects. The boards link with
-ffunction-sections -fdata-sections and -flto-partition=one, so the
partition still has a section per function and per variable, and the
string literals of a function in a section named after it
(`.rodata.FUNC.str1.1`). Each section is given to a source file through
the ELF's DWARF: the partition's description of a function or variable
at an address points (DW_AT_abstract_origin, DW_AT_specification) to its
declaration in the compile unit of the file it came from. Code inlined
into a function counts for the function's file, as the compiler placed
it; the few sections that name no symbol (literals shared by the whole
partition) are counted as NOT_ATTRIBUTED."""
import bisect
import collections
import os
import re
import subprocess

NOT_ATTRIBUTED = "(LTO) not attributed"

_DIE = re.compile(r"^ <(\d+)><([0-9a-f]+)>: Abbrev Number: \d+ \((DW_TAG_\w+)\)")
_ATTR = re.compile(r"^\s+<[0-9a-f]+>\s+(DW_AT_\w+)\s*:\s*(.*)$")
_CU = re.compile(r"^\s+Compilation Unit @ offset (0x[0-9a-f]+|0):")


def is_lto(map_path):
    with open(map_path) as f:
        return ".ltrans" in f.read()


def _addresses_to_files(elf, bdir, root):
    """{address: source path relative to root} for every function and
    variable the DWARF places in the image."""
    out = subprocess.run(["arm-none-eabi-readelf", "--debug-dump=info", elf], stdout=subprocess.PIPE,
                         text=True, check=True).stdout
    cu_starts, cu_names = [], []
    placed = []  # (address, offset of the DIE that declares it, or of itself)
    die = None

    def flush(d):
        if d is not None and d["addr"] is not None:
            placed.append((d["addr"], d["origin"] if d["origin"] is not None else d["off"]))

    for line in out.splitlines():
        m = _CU.match(line)
        if m:
            flush(die)
            die = None
            cu_starts.append(int(m.group(1), 16))
            cu_names.append(None)
            continue
        m = _DIE.match(line)
        if m:
            flush(die)
            level, off, tag = int(m.group(1)), int(m.group(2), 16), m.group(3)
            die = {"level": level, "off": off, "tag": tag, "addr": None, "origin": None}
            continue
        if die is None:
            continue
        m = _ATTR.match(line)
        if not m:
            continue
        attr, value = m.groups()
        if die["tag"] == "DW_TAG_compile_unit" and attr == "DW_AT_name" and cu_names[-1] is None:
            cu_names[-1] = value.rsplit("): ", 1)[-1] if value.startswith("(indirect") else value
        elif attr in ("DW_AT_abstract_origin", "DW_AT_specification"):
            die["origin"] = int(value.strip().strip("<>"), 16)
        elif attr == "DW_AT_low_pc" and die["tag"] == "DW_TAG_subprogram" and die["level"] == 1:
            die["addr"] = int(value, 16)
        elif attr == "DW_AT_location" and die["tag"] == "DW_TAG_variable":
            a = re.search(r"\(DW_OP_addr: ([0-9a-f]+)\)\s*$", value)
            if a:
                die["addr"] = int(a.group(1), 16)
    flush(die)
    if not placed:
        raise SystemExit(f"{elf}: no debug information to attribute the LTO partition with "
                         "(the board's cross file keeps debug = true)")

    def path(name):
        full = os.path.normpath(os.path.join(bdir, name))
        if not full.startswith(root + os.sep) or full.startswith(bdir + os.sep):
            return "(generated) " + os.path.basename(name)
        return os.path.relpath(full, root)

    files = {}
    for addr, off in placed:
        cu = cu_names[bisect.bisect_right(cu_starts, off) - 1]
        if cu and cu != "<artificial>":
            files.setdefault(addr & ~1, path(cu))
    return files


def _symbols(elf):
    """{symbol name: address} of the image (Thumb bit cleared)."""
    out = subprocess.run(["arm-none-eabi-nm", elf], stdout=subprocess.PIPE, text=True, check=True).stdout
    syms = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3:
            syms.setdefault(f[2], int(f[0], 16) & ~1)
    return syms


_INPUT = re.compile(r"^ (\.\S+)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+))?$")
_NEXT = re.compile(r"^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S+)$")


def partition_sizes(elf, map_path, root, sections=(".text", ".rodata", ".data")):
    """{source path: flash bytes} of the LTO partition's input sections
    in the output sections named."""
    bdir = os.path.dirname(os.path.abspath(elf))
    files = _addresses_to_files(elf, bdir, root)
    syms = _symbols(elf)
    per = collections.Counter()
    with open(map_path) as f:
        text = f.read().split("Linker script and memory map", 1)[1]
    out, pending = None, None
    for line in text.splitlines():
        if line and not line[0].isspace():
            out = line.split()[0] if line.split()[0] in sections else None
            continue
        if out is None:
            continue
        m = _INPUT.match(line)
        if m and m.group(2) is None:
            pending = m.group(1)
            continue
        if m:
            name, addr, size, obj = m.group(1), int(m.group(2), 16), int(m.group(3), 16), m.group(4)
        else:
            n = _NEXT.match(line)
            if not n or pending is None:
                continue
            name, addr, size, obj = pending, int(n.group(1), 16), int(n.group(2), 16), n.group(3)
        pending = None
        if ".ltrans" not in obj or not size:
            continue
        src = files.get(addr)
        if src is None:
            # .rodata.FUNC.str1.1: the string literals of FUNC
            sym = re.sub(r"^\.(text|rodata|data)\.", "", name)
            sym = re.sub(r"\.(str|cst)\d+(\.\d+)?$", "", sym)
            if sym in syms:
                src = files.get(syms[sym])
        per[src or NOT_ATTRIBUTED] += size
    return per
