# needs: bigint
# Large code objects: jumps and exception ranges beyond 64 KiB of bytecode,
# many constants and names (hashed tables), constant de-duplication by type.
# big heap: compiles functions of hundreds of thousands of lines (not run in the 2 MiB heap pass)

# a loop whose body is far larger than 64 KiB, inside try/except
lines = ["def big(n):", "    total = 0", "    try:", "        for i in range(n):",
         "            if i < 0:", "                continue"]
for k in range(6000):
    lines.append("            total += i * %d + len('s%d') - %d.5" % (k, k, k))
lines += ["        raise ValueError(total)", "    except ValueError as e:",
          "        return ('caught', e.args[0])", "    return 'not reached'"]
ns = {}
exec("\n".join(lines), ns)
print(ns["big"](3))

# module-level code with many distinct names and constants
src = "\n".join("v%d = %d + %d.25 * len('k%d')" % (i, i, i, i) for i in range(8000))
g = {}
exec(src + "\nresult = v7999 + v0 + v4000", g)
print(g["result"], len([k for k in g if k.startswith("v")]))

# a while loop jumping back over a large body; break from the far end
body = ["n = 0", "while True:", "    n += 1"]
body += ["    x%d = n + %d" % (i, i) for i in range(7000)]
body += ["    if n == 3:", "        break"]
g = {}
exec("\n".join(body), g)
print(g["n"], g["x6999"])

# constants that compare equal but differ in type or sign stay distinct
def consts():
    return (1, 1.0, True, 0.0, -0.0, 0, False, "1", b"1", (1, 2), (1.0, 2), (True, 2),
            12345678901234567890, 12345678901234567890.0)

for c in consts():
    print(type(c).__name__, repr(c))
print(str(consts()[4]), str(consts()[3]))
