/* The machine module's shared argument handling (machine_args.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "machine_args.h"

PX_NORETURN void px_machine_raise_os(int err, const char *fmt, ...) {
    char msg[480];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    px_val args[2] = {px_small(err), px_str_cstr(msg)};
    px_raise(px_exc_new(&px_type_OSError, 2, args));
}

static bool is_minus_one(px_val v) {
    return px_is_small(v) && px_small_get(v) == -1;
}

int px_machine_pin_mode(px_val v) {
    if (v == PX_UNSET || is_minus_one(v)) {
        return PX_PIN_ASIS;
    }
    px_int m = px_index(v);
    if (m != PX_PIN_IN && m != PX_PIN_OUT && m != PX_PIN_OPEN_DRAIN) {
        px_raise_value_error("invalid pin mode %lld: use Pin.IN, Pin.OUT or Pin.OPEN_DRAIN", (long long)m);
    }
    return (int)m;
}

int px_machine_pin_pull(px_val v) {
    if (v == PX_UNSET || is_minus_one(v)) {
        return PX_PIN_PULL_KEEP;
    }
    if (v == PX_NONE) {
        return PX_PIN_PULL_NONE;
    }
    px_int m = px_index(v);
    if (m != PX_PIN_PULL_UP && m != PX_PIN_PULL_DOWN) {
        px_raise_value_error("invalid pull %lld: use Pin.PULL_UP, Pin.PULL_DOWN or None", (long long)m);
    }
    return (int)m;
}

enum { I_HANDLER, I_TRIGGER, I_PRIORITY, I_WAKE, I_HARD, I__COUNT };

static const px_argspec irq_spec[I__COUNT] = {
    {PX_Q(handler), 0, PX_NONE},
    {PX_Q(trigger), 0, PX_UNSET},
    {PX_Q(priority), PX_ARG_KWONLY, PX_SMALL_CONST(1)},
    {PX_Q(wake), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(hard), PX_ARG_KWONLY, PX_FALSE},
};

void px_machine_pin_irq_args(size_t argc, const px_val *argv, px_val kwnames, const px_argspec *extra,
                             size_t nextra, px_val *extra_out, const char *levels_refused, const char *port,
                             px_pin_irq_args *out) {
    px_argspec spec[I__COUNT + PX_PIN_IRQ_EXTRA_MAX];
    px_val a[I__COUNT + PX_PIN_IRQ_EXTRA_MAX];
    memcpy(spec, irq_spec, sizeof irq_spec);
    if (nextra > 0) { /* (memcpy wants non-null pointers even for 0 bytes) */
        memcpy(spec + I__COUNT, extra, nextra * sizeof *extra);
    }
    px_parse_args(PX_Q(irq), argc, argv, kwnames, I__COUNT + nextra, spec, a);
    px_val handler = a[I_HANDLER];
    if (handler != PX_NONE && !px_callable(handler)) {
        px_raise_type_error("'%s' object is not callable", px_type_name(handler));
    }
    px_int edges = PX_PIN_IRQ_RISING | PX_PIN_IRQ_FALLING, levels = PX_PIN_IRQ_LOW_LEVEL | PX_PIN_IRQ_HIGH_LEVEL;
    px_int trigger = a[I_TRIGGER] != PX_UNSET ? px_index(a[I_TRIGGER]) : handler == PX_NONE ? 0 : edges;
    if ((trigger & levels) && levels_refused != NULL) {
        px_raise_value_error("%s", levels_refused);
    }
    if (trigger & ~(edges | levels)) {
        px_raise_value_error("invalid trigger %lld", (long long)trigger);
    }
    px_index(a[I_PRIORITY]);
    if (a[I_WAKE] != PX_NONE) {
        px_raise_value_error("waking from sleep states is not available on %s", port);
    }
    out->handler = handler;
    out->trigger = (unsigned)trigger;
    out->hard = px_truthy(a[I_HARD]);
    if (nextra > 0) {
        memcpy(extra_out, a + I__COUNT, nextra * sizeof *extra_out);
    }
}

uint16_t px_machine_i2c_addr(px_val v) {
    px_int a = px_index(v);
    if (a < 0 || a > 0x7f) {
        px_raise_value_error("I2C address %lld out of range: 7-bit addresses are 0x00 to 0x7f", (long long)a);
    }
    return (uint16_t)a;
}

size_t px_machine_i2c_memaddr(px_val memaddr, px_val addrsize, uint8_t out[4]) {
    px_int bits = px_index(addrsize);
    if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
        px_raise_value_error("addrsize must be 8, 16, 24 or 32 bits, not %lld", (long long)bits);
    }
    int64_t m = px_int_to_i64(memaddr); /* addrsize=32 exceeds a 32-bit build's px_int */
    if (m < 0 || (uint64_t)m >> bits != 0) {
        px_raise_value_error("memaddr %lld does not fit in addrsize=%lld bits", (long long)m, (long long)bits);
    }
    size_t n = (size_t)bits / 8;
    for (size_t i = 0; i < n; i++) {
        out[i] = (uint8_t)((uint64_t)m >> (8 * (n - 1 - i)));
    }
    return n;
}

size_t px_machine_nbytes(px_val v) {
    px_int n = px_index(v);
    if (n < 0) {
        px_raise_value_error("nbytes must not be negative");
    }
    return (size_t)n;
}

uint32_t px_machine_pwm_freq(px_val v) {
    int64_t f = px_int_to_i64(v); /* the same range check on 32-bit builds */
    if (f <= 0 || f > 1000000000) {
        px_raise_value_error("freq must be 1 to 1000000000 Hz, not %lld", (long long)f);
    }
    return (uint32_t)f;
}

uint32_t px_machine_pwm_duty_u16(px_val v) {
    px_int d = px_index(v);
    if (d < 0 || d > 65535) {
        px_raise_value_error("duty_u16 must be 0 to 65535, not %lld", (long long)d);
    }
    return (uint32_t)d;
}

uint64_t px_machine_pwm_duty_ns(px_val v) {
    int64_t d = px_int_to_i64(v); /* seconds of ns exceed a 32-bit build's px_int */
    if (d < 0) {
        px_raise_value_error("duty_ns must not be negative");
    }
    return (uint64_t)d;
}

int px_machine_timer_mode(px_val v) {
    px_int mode = px_index(v);
    if (mode != PX_TIMER_ONE_SHOT && mode != PX_TIMER_PERIODIC) {
        px_raise_value_error("mode must be Timer.ONE_SHOT or Timer.PERIODIC, not %lld", (long long)mode);
    }
    return (int)mode;
}

uint64_t px_machine_timer_period_ns(px_val freq_v, px_val period_v, px_val tick_hz_v) {
    double freq = px_float_of(freq_v);
    if (freq > 0) {
        double ns = 1e9 / freq;
        if (ns < 1) {
            px_raise_value_error("freq %g Hz is too high: the shortest period is 1 ns", freq);
        }
        if (ns >= 0x7fffffff * 1e9) {
            px_raise_value_error("freq %g Hz is too low", freq);
        }
        return (uint64_t)(ns + 0.5);
    }
    if (freq != -1 && freq <= 0) {
        px_raise_value_error("freq must be positive, not %g", freq);
    }
    int64_t period = px_int_to_i64(period_v);
    int64_t tick_hz = px_int_to_i64(tick_hz_v);
    if (tick_hz <= 0 || tick_hz > 1000000000) {
        px_raise_value_error("tick_hz must be 1 to 1000000000, not %lld", (long long)tick_hz);
    }
    if (period == -1) {
        px_raise_value_error("Timer needs freq= or period= (in ms)");
    }
    if (period <= 0) {
        px_raise_value_error("period must be positive, not %lld", (long long)period);
    }
    /* whole seconds fit a 32-bit time_t: up to 68 years */
    if ((uint64_t)period / (uint64_t)tick_hz >= 0x7fffffff) {
        px_raise_value_error("period %lld at tick_hz=%lld is too long", (long long)period, (long long)tick_hz);
    }
    return (uint64_t)period / (uint64_t)tick_hz * 1000000000 +
           (uint64_t)period % (uint64_t)tick_hz * 1000000000 / (uint64_t)tick_hz;
}

int64_t px_machine_setting(px_val v, int64_t dflt, int64_t lo, int64_t hi, const char *name) {
    if (v == PX_UNSET) {
        return dflt;
    }
    int64_t n = px_int_to_i64(v);
    if (n < lo || n > hi) {
        px_raise_value_error("%s must be %lld to %lld, not %lld", name, (long long)lo, (long long)hi,
                             (long long)n);
    }
    return n;
}

static const px_argspec wdt_spec[2] = {
    {PX_Q(id), 0, PX_SMALL_CONST(0)},
    {PX_Q(timeout), 0, PX_SMALL_CONST(5000)},
};

void px_machine_wdt_args(size_t argc, const px_val *argv, px_val kwnames, px_int *id, int64_t *timeout_ms) {
    px_val a[2];
    px_parse_args(PX_Q(WDT), argc, argv, kwnames, 2, wdt_spec, a);
    *id = px_index(a[0]);
    *timeout_ms = px_int_to_i64(a[1]);
    if (*id < 0 || *id > 999) {
        px_raise_value_error("WDT id %lld out of range", (long long)*id);
    }
    if (*timeout_ms <= 0 || *timeout_ms > (int64_t)0x7fffffff * 1000) {
        px_raise_value_error("timeout must be a positive number of milliseconds, not %lld", (long long)*timeout_ms);
    }
}

static const px_argspec adc_spec[PX_ADC__COUNT] = {
    {PX_Q(sample_ns), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(atten), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(bits), PX_ARG_KWONLY, PX_NONE},
};

void px_machine_adc_args(px_qid func, size_t argc, const px_val *argv, px_val kwnames, px_val a[PX_ADC__COUNT]) {
    px_parse_args(func, argc, argv, kwnames, PX_ADC__COUNT, adc_spec, a);
    if (a[PX_ADC_BITS] != PX_NONE) {
        px_int b = px_index(a[PX_ADC_BITS]);
        if (b < 1 || b > 32) {
            px_raise_value_error("bits must be 1 to 32, not %lld", (long long)b);
        }
    }
}

uint32_t px_machine_adc_u16(int64_t raw, unsigned bits) {
    uint64_t max = (1ULL << bits) - 1;
    uint64_t r = raw < 0 ? 0 : (uint64_t)raw > max ? max : (uint64_t)raw;
    return (uint32_t)((r * 65535 + max / 2) / max);
}

static uint32_t reverse_bits(uint32_t v, unsigned bits) {
    uint32_t r = 0;
    for (unsigned i = 0; i < bits; i++) {
        r = r << 1 | ((v >> i) & 1);
    }
    return r;
}

void px_machine_reverse_words(uint8_t *p, size_t len, size_t ws, unsigned bits) {
    for (size_t i = 0; i + ws <= len; i += ws) {
        if (ws == 1) {
            p[i] = (uint8_t)reverse_bits(p[i], bits);
        } else if (ws == 2) {
            uint16_t h;
            memcpy(&h, p + i, 2);
            h = (uint16_t)reverse_bits(h, bits);
            memcpy(p + i, &h, 2);
        } else {
            uint32_t w;
            memcpy(&w, p + i, 4);
            w = reverse_bits(w, bits);
            memcpy(p + i, &w, 4);
        }
    }
}
