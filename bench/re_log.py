# re: searching a log of about 1 MB (issue 9): finditer with groups, a
# search that fails on most lines, sub, and split.
import re


def main():
    levels = ["INFO", "DEBUG", "WARN", "ERROR"]
    lines = []
    for i in range(16000):
        lines.append("2026-12-%02d 10:%02d:%02d %s worker-%d request /api/v1/items/%d took %dms" % (
            i % 28 + 1, i % 60, (i * 7) % 60, levels[i % 4], i % 9, i * 13, (i * 37) % 1000))
    log = "\n".join(lines)
    line_re = re.compile(r"^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) (ERROR|WARN) (\S+) .*? took (\d+)ms$", re.M)
    slow = re.compile(r"took (9\d\d)ms")
    n = errors = 0
    for _ in range(5):
        for m in line_re.finditer(log):
            errors += m.group(3) == "ERROR"
            n += int(m.group(5))
        n += len(slow.findall(log))
        n += re.search(r"worker-\d+ crashed", log) is None
    masked = re.sub(r"/items/\d+", "/items/N", log)
    parts = re.split(r"\s+took\s+", log)
    print(len(log), n, errors, len(masked), len(parts))


main()
