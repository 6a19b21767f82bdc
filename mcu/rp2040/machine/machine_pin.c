/* machine.Pin on the RP2040's GPIO 0..29 (the methods shared with Linux
 * are machine_pin_api.c): SIO for value and direction,
 * the pad for pulls and drive strength. One Pin object per GPIO, so that
 * Pin(25) twice is the same object with the same settings. */
#include <stdio.h>
#include <string.h>

#include "machine_pin_api.h"
#include "reg.h"
#include "rp_machine.h"

static rp_pin *pins[RP_GPIO_COUNT];
static bool pins_rooted;

rp_pin *rp_pin_get(unsigned gpio) {
    if (!pins_rooted) {
        px_gc_add_root(pins, sizeof pins);
        pins_rooted = true;
    }
    if (pins[gpio] == NULL) {
        rp_pin *p = px_gc_alloc(sizeof *p, 0);
        p->base.type = &rp_type_pin;
        p->gpio = (uint8_t)gpio;
        p->mode = PX_PIN_ASIS;
        p->pull = PX_PIN_PULL_KEEP;
        pins[gpio] = p;
    }
    return pins[gpio];
}

unsigned rp_pin_resolve(px_val id) {
    if (px_isinstance(id, &rp_type_pin)) {
        return ((rp_pin *)px_as_ptr(px_native(id, &rp_type_pin)))->gpio;
    }
    if (px_is_str(id)) {
        size_t len;
        const char *s = px_str_data(id, &len);
        if (len == 3 && memcmp(s, "LED", 3) == 0) {
            return 25; /* the Pico's LED */
        }
        unsigned n = 0;
        size_t i = len > 2 && (memcmp(s, "GP", 2) == 0) ? 2 : len;
        for (; i < len && s[i] >= '0' && s[i] <= '9' && n < 100; i++) {
            n = n * 10 + (unsigned)(s[i] - '0');
        }
        if (len < 3 || len > 4 || i != len || n >= RP_GPIO_COUNT) {
            px_raise_value_error("no pin named '%.*s': the RP2040's pins are 'GP0' to 'GP29' (and 'LED')",
                                 (int)(len < 32 ? len : 32), s);
        }
        return n;
    }
    if (!px_is_int(id)) {
        px_raise_type_error("a Pin id is a GPIO number or a name such as 'GP25', not '%s'", px_type_name(id));
    }
    px_int n = px_index(id);
    if (n < 0 || n >= (px_int)RP_GPIO_COUNT) {
        px_raise_value_error("GPIO %lld does not exist: the RP2040 has GPIO 0 to 29", (long long)n);
    }
    return (unsigned)n;
}

void rp_pin_give(unsigned gpio, uint32_t func) {
    rp_pin *p = pins[gpio];
    if (p != NULL) {
        p->sio = false;
        p->mode = PX_PIN_ASIS;
    }
    rp_gpio_set_function(gpio, func);
}

static rp_pin *pin_of(px_val v) {
    return (rp_pin *)px_as_ptr(px_native(v, &rp_type_pin));
}

static bool is_output(const rp_pin *p) {
    return p->mode == PX_PIN_OUT || p->mode == PX_PIN_OPEN_DRAIN;
}

/* Make the pad and SIO follow the Pin's settings. */
static void apply(rp_pin *p) {
    if (p->mode != PX_PIN_ASIS && !p->sio) {
        rp_gpio_init(p->gpio);
        p->sio = true;
    }
    if (p->pull != PX_PIN_PULL_KEEP) {
        rp_gpio_set_pulls(p->gpio, p->pull == PX_PIN_PULL_UP, p->pull == PX_PIN_PULL_DOWN);
    }
    if (p->mode == PX_PIN_IN) {
        rp_gpio_input(p->gpio);
    } else if (is_output(p)) {
        rp_gpio_output(p->gpio, p->mode == PX_PIN_OPEN_DRAIN, p->out_value);
    }
}

void rp_pin_write(rp_pin *p, int v) {
    p->out_value = v != 0;
    if (is_output(p) && p->sio) {
        rp_gpio_output(p->gpio, p->mode == PX_PIN_OPEN_DRAIN, p->out_value);
    }
    /* an input keeps the value for when it becomes an output (MicroPython's rule) */
}

/* ---- Pin() and init() */

enum { A_ID, A_MODE, A_PULL, A_VALUE, A_DRIVE, A_ALT, A__COUNT };

static const px_argspec pin_spec[A__COUNT] = {
    {PX_Q(id), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(mode), 0, PX_UNSET},
    {PX_Q(pull), 0, PX_UNSET},
    {PX_Q(value), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(drive), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(alt), PX_ARG_KWONLY, PX_UNSET},
};

/* Pin.DRIVE_0..DRIVE_3: 2, 4, 8, 12 mA (the pad's DRIVE field) */
#define PAD_DRIVE_SHIFT 4

static void init_from(rp_pin *p, const px_val *a) {
    int mode = px_machine_pin_mode(a[A_MODE]);
    int pull = px_machine_pin_pull(a[A_PULL]);
    if (a[A_ALT] != PX_UNSET && !(px_is_small(a[A_ALT]) && px_small_get(a[A_ALT]) == -1)) {
        px_raise_value_error("alternate functions are chosen by the class that uses the pin "
                             "(PWM, I2C, SPI), not by Pin");
    }
    px_int drive = -1;
    if (a[A_DRIVE] != PX_UNSET) {
        drive = px_index(a[A_DRIVE]);
        if (drive < 0 || drive > 3) {
            px_raise_value_error("drive must be Pin.DRIVE_0 to Pin.DRIVE_3 (2, 4, 8 or 12 mA), not %lld",
                                 (long long)drive);
        }
    }
    if (a[A_VALUE] != PX_NONE) {
        p->out_value = px_truthy(a[A_VALUE]);
    }
    if (mode != PX_PIN_ASIS) {
        p->mode = (int8_t)mode;
    }
    if (pull != PX_PIN_PULL_KEEP) {
        p->pull = (int8_t)pull;
    }
    if (drive >= 0) {
        rp_reg_field(RP_PADS_BANK0_BASE + RP_PADS_GPIO(p->gpio), 3u << PAD_DRIVE_SHIFT,
                     (uint32_t)drive << PAD_DRIVE_SHIFT);
    }
    apply(p);
}

static px_val pin_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(Pin), argc, argv, kwnames, A__COUNT, pin_spec, a);
    rp_pin *p = rp_pin_get(rp_pin_resolve(a[A_ID]));
    init_from(p, a);
    return px_from_ptr(p);
}

static void pin_print(px_out *out, px_val self, px_print_kind kind) {
    rp_pin *p = pin_of(self);
    px_printf(out, "Pin('GP%u'", (unsigned)p->gpio);
    if (!p->sio && p->mode == PX_PIN_ASIS) {
        px_write_cstr(out, ")");
        return;
    }
    px_pin_print_settings(out, p->mode, p->pull);
}

/* ---- the port's part of the shared methods (machine_pin_api.h) */

int px_pin_port_read(px_val pin) {
    return rp_gpio_get(pin_of(pin)->gpio);
}

void px_pin_port_write(px_val pin, int value) {
    rp_pin_write(pin_of(pin), value);
}

int px_pin_port_out_value(px_val pin) {
    return pin_of(pin)->out_value;
}

int px_pin_port_mode(px_val pin) {
    return pin_of(pin)->mode;
}

int px_pin_port_pull(px_val pin) {
    return pin_of(pin)->pull;
}

void px_pin_port_set_mode(px_val pin, int mode) {
    rp_pin *p = pin_of(pin);
    p->mode = (int8_t)mode;
    apply(p);
}

void px_pin_port_set_pull(px_val pin, int pull) {
    rp_pin *p = pin_of(pin);
    p->pull = (int8_t)pull;
    apply(p);
}

/* ---- methods */

static px_val pin_init(size_t argc, const px_val *argv, px_val kwnames) {
    rp_pin *p = pin_of(argv[0]);
    px_val a[A__COUNT];
    a[A_ID] = argv[0];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT - 1, pin_spec + 1, a + 1);
    init_from(p, a);
    return PX_NONE;
}

static px_val pin_name(px_val self) {
    char name[8];
    snprintf(name, sizeof name, "GP%u", (unsigned)pin_of(self)->gpio);
    return px_str_cstr(name);
}

/* deinit(): back to an input without pulls, its interrupt off. */
static px_val pin_deinit(px_val self) {
    rp_pin *p = pin_of(self);
    rp_gpio_irq_set(p->gpio, 0);
    p->mode = PX_PIN_IN;
    p->pull = PX_PIN_PULL_NONE;
    apply(p);
    return PX_NONE;
}

static PX_METHKW(pin_init_obj, &rp_type_pin, init, 1, 3, pin_init);
static PX_METHKW(pin_irq_obj, &rp_type_pin, irq, 1, 3, rp_pin_irq_method);
static PX_METH1(pin_name_obj, &rp_type_pin, name, pin_name);
static PX_METH1(pin_deinit_obj, &rp_type_pin, deinit, pin_deinit);

/* Sorted by name bytes (uppercase before lowercase). */
static const px_map_entry pin_table[] = {
    PX_ENTRY(DRIVE_0, PX_SMALL_CONST(0)),
    PX_ENTRY(DRIVE_1, PX_SMALL_CONST(1)),
    PX_ENTRY(DRIVE_2, PX_SMALL_CONST(2)),
    PX_ENTRY(DRIVE_3, PX_SMALL_CONST(3)),
    PX_ENTRY_OBJ(deinit, &pin_deinit_obj),
    PX_ENTRY_OBJ(init, &pin_init_obj),
    PX_ENTRY_OBJ(irq, &pin_irq_obj),
    PX_ENTRY_OBJ(name, &pin_name_obj),
};
static PX_CONST_MAP(pin_dict, pin_table);

const px_type *const px_machine_pin_type = &rp_type_pin; /* for Signal */

const px_type rp_type_pin = {
    .base = {&px_type_type},
    .name = PX_Q(Pin),
    .base_type = &px_type_pin_base,
    .dict = &pin_dict,
    .make = pin_make,
    .print = pin_print,
    .call = px_pin_call,
};
