# needs: no-float
# Without floats, the float conversions of %-formatting and the format
# mini-language are refused with a ValueError; the int ones still work.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, "|", e)

for spec in ["%f", "%.2f", "%e", "%E", "%g", "%G", "%F"]:
    show(lambda: spec % 1)
for spec in ["f", ".2f", "e", "g", "%", "F"]:
    show(lambda: format(3, spec))
show(lambda: "{:.3f}".format(2))
show(lambda: f"{5:e}")
show(lambda: b"%f" % 1)
print("%d %5i %-4u| %x %X %o %c %r %s %%" % (1, 2, 3, 255, 255, 8, 65, "r", "s"))
print("{:d} {:>6} {:<4}| {:^7} {:+} {:,} {:_x} {:#b} {:08d} {:c}".format(1, 2, 3, 4, 5, 1234567, 65535, 5, -42, 97))
print(f"{255:#x} {-3:05} {12345:,d} {7:n}")
