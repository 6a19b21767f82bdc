/* Discovery for people: which chips and lines exist, which are free, and
 * who holds the busy ones. `micropython -m gpio` and machine.Pin.list()
 * print the table; gpio.chips() and gpio.lines() return the same data. */
#include <errno.h>
#include <string.h>

#include "machine_pin.h"

static const char *direction(uint64_t flags) {
    return (flags & GPIO_V2_LINE_FLAG_OUTPUT) ? "output" : "input";
}

static px_val str_or_none(const char *s) {
    return s[0] ? px_str_cstr(s) : PX_NONE;
}

void px_gpio_print_table(px_out *out) {
    size_t n;
    const px_gpio_chip *chips = px_gpio_chips(&n, true);
    if (n == 0) {
        px_write_cstr(out, "no GPIO chips: /dev/gpiochip* does not exist on this system\n");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const px_gpio_chip *c = &chips[i];
        if (c->err != 0) {
            px_printf(out, "%s: cannot open /dev/%s: %s%s\n", c->dev, c->dev, px_port_strerror(c->err),
                      c->err == EACCES ? " (see 'Errors' in docs/gpio.md: group 'gpio' or a udev rule)" : "");
            continue;
        }
        px_printf(out, "%s [%s] %u lines\n", c->dev, c->label, c->nlines);
        px_printf(out, "  %4s  %-16s %-9s %s\n", "line", "name", "direction", "consumer");
        for (unsigned k = 0; k < c->nlines; k++) {
            px_gpio_line_info li;
            if (px_gpio_line_info_get(c, k, &li) != 0) {
                px_printf(out, "  %4u  (unreadable)\n", k);
                continue;
            }
            const char *who = (li.flags & GPIO_V2_LINE_FLAG_USED) ? (li.consumer[0] ? li.consumer : "(used)") : "";
            const char *name = li.name[0] ? li.name : "-";
            if (who[0] != '\0') {
                px_printf(out, "  %4u  %-16s %-9s %s\n", k, name, direction(li.flags), who);
            } else {
                px_printf(out, "  %4u  %-16s %s\n", k, name, direction(li.flags));
            }
        }
    }
}

/* gpio.chips() -> [(device, label, lines), ...] */
static px_val gpio_chips(void) {
    size_t n;
    const px_gpio_chip *chips = px_gpio_chips(&n, true);
    px_val list = px_list_new(0, NULL);
    for (size_t i = 0; i < n; i++) {
        px_val t[3] = {px_str_cstr(chips[i].dev), str_or_none(chips[i].label), px_small(chips[i].nlines)};
        px_list_append(list, px_tuple_new(3, t));
    }
    return list;
}

/* gpio.lines() -> [(device, line, name, direction, consumer), ...];
 * name and consumer are None when unnamed / free. */
static px_val gpio_lines(void) {
    size_t n;
    const px_gpio_chip *chips = px_gpio_chips(&n, true);
    px_val list = px_list_new(0, NULL);
    for (size_t i = 0; i < n; i++) {
        const px_gpio_chip *c = &chips[i];
        if (c->err != 0) {
            px_gpio_raise(c->err, c, 0);
        }
        for (unsigned k = 0; k < c->nlines; k++) {
            px_gpio_line_info li;
            int err = px_gpio_line_info_get(c, k, &li);
            if (err != 0) {
                px_gpio_raise(err, c, k);
            }
            bool used = (li.flags & GPIO_V2_LINE_FLAG_USED) != 0;
            px_val t[5] = {px_str_cstr(c->dev), px_small(k), str_or_none(li.name),
                           px_str_cstr(direction(li.flags)),
                           used ? px_str_cstr(li.consumer) : PX_NONE};
            px_list_append(list, px_tuple_new(5, t));
        }
    }
    return list;
}

static px_val gpio_main(void) {
    px_gpio_print_table(&px_out_stdout);
    return PX_NONE;
}

static PX_FUN0(gpio_chips_obj, chips, gpio_chips);
static PX_FUN0(gpio_lines_obj, lines, gpio_lines);
static PX_FUN0(gpio_main_obj, _main, gpio_main);
static PX_FUN0(pin_list_fun, list, gpio_main);
PX_STATICMETHOD(px_pin_list_obj, &pin_list_fun);

static const px_map_entry gpio_table[] = {
    PX_ENTRY(__name__, PX_QSTR_CONST(PX_Q(gpio))),
    PX_ENTRY_OBJ(_main, &gpio_main_obj),
    PX_ENTRY_OBJ(chips, &gpio_chips_obj),
    PX_ENTRY_OBJ(lines, &gpio_lines_obj),
};
static PX_CONST_MAP(gpio_globals, gpio_table);
PX_MODULE_DEF(gpio, gpio_globals, 0, NULL);
