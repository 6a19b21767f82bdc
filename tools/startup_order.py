#!/usr/bin/env python3
"""Write posix/startup.ld, the POSIX binary's section order for a small
start-up: the code that `micropython -c pass` and `-c 'print(1)'` run
(found with callgrind) placed together at the start of .text, and the
constants start-up does not read (the cold modules', the HAL's and the
services', the Unicode tables, the module table with its frozen .mpy)
after the others.

    python3 tools/startup_order.py [-o OUTPUT] BUILD_DIR/micropython...

The kernel maps a file's pages around every page a process touches (64
KiB or more at a time), so code touched at start-up spread over the whole
.text keeps all of it resident; together, it takes a few windows
(docs/performance.md, "Start-up, memory and size"). The binaries must have
their symbols (a build's, not an installed stripped one); the list is the
union of what each runs, so give the release build and the default one
(they inline differently). A function renamed since the list was made is
only placed with the others: rerun this when start-up changes."""
import argparse
import os
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = (["-c", "pass"], ["-c", "print(1)"])
HEADER = """\
/* The POSIX binary's section order for a small start-up: written by
 * tools/startup_order.py (rerun it when start-up changes; a name missing
 * here only costs resident pages, never correctness). Added to the
 * linker's own script (INSERT), so every other section stays where it
 * is. */
"""


def startup_functions(binary):
    names = set()
    binary = os.path.realpath(binary)
    with tempfile.TemporaryDirectory() as d:
        for i, args in enumerate(RUNS):
            out = os.path.join(d, f"cg{i}")
            subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, binary] + args,
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            text = subprocess.run(["callgrind_annotate", "--threshold=100", out], check=True,
                                  stdout=subprocess.PIPE, text=True).stdout
            for line in text.splitlines():
                m = re.search(r":([A-Za-z_][\w.]*) \[(.*)\]$", line)
                # valgrind names no object for the code in .text.px_startup
                obj = m and m.group(2)
                if obj and (obj == "???" or os.path.realpath(obj) == binary) and not m.group(1).startswith("__"):
                    names.add(m.group(1))
    return sorted(names)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", default=os.path.join(ROOT, "posix", "startup.ld"), help="default: posix/startup.ld")
    ap.add_argument("binaries", nargs="+")
    a = ap.parse_args()
    names = sorted(set().union(*(startup_functions(b) for b in a.binaries)))
    with open(a.o, "w") as f:
        f.write(HEADER)
        f.write("SECTIONS {\n  .text.px_startup : {\n")
        f.writelines(f"    *(.text.{n})\n" for n in names)
        f.write("    *libgcc.a:*(.text .text.*)  /* __popcountdi2 for the collector's bitmaps */\n")
        # the C runtime's _fini (crti.o's half, then crtn.o's), which the
        # dynamic loader calls at exit: left at the end of .text, it kept
        # the last 64 KiB of the code resident
        f.write("    KEEP (*(SORT_NONE(.fini)))  /* _fini, called at exit */\n")
        f.write("  }\n} INSERT BEFORE .text;\n\n")
        f.write("SECTIONS {\n  .rodata.px_cold : {\n")
        # the module table first: start-up reads its list of modules (at
        # its end, after the frozen .mpy), next to the constants it reads;
        # the cold archive's modules, HAL and services, not the port's
        # part (the command line, the file system: start-up)
        for pattern in ("*modules_table.c.o", "*unicode_db.c.o", "*libpxposix_cold.a:modules_*",
                        "*libpxposix_cold.a:linux-hal_*", "*libpxposix_cold.a:services_*"):
            f.write(f"    {pattern}(.rodata .rodata.*)\n")
        f.write("  }\n} INSERT AFTER .rodata;\n")
    print(f"{a.o}: {len(names)} start-up functions")


if __name__ == "__main__":
    main()
