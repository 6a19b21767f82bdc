/* machine.Pin's shared layer (machine_pin_api.h). */
#include "machine_args.h"
#include "machine_pin_api.h"

static px_val native(px_val v) {
    return px_native(v, &px_type_pin_base);
}

static px_val value_common(px_val pin, size_t argc, const px_val *argv) {
    if (argc == 0) {
        return px_small(px_pin_port_read(pin));
    }
    px_pin_port_write(pin, px_truthy(argv[0]));
    return PX_NONE;
}

px_val px_pin_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(Pin), argc, kwnames, 0, 1);
    return value_common(native(self), argc, argv);
}

void px_pin_print_settings(px_out *out, int mode, int pull) {
    px_printf(out, ", mode=%s", mode == PX_PIN_OUT ? "OUT" : mode == PX_PIN_OPEN_DRAIN ? "OPEN_DRAIN" : "IN");
    if (pull == PX_PIN_PULL_UP || pull == PX_PIN_PULL_DOWN) {
        px_printf(out, ", pull=%s", pull == PX_PIN_PULL_UP ? "PULL_UP" : "PULL_DOWN");
    }
    px_write_cstr(out, ")");
}

static px_val pin_value(size_t argc, const px_val *argv) {
    return value_common(native(argv[0]), argc - 1, argv + 1);
}

static px_val pin_on(px_val self) {
    px_pin_port_write(native(self), 1);
    return PX_NONE;
}

static px_val pin_off(px_val self) {
    px_pin_port_write(native(self), 0);
    return PX_NONE;
}

static px_val pin_toggle(px_val self) {
    px_val pin = native(self);
    px_pin_port_write(pin, !px_pin_port_out_value(pin));
    return PX_NONE;
}

/* mode(): None before one is set (a pin left as it was). */
static px_val pin_mode(size_t argc, const px_val *argv) {
    px_val pin = native(argv[0]);
    if (argc == 1) {
        int m = px_pin_port_mode(pin);
        return m == PX_PIN_ASIS ? PX_NONE : px_small(m);
    }
    int m = px_machine_pin_mode(argv[1]);
    if (m != PX_PIN_ASIS) {
        px_pin_port_set_mode(pin, m);
    }
    return PX_NONE;
}

/* pull(): None for no pull (or one the pin has that Pin did not set). */
static px_val pin_pull(size_t argc, const px_val *argv) {
    px_val pin = native(argv[0]);
    if (argc == 1) {
        int p = px_pin_port_pull(pin);
        return p == PX_PIN_PULL_UP || p == PX_PIN_PULL_DOWN ? px_small(p) : PX_NONE;
    }
    int p = px_machine_pin_pull(argv[1]);
    if (p != PX_PIN_PULL_KEEP) {
        px_pin_port_set_pull(pin, p);
    }
    return PX_NONE;
}

static PX_METHV(pin_value_obj, &px_type_pin_base, value, 1, 2, pin_value);
static PX_METH1(pin_on_obj, &px_type_pin_base, on, pin_on);
static PX_METH1(pin_off_obj, &px_type_pin_base, off, pin_off);
static PX_METH1(pin_high_obj, &px_type_pin_base, high, pin_on);
static PX_METH1(pin_low_obj, &px_type_pin_base, low, pin_off);
static PX_METH1(pin_toggle_obj, &px_type_pin_base, toggle, pin_toggle);
static PX_METHV(pin_mode_obj, &px_type_pin_base, mode, 1, 2, pin_mode);
static PX_METHV(pin_pull_obj, &px_type_pin_base, pull, 1, 2, pin_pull);

/* Sorted by name bytes (uppercase before lowercase). */
static const px_map_entry pin_table[] = {
    PX_ENTRY(IN, PX_SMALL_CONST(PX_PIN_IN)),
    PX_ENTRY(IRQ_FALLING, PX_SMALL_CONST(PX_PIN_IRQ_FALLING)),
    PX_ENTRY(IRQ_HIGH_LEVEL, PX_SMALL_CONST(PX_PIN_IRQ_HIGH_LEVEL)),
    PX_ENTRY(IRQ_LOW_LEVEL, PX_SMALL_CONST(PX_PIN_IRQ_LOW_LEVEL)),
    PX_ENTRY(IRQ_RISING, PX_SMALL_CONST(PX_PIN_IRQ_RISING)),
    PX_ENTRY(OPEN_DRAIN, PX_SMALL_CONST(PX_PIN_OPEN_DRAIN)),
    PX_ENTRY(OUT, PX_SMALL_CONST(PX_PIN_OUT)),
    PX_ENTRY(PULL_DOWN, PX_SMALL_CONST(PX_PIN_PULL_DOWN)),
    PX_ENTRY(PULL_UP, PX_SMALL_CONST(PX_PIN_PULL_UP)),
    PX_ENTRY_OBJ(high, &pin_high_obj),
    PX_ENTRY_OBJ(low, &pin_low_obj),
    PX_ENTRY_OBJ(mode, &pin_mode_obj),
    PX_ENTRY_OBJ(off, &pin_off_obj),
    PX_ENTRY_OBJ(on, &pin_on_obj),
    PX_ENTRY_OBJ(pull, &pin_pull_obj),
    PX_ENTRY_OBJ(toggle, &pin_toggle_obj),
    PX_ENTRY_OBJ(value, &pin_value_obj),
};
static PX_CONST_MAP(pin_dict, pin_table);

/* Not in any module: a base class only, never made itself. */
const px_type px_type_pin_base = {
    .base = {&px_type_type},
    .name = PX_Q(Pin),
    .base_type = &px_type_object,
    .dict = &pin_dict,
};
