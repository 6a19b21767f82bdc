/* machine.Signal: a Pin (or any object with a value() method) seen as
 * active/inactive, optionally inverted (active-low). Portable: it makes
 * and drives the port's Pin (px_machine_pin_type) through its Python
 * interface, so every port's machine module lists the same Signal. */
#include "machine_args.h"

typedef struct {
    px_obj base; /* &px_type_signal */
    px_val pin;
    bool invert;
} px_signal;

/* An id for Pin(...) rather than an object to wrap. */
static bool is_pin_id(px_val v) {
    return px_is_int(v) || px_is_str(v) || px_is_tuple(v);
}

static px_val signal_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    size_t nkw = kwnames == PX_NULL ? 0 : px_tuple_ptr(kwnames)->len;
    px_val invert = PX_FALSE;
    /* take invert= out; the other arguments are Pin's */
    px_val *args = px_gc_alloc((argc + nkw + 1) * sizeof(px_val), 0);
    px_val *names = px_gc_alloc((nkw + 1) * sizeof(px_val), 0);
    size_t n = 0;
    for (size_t i = 0; i < argc; i++) {
        args[i] = argv[i];
    }
    for (size_t k = 0; k < nkw; k++) {
        px_val name = px_tuple_ptr(kwnames)->items[k];
        if (px_str_to_qid(name) == PX_Q(invert)) {
            invert = argv[argc + k];
        } else {
            names[n] = name;
            args[argc + n] = argv[argc + k];
            n++;
        }
    }
    if (argc == 0) {
        px_raise_type_error("Signal() needs a Pin or the arguments of Pin()");
    }
    px_val pin;
    if (!is_pin_id(argv[0])) {
        if (argc > 2 || n > 0) {
            px_raise_type_error("Signal(pin_obj, invert=False) takes no other arguments");
        }
        pin = argv[0];
        if (argc == 2) {
            invert = argv[1];
        }
    } else {
        pin = px_call(px_from_ptr((void *)px_machine_pin_type), argc, args, n ? px_tuple_new(n, names) : PX_NULL);
    }
    px_signal *s = px_gc_alloc(sizeof *s, 0);
    s->base.type = &px_type_signal;
    s->pin = pin;
    s->invert = px_truthy(invert);
    return px_from_ptr(s);
}

static px_signal *signal_self(px_val v) {
    return px_as_ptr(px_native(v, &px_type_signal));
}

/* A Pin is called (pin() and pin(v) are its value()), which needs no
 * attribute look-up; anything else through its value() method. */
static int pin_get(px_val pin) {
    if (px_is_type(pin, px_machine_pin_type)) {
        return px_truthy(px_call(pin, 0, NULL, PX_NULL));
    }
    return px_truthy(px_call_method(pin, PX_Q(value), 0, NULL));
}

static void pin_set(px_val pin, int v) {
    px_val arg = px_small(v);
    if (px_is_type(pin, px_machine_pin_type)) {
        px_call(pin, 1, &arg, PX_NULL);
        return;
    }
    px_call_method(pin, PX_Q(value), 1, &arg);
}

static px_val signal_value_common(px_signal *s, size_t argc, const px_val *argv) {
    if (argc == 0) {
        return px_small(pin_get(s->pin) ^ s->invert);
    }
    pin_set(s->pin, px_truthy(argv[0]) ^ s->invert);
    return PX_NONE;
}

static px_val signal_value(size_t argc, const px_val *argv) {
    return signal_value_common(signal_self(argv[0]), argc - 1, argv + 1);
}

static px_val signal_on(px_val self) {
    px_signal *s = signal_self(self);
    pin_set(s->pin, !s->invert);
    return PX_NONE;
}

static px_val signal_off(px_val self) {
    px_signal *s = signal_self(self);
    pin_set(s->pin, s->invert);
    return PX_NONE;
}

static px_val signal_call(px_val self, size_t argc, const px_val *argv, px_val kwnames) {
    px_check_args(PX_Q(Signal), argc, kwnames, 0, 1);
    return signal_value_common(signal_self(self), argc, argv);
}

static void signal_print(px_out *out, px_val self, px_print_kind kind) {
    px_signal *s = signal_self(self);
    px_write_cstr(out, "Signal(");
    px_print(out, s->pin, PX_PRINT_REPR);
    px_printf(out, ", invert=%s)", s->invert ? "True" : "False");
}

static PX_METHV(signal_value_obj, &px_type_signal, value, 1, 2, signal_value);
static PX_METH1(signal_on_obj, &px_type_signal, on, signal_on);
static PX_METH1(signal_off_obj, &px_type_signal, off, signal_off);

static const px_map_entry signal_table[] = {
    PX_ENTRY_OBJ(off, &signal_off_obj),
    PX_ENTRY_OBJ(on, &signal_on_obj),
    PX_ENTRY_OBJ(value, &signal_value_obj),
};
static PX_CONST_MAP(signal_dict, signal_table);

const px_type px_type_signal = {
    .base = {&px_type_type},
    .name = PX_Q(Signal),
    .base_type = &px_type_object,
    .dict = &signal_dict,
    .make = signal_make,
    .print = signal_print,
    .call = signal_call,
};
