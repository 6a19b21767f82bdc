/* What a Pin id names: an int (a line of the default chip), a line name
 * or board pin name, or a (chip, line) tuple with the chip's label or
 * device name. */
#include <stdio.h>
#include <string.h>

#include "machine_pin.h"

static unsigned line_in_chip(const px_gpio_chip *c, px_val v) {
    if (c->err != 0) {
        px_gpio_raise(c->err, c, 0);
    }
    px_int l = px_index(v);
    if (l < 0 || (uint64_t)l >= c->nlines) {
        px_raise_value_error("pin %lld out of range: %s (%s) has %u lines", (long long)l, c->dev,
                             c->label, c->nlines);
    }
    return (unsigned)l;
}

/* The first chip that could not be opened (to report instead of "not found"). */
static const px_gpio_chip *unreadable_chip(void) {
    size_t n;
    const px_gpio_chip *chips = px_gpio_chips(&n, false);
    if (n == 0) {
        px_gpio_raise_no_chip("/dev/gpiochip0");
    }
    for (size_t i = 0; i < n; i++) {
        if (chips[i].err != 0) {
            return &chips[i];
        }
    }
    return NULL;
}

void px_pin_resolve(px_val id, const px_gpio_chip **chip, unsigned *line) {
    if (px_is_int(id) && !px_is_bool(id)) {
        *chip = px_gpio_default_chip();
        *line = line_in_chip(*chip, id);
        return;
    }
    if (px_is_str(id)) {
        size_t len;
        const char *s = px_str_data(id, &len);
        if (px_gpio_board_pin(s, len, chip, line) || px_gpio_line_find(s, len, chip, line)) {
            return;
        }
        const px_gpio_chip *bad = unreadable_chip();
        if (bad != NULL) {
            px_gpio_raise(bad->err, bad, 0);
        }
        px_raise_value_error("no GPIO line named '%.*s' (list them with 'micropython -m gpio')",
                             (int)(len < 64 ? len : 64), s);
    }
    size_t n;
    px_val *items = px_is_tuple(id) ? px_seq_items(id, &n) : NULL;
    if (items != NULL && n == 2 && px_is_str(items[0])) {
        size_t len;
        const char *s = px_str_data(items[0], &len);
        *chip = px_gpio_chip_find(s, len);
        if (*chip == NULL) {
            size_t count;
            px_gpio_chips(&count, false);
            if (count == 0) {
                char what[80];
                snprintf(what, sizeof what, strncmp(s, "gpiochip", 8) == 0 ? "/dev/%.*s" : "GPIO chip '%.*s'",
                         (int)(len < 40 ? len : 40), s);
                px_gpio_raise_no_chip(what);
            }
            px_raise_value_error("no GPIO chip '%.*s' (list them with 'micropython -m gpio')",
                                 (int)(len < 40 ? len : 40), s);
        }
        *line = line_in_chip(*chip, items[1]);
        return;
    }
    if (items != NULL) {
        px_raise_type_error("a Pin id tuple must be (chip, line): a chip label or device name, and a line number");
    }
    px_raise_type_error("Pin id must be an int, a line name or a (chip, line) tuple, not '%s'",
                        px_type_name(id));
}
