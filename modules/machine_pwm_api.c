/* machine.PWM's shared layer (machine_pwm_api.h). */
#include "machine_args.h"
#include "machine_pwm_api.h"

static const px_pwm_driver *driver_of(px_val *self) {
    *self = px_native(*self, &px_type_pwm_bus);
    return px_type_of(*self)->proto;
}

enum { A_FREQ, A_DUTY_U16, A_DUTY_NS, A_INVERT, A__COUNT };

static const px_argspec settings_spec[A__COUNT] = {
    {PX_Q(freq), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(duty_u16), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(duty_ns), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(invert), PX_ARG_KWONLY, PX_UNSET},
};

static void parse(px_qid func, size_t argc, const px_val *argv, px_val kwnames, px_pwm_settings *s) {
    px_val a[A__COUNT];
    px_parse_args(func, argc, argv, kwnames, A__COUNT, settings_spec, a);
    s->freq = a[A_FREQ] != PX_UNSET ? px_machine_pwm_freq(a[A_FREQ]) : 0;
    if (a[A_DUTY_U16] != PX_UNSET && a[A_DUTY_NS] != PX_UNSET) {
        px_raise_value_error("give duty_u16 or duty_ns, not both");
    }
    s->duty_kind = PX_PWM_DUTY_KEEP;
    s->duty = 0;
    if (a[A_DUTY_U16] != PX_UNSET) {
        s->duty_kind = PX_PWM_DUTY_U16;
        s->duty = px_machine_pwm_duty_u16(a[A_DUTY_U16]);
    } else if (a[A_DUTY_NS] != PX_UNSET) {
        s->duty_kind = PX_PWM_DUTY_NS;
        s->duty = px_machine_pwm_duty_ns(a[A_DUTY_NS]);
    }
    s->invert = a[A_INVERT] != PX_UNSET ? px_truthy(a[A_INVERT]) : -1;
}

void px_pwm_parse_make(size_t argc, const px_val *argv, px_val kwnames, px_pwm_settings *s) {
    if (argc != 1) {
        px_raise_type_error("PWM() takes the destination as its one positional argument, got %zu", argc);
    }
    parse(PX_Q(PWM), 0, argv + 1, kwnames, s);
    if (s->invert < 0) {
        s->invert = 0; /* the constructor's invert=False */
    }
}

static px_val pwm_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_val self = argv[0];
    const px_pwm_driver *d = driver_of(&self);
    px_pwm_settings s;
    parse(PX_Q(init), argc - 1, argv + 1, kwnames, &s);
    d->apply(self, &s);
    return PX_NONE;
}

static px_val pwm_freq(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_pwm_driver *d = driver_of(&self);
    d->check(self);
    if (argc == 1) {
        return px_int_from_u64(d->get_freq(self));
    }
    px_pwm_settings s = {px_machine_pwm_freq(argv[1]), PX_PWM_DUTY_KEEP, 0, -1};
    d->apply(self, &s);
    return PX_NONE;
}

static px_val pwm_duty_u16(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_pwm_driver *d = driver_of(&self);
    d->check(self);
    if (argc == 1) {
        return px_small((px_int)d->get_duty_u16(self));
    }
    px_pwm_settings s = {0, PX_PWM_DUTY_U16, px_machine_pwm_duty_u16(argv[1]), -1};
    d->apply(self, &s);
    return PX_NONE;
}

static px_val pwm_duty_ns(size_t argc, const px_val *argv) {
    px_val self = argv[0];
    const px_pwm_driver *d = driver_of(&self);
    d->check(self);
    if (argc == 1) {
        return px_int_from_u64(d->get_duty_ns(self));
    }
    px_pwm_settings s = {0, PX_PWM_DUTY_NS, px_machine_pwm_duty_ns(argv[1]), -1};
    d->apply(self, &s);
    return PX_NONE;
}

static PX_METHKW(pwm_init_obj, &px_type_pwm_bus, init, 1, 1, pwm_init);
static PX_METHV(pwm_freq_obj, &px_type_pwm_bus, freq, 1, 2, pwm_freq);
static PX_METHV(pwm_duty_u16_obj, &px_type_pwm_bus, duty_u16, 1, 2, pwm_duty_u16);
static PX_METHV(pwm_duty_ns_obj, &px_type_pwm_bus, duty_ns, 1, 2, pwm_duty_ns);

/* Sorted by name bytes. */
static const px_map_entry pwm_table[] = {
    PX_ENTRY_OBJ(duty_ns, &pwm_duty_ns_obj),
    PX_ENTRY_OBJ(duty_u16, &pwm_duty_u16_obj),
    PX_ENTRY_OBJ(freq, &pwm_freq_obj),
    PX_ENTRY_OBJ(init, &pwm_init_obj),
};
static PX_CONST_MAP(pwm_dict, pwm_table);

/* Not in any module: a base class only, never made itself. */
const px_type px_type_pwm_bus = {
    .base = {&px_type_type},
    .name = PX_Q(PWM),
    .base_type = &px_type_object,
    .dict = &pwm_dict,
};
