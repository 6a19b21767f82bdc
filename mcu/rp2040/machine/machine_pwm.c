/* machine.PWM on the RP2040's PWM slices (the Python-facing part is
 * machine_pwm_api.c). GPIO n is channel n % 2 of
 * slice (n / 2) % 8; the two channels of a slice share its frequency, so
 * setting one's frequency changes the other's, which keeps its duty
 * ratio. What the object keeps is how the program set the duty: as a
 * ratio (duty_u16) or a pulse width (duty_ns, kept up to the period),
 * which a change of frequency preserves, as on Linux. */
#include "clocks.h"
#include "machine_pwm_api.h"
#include "pwm.h"
#include "reg.h"
#include "resets.h"
#include "rp_machine.h"

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
    uint32_t level = o->duty_kind == PX_PWM_DUTY_U16  ? rp_pwm_level_of_u16(&p, (uint32_t)o->duty)
                     : o->duty_kind == PX_PWM_DUTY_NS ? rp_pwm_level_of_ns(RP_SYS_HZ, &p, o->duty)
                                               : rp_pwm_get_level(o->slice, o->channel);
    rp_pwm_set_level(o->slice, o->channel, level);
}

static uint64_t period_ns(const rp_machine_pwm *o) {
    rp_pwm_period p;
    rp_pwm_get_period(o->slice, &p);
    return rp_pwm_ns_of_level(RP_SYS_HZ, &p, p.top + 1);
}

/* ---- the driver under the shared methods (machine_pwm_api.h) */

static void drv_check(px_val self) {
    check_active(pwm_of(self));
}

static uint64_t drv_get_freq(px_val self) {
    rp_pwm_period p;
    rp_pwm_get_period(pwm_of(self)->slice, &p);
    return rp_pwm_freq(RP_SYS_HZ, &p);
}

static uint32_t drv_get_duty_u16(px_val self) {
    rp_machine_pwm *o = pwm_of(self);
    rp_pwm_period p;
    rp_pwm_get_period(o->slice, &p);
    return rp_pwm_u16_of_level(&p, rp_pwm_get_level(o->slice, o->channel));
}

static uint64_t drv_get_duty_ns(px_val self) {
    rp_machine_pwm *o = pwm_of(self);
    rp_pwm_period p;
    rp_pwm_get_period(o->slice, &p);
    return rp_pwm_ns_of_level(RP_SYS_HZ, &p, rp_pwm_get_level(o->slice, o->channel));
}

/* Checked before any change; a new frequency keeps the pulse width of a
 * duty set in ns (up to the period), the ratio otherwise. */
static void drv_apply(px_val self, const px_pwm_settings *s) {
    rp_machine_pwm *o = pwm_of(self);
    if (!pwm_block_ready) {
        rp_unreset(RP_RESET_PWM);
        pwm_block_ready = true;
    }
    if (s->freq != 0) {
        set_freq(o, s->freq);
    }
    if (s->duty_kind == PX_PWM_DUTY_NS && s->duty > period_ns(o)) {
        px_raise_value_error("duty_ns %llu is longer than the period of %llu ns", (unsigned long long)s->duty,
                             (unsigned long long)period_ns(o));
    }
    if (s->duty_kind != PX_PWM_DUTY_KEEP) {
        o->duty_kind = s->duty_kind;
        o->duty = s->duty;
    }
    apply_duty(o);
    if (s->invert >= 0) {
        rp_pwm_set_invert(o->slice, o->channel, s->invert != 0);
    }
    rp_pwm_enable(o->slice, true);
    rp_pin_give(o->gpio, RP_GPIO_FUNC_PWM);
    o->active = true;
}

static const px_pwm_driver rp_pwm_driver = {drv_check, drv_get_freq, drv_get_duty_u16, drv_get_duty_ns, drv_apply};

static px_val pwm_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_pwm_settings s;
    px_pwm_parse_make(argc, argv, kwnames, &s);
    unsigned gpio = rp_pin_resolve(argv[0]);
    rp_machine_pwm *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &rp_type_pwm;
    o->gpio = (uint8_t)gpio;
    o->slice = (uint8_t)rp_pwm_slice(gpio);
    o->channel = (uint8_t)rp_pwm_channel(gpio);
    o->duty_kind = PX_PWM_DUTY_KEEP;
    drv_apply(px_from_ptr(o), &s);
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
    if (o->duty_kind == PX_PWM_DUTY_NS) {
        px_printf(out, ", duty_ns=%llu", (unsigned long long)rp_pwm_ns_of_level(RP_SYS_HZ, &p, level));
    } else {
        px_printf(out, ", duty_u16=%u", (unsigned)rp_pwm_u16_of_level(&p, level));
    }
    px_printf(out, ", invert=%s)", rp_pwm_get_invert(o->slice, o->channel) ? "True" : "False");
}

/* ---- methods */

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

static PX_METH1(pwm_deinit_obj, &rp_type_pwm, deinit, pwm_deinit);

/* Sorted by name bytes. */
static const px_map_entry pwm_table[] = {
    PX_ENTRY_OBJ(deinit, &pwm_deinit_obj),
};
static PX_CONST_MAP(pwm_dict, pwm_table);

const px_type rp_type_pwm = {
    .base = {&px_type_type},
    .name = PX_Q(PWM),
    .base_type = &px_type_pwm_bus,
    .dict = &pwm_dict,
    .make = pwm_make,
    .print = pwm_print,
    .proto = &rp_pwm_driver,
};
