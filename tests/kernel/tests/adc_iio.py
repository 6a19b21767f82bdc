# machine.ADC on IIO sysfs, against px_iio_sim's "px-adc": channel 0 is
# 12-bit (its raw range says so), channel 1 has an offset of -100 and no
# range; both share a scale of 3300 mV / 4096.
from machine import ADC

P = "/sys/module/px_iio_sim/parameters/raw"


def set_raw(a, b):
    with open(P, "w") as f:
        f.write("%d,%d" % (a, b))


a0 = ADC(0)
a1 = ADC(("px-adc", 1))
print(a0)
print(a1)
print(ADC(("iio:device0", 0)), ADC((0, 1)))
for r0, r1 in ((0, 100), (2048, 1000), (4095, 4095), (1, 101)):
    set_raw(r0, r1)
    print(r0, a0.read_u16(), a0.read_uv(), r1, a1.read_uv())
try:
    a1.read_u16()
except ValueError as e:
    print("ValueError", e)
a1.init(bits=12)
print(a1, a1.read_u16())
a3 = ADC(("px-adc", 1), bits=10)
set_raw(0, 1023)
print(a3.read_u16())


def show(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: ADC(5))
show(lambda: ADC(("nothing", 0)))
show(lambda: ADC((3, 0)))
show(lambda: ADC(0, atten=2))
show(lambda: ADC(0, sample_ns=1000))
show(lambda: ADC(0, bits=40))
show(lambda: ADC(-1))
show(lambda: ADC("x"))
show(lambda: ADC((0, 1, 2)))
set_raw(2048, 1000)
