/* machine.PWM on the RP2040's PWM slices. GPIO n is channel n % 2 of
 * slice (n / 2) % 8; the two channels of a slice share its frequency, so
 * setting one's frequency changes the other's, which keeps its duty
 * ratio. What the object keeps is how the program set the duty: as a
 * ratio (duty_u16) or a pulse width (duty_ns, kept up to the period),
 * which a change of frequency preserves, as on Linux. */
#include "clocks.h"
#include "pwm.h"
#include "reg.h"
#include "resets.h"
#include "rp_machine.h"

enum { DUTY_KEEP, DUTY_U16, DUTY_NS };

typedef struct rp_machine_pwm {
    px_obj base; /* &rp_type_pwm */
    uint8_t gpio, slice, channel;
    bool active; /* false after deinit() */
    int duty_kind;
    uint64_t duty; /* the duty_u16 value, or ns */
} rp_machine_pwm;

static bool pwm_block_ready;

static rp_machine_pwm *pwm_of(px_val v) {
    return (rp_machine_pwm *)px_as_ptr(px_native(v, &rp_type_pwm));
}

static void check_active(const rp_machine_pwm *o) {
    if (!o->active) {
        px_raise_value_error("PWM on GP%u was released by deinit(); call init() to use it again",
                             (unsigned)o->gpio);
    }
}

static void set_freq(rp_machine_pwm *o, uint32_t freq) {
    rp_pwm_period p;
    if (!rp_pwm_period_of_freq(RP_SYS_HZ, freq, &p)) {
        px_raise_value_error("freq %u Hz is out of range for the RP2040's PWM: %u to %u Hz at clk_sys %u Hz",
                             (unsigned)freq, (unsigned)(RP_SYS_HZ / (4095ull * 65535 / 16) + 1),
                             (unsigned)(RP_SYS_HZ / 2), (unsigned)RP_SYS_HZ);
    }
    rp_pwm_set_period(o->slice, &p);
}

/* The level for the program's duty setting in the slice's period. */
static void apply_duty(rp_machine_pwm *o) {
    rp_pwm_period p;
    rp_pwm_get_period(o->slice, &p);
    uint32_t level = o->duty_kind == DUTY_U16  ? rp_pwm_level_of_u16(&p, (uint32_t)o->duty)
                     : o->duty_kind == DUTY_NS ? rp_pwm_level_of_ns(RP_SYS_HZ, &p, o->duty)
                                               : rp_pwm_get_level(o->slice, o->channel);
    rp_pwm_set_level(o->slice, o->channel, level);
}

static uint64_t period_ns(const rp_machine_pwm *o) {
    rp_pwm_period p;
    rp_pwm_get_period(o->slice, &p);
    return rp_pwm_ns_of_level(RP_SYS_HZ, &p, p.top + 1);
}

enum { A_FREQ, A_DUTY_U16, A_DUTY_NS, A_INVERT, A__COUNT };

static const px_argspec init_spec[A__COUNT] = {
    {PX_Q(freq), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(duty_u16), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(duty_ns), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(invert), PX_ARG_KWONLY, PX_UNSET},
};

/* Settings given to the constructor or init(), checked before any change. */
static void configure(rp_machine_pwm *o, const px_val *a, bool constructing) {
    uint32_t freq = a[A_FREQ] != PX_UNSET ? px_machine_pwm_freq(a[A_FREQ]) : 0;
    if (a[A_DUTY_U16] != PX_UNSET && a[A_DUTY_NS] != PX_UNSET) {
        px_raise_value_error("give duty_u16 or duty_ns, not both");
    }
    int kind = o->duty_kind;
    uint64_t duty = o->duty;
    if (a[A_DUTY_U16] != PX_UNSET) {
        kind = DUTY_U16;
        duty = px_machine_pwm_duty_u16(a[A_DUTY_U16]);
    } else if (a[A_DUTY_NS] != PX_UNSET) {
        kind = DUTY_NS;
        duty = px_machine_pwm_duty_ns(a[A_DUTY_NS]);
    }
    if (!pwm_block_ready) {
        rp_unreset(RP_RESET_PWM);
        pwm_block_ready = true;
    }
    if (freq != 0) {
        set_freq(o, freq);
    }
    if (kind == DUTY_NS && a[A_DUTY_NS] != PX_UNSET && duty > period_ns(o)) {
        px_raise_value_error("duty_ns %llu is longer than the period of %llu ns", (unsigned long long)duty,
                             (unsigned long long)period_ns(o));
    }
    o->duty_kind = kind;
    o->duty = duty;
    apply_duty(o);
    if (a[A_INVERT] != PX_UNSET || constructing) {
        rp_pwm_set_invert(o->slice, o->channel, a[A_INVERT] != PX_UNSET && px_truthy(a[A_INVERT]));
    }
    rp_pwm_enable(o->slice, true);
    rp_pin_give(o->gpio, RP_GPIO_FUNC_PWM);
    o->active = true;
}

static px_val pwm_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    if (argc != 1) {
        px_raise_type_error("PWM() takes the destination as its one positional argument, got %zu", argc);
    }
    px_val a[A__COUNT];
    px_parse_args(PX_Q(PWM), 0, argv + 1, kwnames, A__COUNT, init_spec, a);
    unsigned gpio = rp_pin_resolve(argv[0]);
    rp_machine_pwm *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &rp_type_pwm;
    o->gpio = (uint8_t)gpio;
    o->slice = (uint8_t)rp_pwm_slice(gpio);
    o->channel = (uint8_t)rp_pwm_channel(gpio);
    o->duty_kind = DUTY_KEEP;
    configure(o, a, true);
    return px_from_ptr(o);
}

static void pwm_print(px_out *out, px_val self, px_print_kind kind) {
    rp_machine_pwm *o = pwm_of(self);
    px_printf(out, "PWM(Pin('GP%u')", (unsigned)o->gpio);
    if (!o->active) {
        px_write_cstr(out, ", released)");
        return;
    }
    rp_pwm_period p;
    rp_pwm_get_period(o->slice, &p);
    uint32_t level = rp_pwm_get_level(o->slice, o->channel);
    px_printf(out, ", freq=%u", (unsigned)rp_pwm_freq(RP_SYS_HZ, &p));
    if (o->duty_kind == DUTY_NS) {
        px_printf(out, ", duty_ns=%llu", (unsigned long long)rp_pwm_ns_of_level(RP_SYS_HZ, &p, level));
    } else {
        px_printf(out, ", duty_u16=%u", (unsigned)rp_pwm_u16_of_level(&p, level));
    }
    px_printf(out, ", invert=%s)", rp_pwm_get_invert(o->slice, o->channel) ? "True" : "False");
}

/* ---- methods */

static px_val pwm_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT, init_spec, a);
    configure(pwm_of(argv[0]), a, false);
    return PX_NONE;
}

/* deinit(): the channel off (low) and the pin back to its Pin (an input
 * until Pin.init()). */
static px_val pwm_deinit(px_val self) {
    rp_machine_pwm *o = pwm_of(self);
    if (o->active) {
        rp_pwm_set_level(o->slice, o->channel, 0);
        rp_pin_give(o->gpio, RP_GPIO_FUNC_NULL);
        o->active = false;
    }
    return PX_NONE;
}

static px_val pwm_freq(size_t argc, const px_val *argv) {
    rp_machine_pwm *o = pwm_of(argv[0]);
    check_active(o);
    if (argc == 1) {
        rp_pwm_period p;
        rp_pwm_get_period(o->slice, &p);
        return px_int_from_u64(rp_pwm_freq(RP_SYS_HZ, &p));
    }
    set_freq(o, px_machine_pwm_freq(argv[1]));
    if (o->duty_kind == DUTY_NS) {
        apply_duty(o); /* the same pulse width, up to the new period */
    }
    return PX_NONE;
}

static px_val pwm_duty_u16(size_t argc, const px_val *argv) {
    rp_machine_pwm *o = pwm_of(argv[0]);
    check_active(o);
    rp_pwm_period p;
    rp_pwm_get_period(o->slice, &p);
    if (argc == 1) {
        return px_small((px_int)rp_pwm_u16_of_level(&p, rp_pwm_get_level(o->slice, o->channel)));
    }
    o->duty_kind = DUTY_U16;
    o->duty = px_machine_pwm_duty_u16(argv[1]);
    apply_duty(o);
    return PX_NONE;
}

static px_val pwm_duty_ns(size_t argc, const px_val *argv) {
    rp_machine_pwm *o = pwm_of(argv[0]);
    check_active(o);
    rp_pwm_period p;
    rp_pwm_get_period(o->slice, &p);
    if (argc == 1) {
        return px_int_from_u64(rp_pwm_ns_of_level(RP_SYS_HZ, &p, rp_pwm_get_level(o->slice, o->channel)));
    }
    uint64_t ns = px_machine_pwm_duty_ns(argv[1]);
    if (ns > period_ns(o)) {
        px_raise_value_error("duty_ns %llu is longer than the period of %llu ns", (unsigned long long)ns,
                             (unsigned long long)period_ns(o));
    }
    o->duty_kind = DUTY_NS;
    o->duty = ns;
    apply_duty(o);
    return PX_NONE;
}

static PX_METHKW(pwm_init_obj, &rp_type_pwm, init, 1, 1, pwm_init);
static PX_METH1(pwm_deinit_obj, &rp_type_pwm, deinit, pwm_deinit);
static PX_METHV(pwm_freq_obj, &rp_type_pwm, freq, 1, 2, pwm_freq);
static PX_METHV(pwm_duty_u16_obj, &rp_type_pwm, duty_u16, 1, 2, pwm_duty_u16);
static PX_METHV(pwm_duty_ns_obj, &rp_type_pwm, duty_ns, 1, 2, pwm_duty_ns);

/* Sorted by name bytes. */
static const px_map_entry pwm_table[] = {
    PX_ENTRY_OBJ(deinit, &pwm_deinit_obj),
    PX_ENTRY_OBJ(duty_ns, &pwm_duty_ns_obj),
    PX_ENTRY_OBJ(duty_u16, &pwm_duty_u16_obj),
    PX_ENTRY_OBJ(freq, &pwm_freq_obj),
    PX_ENTRY_OBJ(init, &pwm_init_obj),
};
static PX_CONST_MAP(pwm_dict, pwm_table);

const px_type rp_type_pwm = {
    .base = {&px_type_type},
    .name = PX_Q(PWM),
    .base_type = &px_type_object,
    .dict = &pwm_dict,
    .make = pwm_make,
    .print = pwm_print,
};
