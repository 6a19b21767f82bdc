#!/usr/bin/env python3
"""Flash and RAM of each firmware, the share of each feature, and the
budgets they must stay within (docs/mcu.md, "Size").

    python3 tests/mcu/sizes.py [TARGET ...] [--markdown]

TARGET is an385 or rp2040 (default: each whose build directory exists:
build-an385, build-rp2040). For each: flash and RAM from the ELF's
section headers (arm-none-eabi-objdump -h; flash is what is loaded into
the FLASH region of the map file's memory configuration, .data's initial
values included; RAM is every allocated section in RAM: .data, .bss, the
C library's thread-local block, .persist, the stack), then the flash each
feature and module takes, summed from the linker map (firmware.map) over
the objects that are that feature: no rebuild, so it costs CI a second.

What an object-level sum can and cannot see: a feature made of its own
files (the Unicode tables, big ints, the compiler, a module) is measured
exactly; a feature with paths in shared files (float: the VM's fast
paths, struct's float formats) is counted for its own files and the C
library's members it pulls in, a lower bound of what turning it off
saves. Error text has no files of its own: its row is the bytes of the
messages of the core's raisers (src/core/error.h) found in the image,
again a lower bound (terse also drops the code formatting them).

Exit status 1 if a target is over its budget (BUDGETS: flash and RAM
bytes, set a little above today's figures so growth is a decision)."""
import argparse
import collections
import glob
import importlib.util
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_spec = importlib.util.spec_from_file_location("bench_size", os.path.join(ROOT, "bench", "size.py"))
mapfile = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mapfile)

TARGETS = {
    "an385": "build-an385",
    "rp2040": "build-rp2040",
}
# bytes; a target over either fails the check
BUDGETS = {
    "an385": {"flash": 460_000, "ram": 645_000},
    "rp2040": {"flash": 495_000, "ram": 220_000},
}
FLASH_SECTIONS = (".boot2", ".text", ".rodata", ".ARM.exidx", ".data")

# A feature is a set of object files: the tree's sources (paths relative to
# the root, fnmatch-style) and members of the C library and libgcc.
FEATURES = [
    ("float", "the float type and its formatting, math, and the C library's float and soft-float routines",
     ["src/objects/float.c", "src/objects/floatfmt.c", "modules/math*.c"],
     # libm, float printing and parsing, libgcc's soft float (addsubdf3.o, fixdfsi.o, ...)
     [r"^libm_", r"tinystdio_(dtoa|atod|ryu|strtod)", r"(df|sf)\d*\.o$", r"fix(uns)?(df|sf)"]),
    ("big ints", "digit arithmetic beyond the small ints", ["src/objects/bigint.c"], []),
    ("complex", "the complex type (cmath is never on a board)", ["src/objects/complex.c", "modules/cmath*.c"], []),
    ("Unicode tables", "case and classes of non-ASCII text", ["src/objects/unicode_db.c"], []),
    ("compiler", "lexer, parser, scopes, code generation (not the .mpy loader or the line tables)",
     ["src/compiler/*.c"], []),
    ("file system", "VfsFat, the VFS layer, the board's open(), RAM disk, os and vfs",
     ["modules/vfs*.c", "mcu/common/files.c", "mcu/common/ramdisk.c", "mcu/common/modos.c",
      "mcu/common/modvfs.c"], []),
    ("interned names", "the names known at build time (generated)", ["(generated) names_table.c"], []),
    ("module table", "the module table and the frozen modules' .mpy (generated)",
     ["(generated) modules_table.c"], []),
    ("C library", "picolibc and libgcc, float routines excluded", [], [r"."]),
]
NOT_COMPILER = {"src/compiler/mpy.c", "src/compiler/disasm.c"}
# the raisers whose message terse error text (PX_ERROR_TEXT=0) drops
RAISERS = re.compile(r"\bpx_raise_(msg|type_error|value_error|index_error|zero_division|overflow|os_error)\s*\(")


def section_table(elf):
    """[(name, size, vma, lma, flags)] from objdump -h."""
    out = subprocess.run(["arm-none-eabi-objdump", "-h", elf], stdout=subprocess.PIPE, text=True,
                         check=True).stdout.splitlines()
    rows = []
    for i, line in enumerate(out):
        f = line.split()
        if len(f) == 7 and f[0].isdigit():
            flags = set(x.strip() for x in out[i + 1].split(","))
            rows.append((f[1], int(f[2], 16), int(f[3], 16), int(f[4], 16), flags))
    return rows


def regions(map_path):
    """{region name: (origin, length)} from the map's memory configuration."""
    reg = {}
    with open(map_path) as f:
        text = f.read()
    block = text.split("Memory Configuration", 1)[1].split("Linker script and memory map", 1)[0]
    for m in re.finditer(r"^(\w+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)", block, re.M):
        reg[m.group(1)] = (int(m.group(2), 16), int(m.group(3), 16))
    return reg


def inside(addr, region):
    return region[0] <= addr < region[0] + region[1]


def totals(elf, map_path, reg):
    """{'flash': {section: bytes}, 'ram': {section: bytes}}."""
    flash, ram = collections.OrderedDict(), collections.OrderedDict()
    for name, size, vma, lma, flags in section_table(elf):
        if "ALLOC" not in flags or not size or "THREAD_LOCAL" in flags and "LOAD" not in flags:
            continue  # .tbss overlays .tbss_space, which holds its room
        if "LOAD" in flags and inside(lma, reg["FLASH"]):
            flash[name] = size
        if inside(vma, reg["RAM"]):
            ram[name] = size
    return {"flash": flash, "ram": ram}


def object_sizes(map_path):
    """{source or library member: flash bytes} from the map."""
    sizes = mapfile.parse_map(map_path, sections=(".text", ".rodata", ".data"), archives=True)
    per = collections.Counter()
    for obj, c in sizes.items():
        key = obj if obj.endswith(".o)") else mapfile.source_of(obj)
        per[key] += sum(c.values())
    return per


def member(key):
    """'libc.a(libm_math_s_erf.c.o)' -> 'libm_math_s_erf.c.o'; None for the tree's files."""
    m = re.match(r"lib\w+\.a\((.*)\)$", key)
    return m.group(1) if m else None


def feature_shares(per):
    import fnmatch
    taken = set()
    rows = []
    for name, what, files, members in FEATURES:
        total = 0
        for key, n in per.items():
            if key in taken:
                continue
            mem = member(key)
            if mem is not None:
                hit = any(re.search(p, mem) for p in members)
            else:
                hit = any(fnmatch.fnmatch(key, p) for p in files)
                if name == "compiler" and key in NOT_COMPILER:
                    hit = False
            if hit:
                taken.add(key)
                total += n
        rows.append((name, what, total))
    return rows


def c_strings(src):
    """The string literals of one C argument list, adjacent ones joined."""
    out, cur, i, n = [], None, 0, len(src)
    while i < n:
        ch = src[i]
        if ch == '"':
            j, s = i + 1, []
            while src[j] != '"':
                if src[j] == "\\":
                    esc = src[j + 1]
                    s.append({"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'", "0": "\0"}.get(esc, esc))
                    j += 2
                else:
                    s.append(src[j])
                    j += 1
            cur = (cur or "") + "".join(s)
            i = j + 1
        elif ch.isspace():
            i += 1
        else:
            if cur is not None:
                out.append(cur)
                cur = None
            i += 1
    if cur is not None:
        out.append(cur)
    return out


def raise_messages():
    """Every string literal passed to a raiser in src/, modules/, mcu/."""
    msgs = set()
    for path in glob.glob(os.path.join(ROOT, "src", "**", "*.c"), recursive=True) + \
            glob.glob(os.path.join(ROOT, "modules", "*.c")) + \
            glob.glob(os.path.join(ROOT, "mcu", "**", "*.c"), recursive=True):
        text = open(path, errors="replace").read()
        for m in RAISERS.finditer(text):
            depth, j = 1, m.end()
            while depth and j < len(text):
                if text[j] == '"':  # skip a literal, whose parentheses do not count
                    j += 1
                    while text[j] != '"':
                        j += 2 if text[j] == "\\" else 1
                elif text[j] == "(":
                    depth += 1
                elif text[j] == ")":
                    depth -= 1
                j += 1
            msgs.update(s for s in c_strings(text[m.end():j - 1]) if s)
    return msgs


def error_text_bytes(elf, rows):
    """Bytes of the raisers' messages present in the flash image (each
    counted once, with its NUL; a message the linker merged into the tail
    of a longer one costs nothing of its own)."""
    image = bytearray()
    for name, size, vma, lma, flags in rows:
        if name in (".rodata", ".text"):
            out = subprocess.run(["arm-none-eabi-objcopy", "-O", "binary", "--only-section=" + name, elf,
                                  "/dev/stdout"], stdout=subprocess.PIPE, check=True).stdout
            image += out
    found = [m.encode() + b"\0" for m in raise_messages() if m.encode() + b"\0" in image]
    found.sort(key=len, reverse=True)
    total, kept = 0, []
    for s in found:
        if not any(k.endswith(s) for k in kept):
            kept.append(s)
            total += len(s)
    return total


def report(target, markdown=False):
    """(the report's lines, [what is over its budget or the chip])."""
    bdir = os.path.join(ROOT, TARGETS[target])
    elf, map_path = os.path.join(bdir, "firmware.elf"), os.path.join(bdir, "firmware.map")
    reg = regions(map_path)
    t = totals(elf, map_path, reg)
    flash, ram = sum(t["flash"].values()), sum(t["ram"].values())
    per = object_sizes(map_path)
    rows = feature_shares(per)
    err = error_text_bytes(elf, section_table(elf))
    owner = mapfile.module_lists()
    modules, areas = collections.Counter(), collections.Counter()
    for key, n in per.items():
        if key in owner:
            modules[owner[key]] += n
        areas["C library and libgcc" if member(key) else mapfile.area_of(key)] += n
    lines = []
    pct = lambda n: f"{100 * n / flash:.1f} %"
    if markdown:
        lines.append(f"| {target} | bytes |\n|---|---|")
        lines += [f"| flash: `{s}` | {n:,} |" for s, n in t["flash"].items()]
        lines.append(f"| **flash total** | **{flash:,}** |")
        lines += [f"| RAM: `{s}` | {n:,} |" for s, n in t["ram"].items()]
        lines.append(f"| **RAM total** | **{ram:,}** |\n")
        lines.append(f"| feature ({target}) | flash bytes | share |\n|---|---|---|")
        lines += [f"| {name} ({what}) | {n:,} | {pct(n)} |" for name, what, n in rows]
        lines.append(f"| error text (the raisers' messages in the image) | {err:,} | {pct(err)} |\n")
        lines.append(f"| module ({target}) | flash bytes |\n|---|---|")
        lines += [f"| {m} | {n:,} |" for m, n in sorted(modules.items(), key=lambda kv: -kv[1])]
    else:
        lines.append(f"{target}: flash {flash} bytes (" + ", ".join(f"{s} {n}" for s, n in t["flash"].items())
                     + f"), RAM {ram} bytes (" + ", ".join(f"{s} {n}" for s, n in t["ram"].items()) + ")")
        for name, what, n in rows:
            lines.append(f"  {name:<16}{n:>8}  {pct(n):>7}  {what}")
        lines.append(f"  {'error text':<16}{err:>8}  {pct(err):>7}  the raisers' messages in the image")
        lines.append("  modules: " + ", ".join(f"{m} {n}" for m, n in sorted(modules.items(), key=lambda kv: -kv[1])))
        lines.append("  areas: " + ", ".join(f"{a} {n}" for a, n in sorted(areas.items(), key=lambda kv: -kv[1])))
    over = []
    budget = BUDGETS[target]
    for what, n, limit, chip in (("flash", flash, budget["flash"], reg["FLASH"][1]),
                                 ("RAM", ram, budget["ram"], reg["RAM"][1])):
        if n > limit:
            over.append(f"{what} {n} bytes is over the budget of {limit} (tests/mcu/sizes.py BUDGETS)")
        if n > chip:
            over.append(f"{what} {n} bytes is over the chip's {chip}")
    return lines, over


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="*", help="an385, rp2040 (default: those built)")
    ap.add_argument("--markdown", action="store_true", help="tables for docs/mcu.md")
    a = ap.parse_args()
    for t in a.targets:
        if t not in TARGETS:
            ap.error(f"no target {t!r}: " + ", ".join(TARGETS))
    targets = a.targets or [t for t, d in TARGETS.items() if os.path.exists(os.path.join(ROOT, d, "firmware.map"))]
    if not targets:
        sys.exit("no firmware built (build-an385 or build-rp2040: docs/mcu.md)")
    failed = False
    for t in targets:
        lines, over = report(t, a.markdown)
        print("\n".join(lines))
        for o in over:
            print(f"OVER {t}: {o}")
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
