# The datasheet's floating-point compensation, computed here independently
# of the driver's integer code, to check what the driver reports.
def reference(s, adc_t, adc_p, adc_h):
    v1 = (adc_t / 16384.0 - s.t1 / 1024.0) * s.t2
    v2 = (adc_t / 131072.0 - s.t1 / 8192.0) ** 2 * s.t3
    t_fine = v1 + v2
    temp = t_fine / 5120.0
    v1 = t_fine / 2.0 - 64000.0
    v2 = v1 * v1 * s.p6 / 32768.0 + v1 * s.p5 * 2.0
    v2 = v2 / 4.0 + s.p4 * 65536.0
    v1 = (s.p3 * v1 * v1 / 524288.0 + s.p2 * v1) / 524288.0
    v1 = (1.0 + v1 / 32768.0) * s.p1
    p = 1048576.0 - adc_p
    p = (p - v2 / 4096.0) * 6250.0 / v1
    v1 = s.p9 * p * p / 2147483648.0
    v2 = p * s.p8 / 32768.0
    pres = p + (v1 + v2 + s.p7) / 16.0
    h = t_fine - 76800.0
    h = (adc_h - (s.h4 * 64.0 + s.h5 / 16384.0 * h)) * (
        s.h2 / 65536.0 * (1.0 + s.h6 / 67108864.0 * h * (1.0 + s.h3 / 67108864.0 * h))
    )
    h = h * (1.0 - s.h1 * h / 524288.0)
    return temp, pres, min(max(h, 0.0), 100.0)


def check(sensor):
    raw = sensor.read_raw()
    t, p, h = sensor.read_compensated()
    rt, rp, rh = reference(sensor, *raw)
    print("raw", raw)
    print("values", sensor.values)
    print("agrees with the datasheet's float formulas:", abs(t / 100 - rt) < 0.01, abs(p / 256 - rp) < 1,
          abs(h / 1024 - rh) < 0.1)
