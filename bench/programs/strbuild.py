# String building: a report assembled with += in loops, f-strings and
# %-formatting with widths, str.join over generated pieces, and
# str.format; the length and a hash-free checksum of the text are checked.
from benchlib import measure


def checksum(s):
    h = 0
    for i in range(0, len(s), 7):
        h = (h * 131 + ord(s[i])) % 1000000007
    return h


def report(rows):
    out = ""
    for i in range(rows):
        line = "row " + str(i) + ": "
        line += f"{i * 3:>8} | {i / 7:10.3f} | "
        line += "%-6s|%04x" % ("ab" * (i % 3), i)
        out += line + "\n"
    return out


def table(rows, cols):
    lines = []
    for r in range(rows):
        lines.append(",".join("{}:{}".format(r, c * r % 97) for c in range(cols)))
    return "\n".join(lines)


def run():
    a = report(60000)
    b = table(5000, 25)
    c = ""
    for i in range(300000):
        c += "x" if i % 3 else "yz"
    return len(a), checksum(a), len(b), checksum(b), len(c)


measure(run, (2808890, 643288262, 954860, 940046426, 400000))
