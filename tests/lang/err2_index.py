# needs: bigint
# Sizes and indices that do not fit, and repeat counts given by __index__:
# CPython's exact errors.


class I:
    def __index__(self):
        return 2


class Big:
    def __index__(self):
        return 2**70


def show(f):
    try:
        r = f()
        print(repr(r)[:40])
    except Exception as e:
        print(type(e).__name__ + ":", e)


for f in [
    lambda: "a" * 2**70,
    lambda: 2**70 * "a",
    lambda: "a" * -2**70,
    lambda: [1] * 2**70,
    lambda: (1,) * 2**70,
    lambda: b"a" * 2**70,
    lambda: bytearray(b"a") * 2**70,
    lambda: "a" * Big(),
    lambda: [1] * Big(),
    lambda: [1][2**70],
    lambda: [1][-2**70],
    lambda: (1,)[2**70],
    lambda: "a"[2**70],
    lambda: b"a"[2**70],
    lambda: [1, 2][2**70:],
    lambda: [1, 2][-2**70 : 2**70],
    lambda: "ab"[2**70:],
    lambda: (1, 2)[: 2**70],
    lambda: b"ab"[-2**70 :],
    lambda: "ab" * I(),
    lambda: I() * "ab",
    lambda: [1] * I(),
    lambda: b"ab" * I(),
    lambda: I() * b"ab",
    lambda: bytearray(b"ab") * I(),
    lambda: (1,) * I(),
    lambda: "ab" * True,
    lambda: "ab" * 2.0,
    lambda: b"ab" * 2.0,
    lambda: "%c" % 2**70,
    lambda: "%c" % -2**70,
    lambda: "%c" % -1,
    lambda: "%c" % 0x110000,
    lambda: "%c" % 0x10FFFF == chr(0x10FFFF),
    lambda: format("x", "+,"),
    lambda: format("x", " "),
    lambda: format("x", "=z"),
    lambda: format("x", "z#"),
    lambda: format("x", "#,"),
    lambda: format("x", "+#=,"),
    lambda: format("x", "_"),
    lambda: len("%.200000f" % 2.5),
    lambda: ("%.200000f" % 2.5)[:8],
    lambda: len("%.3000e" % 2.5),
    lambda: len("%-+#3010.3000g" % 1e300),
    lambda: "%.2147483648f" % 2.5,
]:
    show(f)

s = "ab"
s *= I()
b = bytearray(b"xy")
b *= I()
print(s, b)
