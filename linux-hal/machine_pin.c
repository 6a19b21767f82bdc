/* machine.Pin on the GPIO character device: naming a line, requesting it,
 * configuring it in place, reading and driving it, releasing it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "machine_pin.h"
#include "machine_pin_api.h"

#define DEFAULT_EVENT_BUFFER 256

/* ---- the lines this program holds, so Pin(17) twice gives one object.
 * The table is a leaf block: it does not keep pins alive; a pin leaves it
 * when released (deinit or its finalizer). */
static struct {
    px_pin **pins;
    size_t n, cap;
    bool rooted;
} held;

static px_pin *held_find(unsigned chip, unsigned line) {
    for (size_t i = 0; i < held.n; i++) {
        if (held.pins[i]->chip->num == chip && held.pins[i]->line == line) {
            return held.pins[i];
        }
    }
    return NULL;
}

static void held_add(px_pin *p) {
    if (!held.rooted) {
        px_gc_add_root(&held.pins, sizeof held.pins);
        held.rooted = true;
    }
    if (held.n == held.cap) {
        size_t cap = held.cap ? held.cap * 2 : 16;
        held.pins = px_gc_realloc(held.pins, cap * sizeof *held.pins, PX_GC_LEAF);
        held.cap = cap;
    }
    held.pins[held.n++] = p;
}

static void held_remove(px_pin *p) {
    for (size_t i = 0; i < held.n; i++) {
        if (held.pins[i] == p) {
            held.pins[i] = held.pins[--held.n];
            return;
        }
    }
}

/* ---- naming a line */

void px_pin_describe(const px_pin *p, char *buf, size_t size) {
    const char *name = p->line < p->chip->nlines ? p->chip->names[p->line] : "";
    if (name[0] != '\0') {
        snprintf(buf, size, "%s", name);
    } else {
        snprintf(buf, size, "%s line %u", p->chip->dev, p->line);
    }
}

/* ---- requesting and configuring */

static uint64_t pin_line_flags(const px_pin *p) {
    uint64_t f;
    switch (p->mode) {
    case PX_PIN_IN:
        f = GPIO_V2_LINE_FLAG_INPUT | px_pin_irq_line_flags(p);
        break;
    case PX_PIN_OUT:
        f = GPIO_V2_LINE_FLAG_OUTPUT;
        break;
    case PX_PIN_OPEN_DRAIN:
        f = GPIO_V2_LINE_FLAG_OUTPUT | GPIO_V2_LINE_FLAG_OPEN_DRAIN;
        break;
    default:
        return 0; /* as is: the kernel keeps direction and bias */
    }
    switch (p->pull) {
    case PX_PIN_PULL_UP:
        f |= GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
        break;
    case PX_PIN_PULL_DOWN:
        f |= GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN;
        break;
    case PX_PIN_PULL_NONE:
        f |= GPIO_V2_LINE_FLAG_BIAS_DISABLED;
        break;
    default:
        break;
    }
    return f;
}

static bool is_output(const px_pin *p) {
    return p->mode == PX_PIN_OUT || p->mode == PX_PIN_OPEN_DRAIN;
}

/* After an as-is request: take mode, pull and output value from the line. */
static void adopt_line_state(px_pin *p) {
    px_gpio_line_info li;
    p->mode = PX_PIN_IN;
    if (px_gpio_line_info_get(p->chip, p->line, &li) != 0) {
        return;
    }
    if (li.flags & GPIO_V2_LINE_FLAG_OUTPUT) {
        p->mode = (li.flags & GPIO_V2_LINE_FLAG_OPEN_DRAIN) ? PX_PIN_OPEN_DRAIN : PX_PIN_OUT;
    }
    p->pull = (li.flags & GPIO_V2_LINE_FLAG_BIAS_PULL_UP)     ? PX_PIN_PULL_UP
              : (li.flags & GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN) ? PX_PIN_PULL_DOWN
              : (li.flags & GPIO_V2_LINE_FLAG_BIAS_DISABLED)  ? PX_PIN_PULL_NONE
                                                              : PX_PIN_PULL_KEEP;
    p->debounce_us = li.debounce_us;
    int v;
    if (is_output(p) && px_gpio_get_value(p->fd, &v) == 0) {
        p->out_value = v;
    }
}

static void pin_request(px_pin *p) {
    char consumer[PX_GPIO_NAME_MAX];
    if (p->consumer != PX_NULL) {
        size_t len;
        const char *c = px_str_data(p->consumer, &len);
        snprintf(consumer, sizeof consumer, "%.*s", (int)len, c);
    } else {
        snprintf(consumer, sizeof consumer, "micropython[%ld]", (long)getpid());
    }
    px_gpio_config cfg = {pin_line_flags(p), p->out_value, p->debounce_us};
    int fd, err = px_gpio_request(p->chip, p->line, consumer, &cfg, p->event_buffer, &fd);
    if (err != 0) {
        px_gpio_raise(err, p->chip, p->line);
    }
    p->fd = fd;
    p->gone = false;
    held_add(p);
    if (p->mode == PX_PIN_ASIS) {
        /* the line keeps its direction; settings given with it apply now */
        int pull = p->pull;
        uint32_t debounce = p->debounce_us;
        adopt_line_state(p);
        if (pull != PX_PIN_PULL_KEEP || debounce != 0) {
            p->pull = pull != PX_PIN_PULL_KEEP ? pull : p->pull;
            p->debounce_us = debounce != 0 ? debounce : p->debounce_us;
            px_pin_apply(p);
        }
    }
    px_pin_irq_attach(p);
}

static void pin_release(px_pin *p) {
    if (p->fd >= 0) {
        px_pin_irq_detach(p);
        held_remove(p);
        px_gpio_close(p->fd);
        p->fd = -1;
    }
}

/* The chip is gone (ENODEV): the request is useless, so let go of it; the
 * Pin says so until deinit() or init(). The next look-up rescans. */
static bool is_gone_error(int err) {
    return err == ENODEV || err == ENXIO;
}

static void pin_mark_gone(px_pin *p) {
    pin_release(p);
    p->gone = true;
    size_t n;
    px_gpio_chips(&n, true);
}

PX_NORETURN static void pin_fail(px_pin *p, int err) {
    if (is_gone_error(err)) {
        pin_mark_gone(p);
    }
    px_gpio_raise(err, p->chip, p->line);
}

/* Whether a held Pin's chip was unplugged (it is then released). */
static bool pin_vanished(px_pin *p) {
    int v;
    if (p->fd >= 0 && is_gone_error(px_gpio_get_value(p->fd, &v))) {
        pin_mark_gone(p);
        return true;
    }
    return false;
}

static void check_held(const px_pin *p) {
    if (p->gone) {
        px_gpio_raise(ENODEV, p->chip, p->line);
    }
    if (p->fd < 0) {
        char d[64];
        px_pin_describe(p, d, sizeof d);
        px_raise_value_error("Pin %s was released by deinit(); call init() to request it again", d);
    }
}

void px_pin_apply(px_pin *p) {
    if (p->fd < 0) {
        pin_request(p);
        return;
    }
    px_gpio_config cfg = {pin_line_flags(p), p->out_value, p->debounce_us};
    int err = px_gpio_set_config(p->fd, &cfg);
    if (err != 0) {
        pin_fail(p, err);
    }
}

/* px_pin_apply, putting back the settings in `before` if the kernel
 * refuses the new ones (so the Pin still describes its line). */
static void apply_or_restore(px_pin *p, const px_pin *before) {
    px_jmp j;
    px_try_push(&j);
    if (setjmp(j.buf) == 0) {
        px_pin_apply(p);
        px_try_pop(&j);
        return;
    }
    p->mode = before->mode;
    p->pull = before->pull;
    p->debounce_us = before->debounce_us;
    p->out_value = before->out_value;
    px_raise(j.exc);
}

void px_pin_rerequest(px_pin *p) {
    pin_release(p);
    pin_request(p);
}

int px_pin_read(px_pin *p) {
    check_held(p);
    int v, err = px_gpio_get_value(p->fd, &v);
    if (err != 0) {
        pin_fail(p, err);
    }
    return v;
}

void px_pin_write(px_pin *p, int v) {
    check_held(p);
    p->out_value = v != 0;
    if (is_output(p)) {
        int err = px_gpio_set_value(p->fd, p->out_value);
        if (err != 0) {
            pin_fail(p, err);
        }
    }
    /* an input keeps the value in its output buffer (MicroPython's rule) */
}

/* ---- arguments of Pin() and init() */

enum { A_ID, A_MODE, A_PULL, A_VALUE, A_DRIVE, A_ALT, A_CONSUMER, A_DEBOUNCE, A__COUNT };

static const px_argspec pin_spec[A__COUNT] = {
    {PX_Q(id), PX_ARG_REQUIRED, PX_NULL},
    {PX_Q(mode), 0, PX_UNSET},
    {PX_Q(pull), 0, PX_UNSET},
    {PX_Q(value), PX_ARG_KWONLY, PX_NONE},
    {PX_Q(drive), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(alt), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(consumer), PX_ARG_KWONLY, PX_UNSET},
    {PX_Q(debounce), PX_ARG_KWONLY, PX_UNSET},
};

typedef struct {
    int mode;  /* PX_PIN_ASIS: not given */
    int pull;  /* PX_PIN_PULL_KEEP: not given */
    int value; /* -1: not given */
    long long debounce; /* -1: not given */
    px_val consumer;    /* PX_NULL: not given */
} pin_settings;

static bool is_minus_one(px_val v) {
    return px_is_small(v) && px_small_get(v) == -1;
}

static void parse_settings(const px_val *a, pin_settings *s) {
    s->mode = px_machine_pin_mode(a[A_MODE]);
    s->pull = px_machine_pin_pull(a[A_PULL]);
    s->value = a[A_VALUE] == PX_NONE ? -1 : px_truthy(a[A_VALUE]);
    if (a[A_DRIVE] != PX_UNSET && px_index(a[A_DRIVE]) != 0) {
        px_raise_value_error("drive strength cannot be set through the Linux GPIO interface");
    }
    if (a[A_ALT] != PX_UNSET && !is_minus_one(a[A_ALT])) {
        px_raise_value_error("alternate functions are chosen by the kernel (device tree), not by Pin");
    }
    s->debounce = -1;
    if (a[A_DEBOUNCE] != PX_UNSET) {
        px_int us = a[A_DEBOUNCE] == PX_NONE ? 0 : px_index(a[A_DEBOUNCE]);
        if (us < 0 || us > 100000000) {
            px_raise_value_error("debounce must be 0..100000000 microseconds");
        }
        s->debounce = us;
    }
    s->consumer = PX_NULL;
    if (a[A_CONSUMER] != PX_UNSET && a[A_CONSUMER] != PX_NONE) {
        size_t len;
        const char *c = px_str_data(a[A_CONSUMER], &len); /* TypeError if not a str */
        if (len == 0 || len >= PX_GPIO_NAME_MAX || memchr(c, 0, len) != NULL) {
            px_raise_value_error("consumer must be 1 to %d bytes", PX_GPIO_NAME_MAX - 1);
        }
        s->consumer = a[A_CONSUMER];
    }
}

static void apply_settings(px_pin *p, const pin_settings *s) {
    if (p->gone && !px_gpio_chip_present(p->chip)) {
        px_gpio_raise(ENODEV, p->chip, p->line); /* still unplugged */
    }
    px_pin before = *p;
    bool reconfigure = p->fd < 0;
    if (s->consumer != PX_NULL) {
        p->consumer = s->consumer; /* takes effect at the next request */
    }
    if (s->value >= 0) {
        p->out_value = s->value;
    }
    if (s->mode != PX_PIN_ASIS && s->mode != p->mode) {
        p->mode = s->mode;
        reconfigure = true;
    }
    if (s->pull != PX_PIN_PULL_KEEP && s->pull != p->pull) {
        p->pull = s->pull;
        reconfigure = true;
    }
    if (s->debounce >= 0 && (uint32_t)s->debounce != p->debounce_us) {
        p->debounce_us = (uint32_t)s->debounce;
        reconfigure = true;
    }
    if (reconfigure) {
        apply_or_restore(p, &before); /* an output gets out_value with its configuration */
    } else if (s->value >= 0) {
        px_pin_write(p, s->value);
    }
    if (s->value >= 0 && s->mode == PX_PIN_ASIS && is_output(p)) {
        px_pin_write(p, s->value); /* as-is request found an output */
    }
}

px_val px_pin_new(size_t argc, const px_val *argv, px_val kwnames) {
    px_val a[A__COUNT];
    px_parse_args(PX_Q(Pin), argc, argv, kwnames, A__COUNT, pin_spec, a);
    pin_settings s;
    parse_settings(a, &s);
    const px_gpio_chip *chip;
    unsigned line;
    px_pin_resolve(a[A_ID], &chip, &line);
    px_pin *p = held_find(chip->num, line);
    if (p != NULL ? pin_vanished(p) : !px_gpio_chip_present(chip)) {
        /* unplugged since discovery (maybe back under another number) */
        size_t n;
        px_gpio_chips(&n, true);
        px_pin_resolve(a[A_ID], &chip, &line);
        p = held_find(chip->num, line);
    }
    if (p == NULL) {
        p = px_gc_alloc(sizeof *p, PX_GC_FINALIZE);
        p->base.type = &px_type_pin;
        p->chip = chip;
        p->line = line;
        p->fd = -1;
        p->mode = PX_PIN_ASIS;
        p->pull = PX_PIN_PULL_KEEP;
        p->consumer = PX_NULL;
        p->event_buffer = DEFAULT_EVENT_BUFFER;
    }
    apply_settings(p, &s);
    return px_from_ptr(p);
}

px_pin *px_pin_of(px_val v) {
    return (px_pin *)px_as_ptr(px_native(v, &px_type_pin));
}

/* ---- slots */

static px_val pin_make(const px_type *type, size_t argc, const px_val *argv, px_val kwnames) {
    return px_pin_new(argc, argv, kwnames);
}

static void pin_finalize(px_obj *o) {
    pin_release((px_pin *)o);
}

static void pin_print(px_out *out, px_val self, px_print_kind kind) {
    px_pin *p = px_pin_of(self);
    const char *name = p->line < p->chip->nlines ? p->chip->names[p->line] : "";
    if (name[0] != '\0') {
        px_printf(out, "Pin('%s'", name);
    } else {
        px_printf(out, "Pin(('%s', %u)", p->chip->dev, p->line);
    }
    if (p->fd < 0) {
        px_write_cstr(out, p->gone ? ", chip gone)" : ", released)");
        return;
    }
    px_pin_print_settings(out, p->mode, p->pull);
}

static px_val pin_getattr(px_val self, px_qid name) {
    px_pin *p = px_pin_of(self);
    if (name == PX_Q(chip)) {
        return px_str_cstr(p->chip->dev);
    }
    if (name == PX_Q(line)) {
        return px_small(p->line);
    }
    return PX_NULL;
}

/* ---- methods */

static px_val pin_init(size_t argc, const px_val *argv, px_val kwnames) {
    px_pin *p = px_pin_of(argv[0]);
    px_val a[A__COUNT];
    a[A_ID] = argv[0];
    px_parse_args(PX_Q(init), argc - 1, argv + 1, kwnames, A__COUNT - 1, pin_spec + 1, a + 1);
    pin_settings s;
    parse_settings(a, &s);
    apply_settings(p, &s);
    return PX_NONE;
}

/* ---- the port's part of the shared methods (machine_pin_api.h) */

int px_pin_port_read(px_val pin) {
    return px_pin_read(px_pin_of(pin));
}

void px_pin_port_write(px_val pin, int value) {
    px_pin_write(px_pin_of(pin), value);
}

int px_pin_port_out_value(px_val pin) {
    px_pin *p = px_pin_of(pin);
    check_held(p);
    return p->out_value;
}

int px_pin_port_mode(px_val pin) {
    px_pin *p = px_pin_of(pin);
    check_held(p);
    return p->mode;
}

int px_pin_port_pull(px_val pin) {
    px_pin *p = px_pin_of(pin);
    check_held(p);
    return p->pull;
}

void px_pin_port_set_mode(px_val pin, int mode) {
    px_pin *p = px_pin_of(pin);
    if (mode != p->mode) {
        px_pin before = *p;
        p->mode = mode;
        apply_or_restore(p, &before);
    }
}

void px_pin_port_set_pull(px_val pin, int pull) {
    px_pin *p = px_pin_of(pin);
    if (pull != p->pull) {
        px_pin before = *p;
        p->pull = pull;
        apply_or_restore(p, &before);
    }
}

static px_val pin_name(px_val self) {
    px_pin *p = px_pin_of(self);
    const char *name = p->line < p->chip->nlines ? p->chip->names[p->line] : "";
    return name[0] ? px_str_cstr(name) : PX_NONE;
}

static px_val pin_deinit(px_val self) {
    px_pin *p = px_pin_of(self);
    pin_release(p);
    p->gone = false;
    return PX_NONE;
}

static PX_METHKW(pin_init_obj, &px_type_pin, init, 1, 3, pin_init);
static PX_METHKW(pin_irq_obj, &px_type_pin, irq, 1, 3, px_pin_irq_method);
static PX_METH1(pin_name_obj, &px_type_pin, name, pin_name);
static PX_METH1(pin_deinit_obj, &px_type_pin, deinit, pin_deinit);

/* Sorted by name bytes. */
static const px_map_entry pin_table[] = {
    PX_ENTRY_OBJ(deinit, &pin_deinit_obj),
    PX_ENTRY_OBJ(init, &pin_init_obj),
    PX_ENTRY_OBJ(irq, &pin_irq_obj),
    PX_ENTRY_OBJ(list, &px_pin_list_obj),
    PX_ENTRY_OBJ(name, &pin_name_obj),
};
static PX_CONST_MAP(pin_dict, pin_table);

const px_type *const px_machine_pin_type = &px_type_pin; /* for Signal */

const px_type px_type_pin = {
    .base = {&px_type_type},
    .name = PX_Q(Pin),
    .base_type = &px_type_pin_base,
    .dict = &pin_dict,
    .make = pin_make,
    .print = pin_print,
    .call = px_pin_call,
    .getattr = pin_getattr,
    .finalize = pin_finalize,
    .proto = &px_pin_stream,
};
