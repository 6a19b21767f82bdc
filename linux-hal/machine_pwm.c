/* machine.PWM on sysfs PWM channels (the Python-facing part is
 * machine_pwm_api.c). The destination is a (chip, channel)
 * pair, the chip named by device or driver name (see pwm_sysfs.h), or a
 * pin that the board file maps to a channel ("pwm GPIO18 = CHIP N").
 *
 * sysfs holds the state (period and duty in ns, polarity, enable), so the
 * getters read it back. What the object keeps is how the program set the
 * duty: as a ratio (duty_u16) or a pulse width (duty_ns), which a change
 * of frequency preserves, as on the MicroPython ports. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "machine.h"
#include "machine_args.h"
#include "machine_pin.h"
#include "machine_pwm_api.h"
#include "pwm_sysfs.h"

typedef struct px_machine_pwm {
    px_obj base; /* &px_type_pwm */
    px_pwm_chip chip;
    unsigned channel;
    bool exported; /* false after deinit() */
    int duty_kind; /* how the program last set the duty (KEEP: it did not) */
    uint64_t duty; /* the duty_u16 value, or ns */
    int invert;    /* polarity to set once the channel has a period, or -1 */
} px_machine_pwm;

static px_machine_pwm *pwm_of(px_val v) {
    return (px_machine_pwm *)px_as_ptr(px_native(v, &px_type_pwm));
}

static void check_exported(const px_machine_pwm *o) {
    if (!o->exported) {
        px_raise_value_error("PWM pwmchip%u channel %u was released by deinit(); call init() to use it again",
                             o->chip.num, o->channel);
    }
}

static uint64_t read_attr(const px_machine_pwm *o, const char *attr) {
    uint64_t v = 0;
    int err = px_pwm_read_u64(&o->chip, o->channel, attr, &v);
    if (err != 0) {
        px_pwm_raise(err, &o->chip, o->channel, attr);
    }
    return v;
}

PX_NORETURN static void write_failed(const px_machine_pwm *o, int err, const char *attr, uint64_t v) {
    if (err == EINVAL && strcmp(attr, "period") == 0) {
        px_raise_value_error("freq %llu Hz is out of range for pwmchip%u (%s): the driver refused a period of "
                             "%llu ns",
                             (unsigned long long)((1000000000 + v / 2) / v), o->chip.num, o->chip.device,
                             (unsigned long long)v);
    }
    char what[48];
    snprintf(what, sizeof what, "writing %llu to %s", (unsigned long long)v, attr);
    px_pwm_raise(err, &o->chip, o->channel, what);
}

static void write_attr(const px_machine_pwm *o, const char *attr, uint64_t v) {
    int err = px_pwm_write_u64(&o->chip, o->channel, attr, v);
    if (err != 0) {
        write_failed(o, err, attr, v);
    }
}

/* ---- the destination */

static void find_dest(px_val dest, px_pwm_chip *chip, unsigned *channel) {
    const char *name = NULL;
    size_t len = 0;
    px_val chip_id = PX_NULL, ch = PX_NULL;
    size_t n;
    px_val *items = px_is_tuple(dest) ? px_seq_items(dest, &n) : NULL;
    if (items != NULL && n == 2) {
        chip_id = items[0];
        ch = items[1];
    } else if (px_isinstance(dest, &px_type_pin)) {
        px_pin *p = px_pin_of(dest);
        name = p->line < p->chip->nlines ? p->chip->names[p->line] : "";
        len = strlen(name);
        if (len == 0) {
            px_raise_value_error("PWM(Pin): %s line %u has no name for the board file to map; give (chip, channel)",
                                 p->chip->dev, p->line);
        }
    } else if (px_is_str(dest)) {
        name = px_str_data(dest, &len);
    } else {
        px_raise_type_error("PWM destination must be a (chip, channel) tuple, a Pin or a pin name, not '%s'",
                            px_type_name(dest));
    }
    char chipbuf[64];
    if (name != NULL) {
        const char *w;
        size_t wl;
        if (!px_gpio_board_pwm(name, len, &w, &wl, channel)) {
            px_raise_value_error("no PWM channel for pin '%.*s': map it in the board file %s with a line "
                                 "'pwm %.*s = CHIP CHANNEL'",
                                 (int)(len < 32 ? len : 32), name, px_gpio_board_path(), (int)(len < 32 ? len : 32),
                                 name);
        }
        px_pwm_find_chip(w, wl, chip);
    } else {
        if (px_is_str(chip_id)) {
            const char *s = px_str_data(chip_id, &len);
            px_pwm_find_chip(s, len, chip);
        } else {
            px_int num = px_index(chip_id);
            snprintf(chipbuf, sizeof chipbuf, "pwmchip%lld", (long long)num);
            px_pwm_find_chip(chipbuf, strlen(chipbuf), chip);
        }
        px_int c = px_index(ch);
        if (c < 0 || (uint64_t)c >= chip->npwm) {
            px_raise_value_error("PWM channel %lld out of range: pwmchip%u (%s) has %u", (long long)c, chip->num,
                                 chip->device, chip->npwm);
        }
        *channel = (unsigned)c;
    }
    if (*channel >= chip->npwm) {
        px_raise_value_error("board file %s: pwmchip%u (%s) has no channel %u", px_gpio_board_path(), chip->num,
                             chip->device, *channel);
    }
}

static void export_channel(px_machine_pwm *o) {
    char failed[128];
    int err = px_pwm_export(&o->chip, o->channel, failed, sizeof failed);
    if (err != 0) {
        px_pwm_raise(err, &o->chip, o->channel, failed);
    }
    o->exported = true;
}

/* ---- applying settings */

static uint64_t duty_for(const px_machine_pwm *o, uint64_t period, uint64_t current) {
    switch (o->duty_kind) {
    case PX_PWM_DUTY_U16:
        return (period * o->duty + 32767) / 65535;
    case PX_PWM_DUTY_NS:
        return o->duty < period ? o->duty : period;
    default:
        return current < period ? current : period;
    }
}

/* Write the new state and enable the output (once it has a period). The
 * kernel refuses a duty cycle longer than the period at every step, so
 * period and duty are written in the order that keeps it valid. */
static void apply(px_machine_pwm *o, const px_pwm_settings *s) {
    if (!o->exported) {
        export_channel(o); /* init() after deinit() */
    }
    uint64_t cur_period = read_attr(o, "period"), cur_duty = read_attr(o, "duty_cycle");
    uint64_t new_period = s->freq != 0 ? (1000000000ULL + s->freq / 2) / s->freq : 0;
    uint64_t period = new_period != 0 ? new_period : cur_period;
    if (s->duty_kind == PX_PWM_DUTY_NS && period != 0 && s->duty > period) {
        px_raise_value_error("duty_ns %llu is longer than the period of %llu ns", (unsigned long long)s->duty,
                             (unsigned long long)period);
    }
    if (new_period != 0 && o->duty_kind == PX_PWM_DUTY_KEEP && cur_period != 0) {
        /* a new frequency keeps the ratio the channel had */
        o->duty_kind = PX_PWM_DUTY_U16;
        o->duty = (cur_duty * 65535 + cur_period / 2) / cur_period;
    }
    if (s->duty_kind != PX_PWM_DUTY_KEEP) {
        o->duty_kind = s->duty_kind;
        o->duty = s->duty;
    }
    if (s->invert >= 0) {
        o->invert = s->invert;
    }
    if (period == 0) {
        return; /* no frequency yet (the kernel refuses any state without one): later */
    }
    uint64_t duty = duty_for(o, period, cur_duty);
    if (period >= cur_duty) {
        if (period != cur_period) {
            write_attr(o, "period", period);
        }
        write_attr(o, "duty_cycle", duty);
    } else {
        write_attr(o, "duty_cycle", duty);
        int err = px_pwm_write_u64(&o->chip, o->channel, "period", period);
        if (err != 0) {
            /* the old duty fits the old period: leave the output as it was */
            px_pwm_write_u64(&o->chip, o->channel, "duty_cycle", cur_duty);
            write_failed(o, err, "period", period);
        }
    }
    if (o->invert >= 0) {
        int err = px_pwm_write(&o->chip, o->channel, "polarity", o->invert ? "inversed" : "normal");
        if (err != 0) {
            px_pwm_raise(err, &o->chip, o->channel, "setting the polarity");
        }
        o->invert = -1;
    }
    if (read_attr(o, "enable") != 1) {
        write_attr(o, "enable", 1);
    }
}

/* ---- the driver under the shared methods (machine_pwm_api.h) */

static void drv_check(px_val self) {
    check_exported(pwm_of(self));
}

static uint64_t drv_get_freq(px_val self) {
    uint64_t period = read_attr(pwm_of(self), "period");
    return period ? (1000000000 + period / 2) / period : 0;
}

static uint32_t drv_get_duty_u16(px_val self) {
    px_machine_pwm *o = pwm_of(self);
    uint64_t period = read_attr(o, "period"), duty = read_attr(o, "duty_cycle");
    return period ? (uint32_t)((duty * 65535 + period / 2) / period) : 0;
}

static uint64_t drv_get_duty_ns(px_val self) {
    return read_attr(pwm_of(self), "duty_cycle");
}

static void drv_apply(px_val self, const px_pwm_settings *s) {
    apply(pwm_of(self), s);
}

static const px_pwm_driver sysfs_pwm_driver = {drv_check, drv_get_freq, drv_get_duty_u16, drv_get_duty_ns,
                                               drv_apply};

static px_val pwm_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_pwm_settings s;
    px_pwm_parse_make(argc, argv, kwnames, &s);
    px_machine_pwm *o = px_gc_alloc(sizeof *o, 0);
    o->base.type = &px_type_pwm;
    o->invert = -1;
    find_dest(argv[0], &o->chip, &o->channel);
    if (px_isinstance(argv[0], &px_type_pin)) {
        px_call_method(argv[0], PX_Q(deinit), 0, NULL); /* the pin is PWM's now, not a GPIO line */
    }
    export_channel(o);
    apply(o, &s);
    return px_from_ptr(o);
}

static void pwm_print(px_out *out, px_val self, px_print_kind kind) {
    px_machine_pwm *o = pwm_of(self);
    px_printf(out, "PWM(('%s', %u)", o->chip.device, o->channel);
    uint64_t period, duty, enable;
    char pol[16];
    if (!o->exported || px_pwm_read_u64(&o->chip, o->channel, "period", &period) != 0 ||
        px_pwm_read_u64(&o->chip, o->channel, "duty_cycle", &duty) != 0 ||
        px_pwm_read_u64(&o->chip, o->channel, "enable", &enable) != 0 ||
        px_pwm_read(&o->chip, o->channel, "polarity", pol, sizeof pol) != 0) {
        px_write_cstr(out, o->exported ? ", unavailable)" : ", released)");
        return;
    }
    px_printf(out, ", freq=%llu", (unsigned long long)(period ? (1000000000 + period / 2) / period : 0));
    if (o->duty_kind == PX_PWM_DUTY_U16 && period != 0) {
        px_printf(out, ", duty_u16=%llu", (unsigned long long)((duty * 65535 + period / 2) / period));
    } else {
        px_printf(out, ", duty_ns=%llu", (unsigned long long)duty);
    }
    px_printf(out, ", invert=%s%s)", strcmp(pol, "inversed") == 0 ? "True" : "False", enable ? "" : ", disabled");
}

/* ---- methods */

static px_val pwm_deinit(px_val self) {
    px_machine_pwm *o = pwm_of(self);
    if (!o->exported) {
        return PX_NONE;
    }
    uint64_t enabled = 0;
    if (px_pwm_read_u64(&o->chip, o->channel, "enable", &enabled) == 0 && enabled) {
        write_attr(o, "enable", 0);
    }
    int err = px_pwm_unexport(&o->chip, o->channel);
    if (err != 0 && err != EINVAL) { /* EINVAL: no longer exported */
        px_pwm_raise(err, &o->chip, o->channel, "unexport");
    }
    o->exported = false;
    return PX_NONE;
}

static PX_METH1(pwm_deinit_obj, &px_type_pwm, deinit, pwm_deinit);

/* Sorted by name bytes. */
static const px_map_entry pwm_table[] = {
    PX_ENTRY_OBJ(deinit, &pwm_deinit_obj),
};
static PX_CONST_MAP(pwm_dict, pwm_table);

const px_type px_type_pwm = {
    .base = {&px_type_type},
    .name = PX_Q(PWM),
    .base_type = &px_type_pwm_bus,
    .dict = &pwm_dict,
    .make = pwm_make,
    .print = pwm_print,
    .proto = &sysfs_pwm_driver,
};
