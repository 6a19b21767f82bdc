#!/usr/bin/env python3
"""Where the binary's bytes go: the linker map of build-release/micropython
(written beside it, micropython.map) summed per source file, per area of
the tree and per built-in module.

    python3 bench/size.py [MAP] [--files N]

Counts what the binary file holds for each input object: code (.text),
constants (.rodata), unwind tables (.eh_frame), pointer tables that are
relocated at load in a PIE (.data.rel.ro) and initialised data (.data);
.bss takes no file space and is shown apart. Modules are the entries of
the `NAME: files(...)` lists in the folders' meson.build files (a file
two modules share counts for the first; linux-hal's shared hal_sources
are the machine module's classes and count for it)."""
import argparse
import collections
import glob
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILE_SECTIONS = (".text", ".rodata", ".eh_frame", ".data.rel.ro", ".data")
ALL_SECTIONS = FILE_SECTIONS + (".bss",)


def parse_map(path, sections=ALL_SECTIONS, archives=False):
    """{object file: {output section: bytes}} for the output sections named.
    archives: count members of static libraries too, keyed
    "libc.a(member.o)" (a firmware links the C library and libgcc)."""
    sizes = collections.defaultdict(lambda: collections.Counter())
    out = None
    pending = None  # an input section name alone on its line
    in_map = False
    entry = re.compile(r"^\s+(\S+)?\s*0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S+)$")
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("Linker script and memory map"):
                in_map = True
                continue
            if not in_map or not line:
                continue
            if not line[0].isspace():
                name = line.split()[0]
                out = name if name in sections or name.startswith(".data.rel.ro") else None
                # posix/startup.ld's sections: start-up code, cold constants
                if name in (".text.px_startup", ".rodata.px_cold") and name[:name.index(".", 1)] in sections:
                    out = name[:name.index(".", 1)]
                if name == ".tbss" and ".bss" in sections:
                    out = ".bss"
                continue
            if out is None:
                continue
            m = entry.match(line)
            if m is None:
                stripped = line.strip()
                pending = stripped if stripped.startswith(".") and " " not in stripped else None
                continue
            insec = m.group(1) or pending
            pending = None
            if insec is None or not insec.startswith(".") or insec.startswith("*"):
                continue
            obj = m.group(3)
            if archives and obj.endswith(".o)") and ".a(" in obj:
                obj = os.path.basename(obj)
            elif not obj.endswith(".o"):
                continue
            sizes[obj][out] += int(m.group(2), 16)
    return sizes


def source_of(obj):
    """libpxcore.a.p/src_vm_vm.c.o -> src/vm/vm.c (the best match in the tree)."""
    base = os.path.basename(obj)[: -len(".o")]
    if "meson-generated_" in base:
        return "(generated) " + base.split("meson-generated_")[-1].lstrip("._")
    flat = base.replace("_", "/")
    # underscores are both separators and parts of names: try the splits
    parts = base.split("_")
    for i in range(len(parts), 0, -1):
        for j in range(1, i):
            cand = os.path.join(*parts[:j], "_".join(parts[j:]))
            if os.path.exists(os.path.join(ROOT, cand)):
                return cand
    return flat


def module_lists():
    """{source path: module name} from the NAME: files(...) entries (and
    variables holding files(...), which may be set in another folder's
    meson.build, as a board's machine module is)."""
    builds = sorted(set(glob.glob(os.path.join(ROOT, "*", "meson.build"))
                    + glob.glob(os.path.join(ROOT, "mcu", "**", "meson.build"), recursive=True)))
    texts = {os.path.relpath(os.path.dirname(mb), ROOT): open(mb).read() for mb in builds}
    variables = {}
    for d, text in texts.items():
        for m in re.finditer(r"^(\w+)\s*=\s*files\(([^)]*)\)", text, re.M):
            variables[m.group(1)] = [os.path.normpath(os.path.join(d, fn))
                                     for fn in re.findall(r"'([^']+)'", m.group(2))]
    owner = {}
    term = r"(?:files\([^)]*\)|\w+)"
    for d, text in texts.items():
        for m in re.finditer(r"'([\w.]+)'\s*:\s*(%s(?:\s*\+\s*%s)*)" % (term, term), text):
            files = []
            for t in re.findall(term, m.group(2)):
                if t.startswith("files("):
                    files += [os.path.normpath(os.path.join(d, fn)) for fn in re.findall(r"'([^']+)'", t)]
                else:
                    files += variables.get(t, [])
            for fn in files:
                if fn.endswith(".c"):
                    owner.setdefault(fn, m.group(1))
    for fn in variables.get("hal_sources", []):
        owner.setdefault(fn, "machine")
    return owner


def area_of(src):
    if src.startswith("(generated)"):
        return "generated tables"
    if "/" not in src:
        return "C runtime (crt*.o)"
    top = src.split("/")[0]
    if top == "src" and src.count("/") >= 2:
        return "core: " + src.split("/")[1]
    return top + "/"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("map", nargs="?", default=os.path.join(ROOT, "build-release", "micropython.map"))
    ap.add_argument("--files", type=int, default=25, help="how many of the largest files to list")
    a = ap.parse_args()
    sizes = parse_map(a.map)
    owner = module_lists()
    per_file = collections.defaultdict(collections.Counter)
    for obj, c in sizes.items():
        per_file[source_of(obj)].update(c)
    def row(label, c):
        total = sum(c[s] for s in FILE_SECTIONS)
        cells = "".join(f"{c[s]:>13}" for s in ALL_SECTIONS)
        return f"{label:<32}{total:>11}{cells}"
    head = f"{'':<32}{'file bytes':>11}" + "".join(f"{s:>13}" for s in ALL_SECTIONS)
    groups = (("area", area_of), ("module", lambda s: owner.get(s)))
    for title, key in groups:
        agg = collections.defaultdict(collections.Counter)
        for src, c in per_file.items():
            k = key(src)
            if k is not None:
                agg[k].update(c)
        print(f"\nper {title}\n{head}")
        for k, c in sorted(agg.items(), key=lambda kv: -sum(kv[1][s] for s in FILE_SECTIONS)):
            print(row(k, c))
    total = collections.Counter()
    for c in per_file.values():
        total.update(c)
    print(row("total (objects of the tree)", total))
    print(f"\nlargest files\n{head}")
    for src, c in sorted(per_file.items(), key=lambda kv: -sum(kv[1][s] for s in FILE_SECTIONS))[: a.files]:
        print(row(src, c))


if __name__ == "__main__":
    main()
