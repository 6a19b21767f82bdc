/* GPIO chip and line discovery: scan /dev/gpiochip* once, in numeric
 * order, and keep each chip's label and line names for look-ups by name. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "gpio_chip.h"

#define MAX_CHIPS 64

static struct {
    px_gpio_chip *chips; /* GC block of n chips; a GC root */
    size_t n;
    bool scanned;
    bool rooted;
} disc;

static int chip_open(unsigned num) {
    char path[48];
    snprintf(path, sizeof path, "/dev/gpiochip%u", num);
    return open(path, O_RDWR | O_CLOEXEC);
}

/* "gpiochip12" -> 12; -1 if the name is not of that form. */
static long chip_number(const char *name) {
    if (strncmp(name, "gpiochip", 8) != 0 || name[8] < '0' || name[8] > '9') {
        return -1;
    }
    char *end;
    long n = strtol(name + 8, &end, 10);
    return *end == '\0' && n >= 0 && n < 1000000 ? n : -1;
}

static int cmp_unsigned(const void *a, const void *b) {
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x > y) - (x < y);
}

static size_t list_chip_numbers(unsigned *nums, size_t max) {
    DIR *d = opendir("/dev");
    if (d == NULL) {
        return 0;
    }
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max) {
        long num = chip_number(e->d_name);
        if (num >= 0) {
            nums[n++] = (unsigned)num;
        }
    }
    closedir(d);
    qsort(nums, n, sizeof nums[0], cmp_unsigned);
    return n;
}

static int line_info_fd(int fd, unsigned line, px_gpio_line_info *out) {
    struct gpio_v2_line_info info;
    memset(&info, 0, sizeof info);
    info.offset = line;
    if (ioctl(fd, GPIO_V2_GET_LINEINFO_IOCTL, &info) < 0) {
        return errno;
    }
    memset(out, 0, sizeof *out);
    memcpy(out->name, info.name, sizeof out->name - 1);
    memcpy(out->consumer, info.consumer, sizeof out->consumer - 1);
    out->flags = info.flags;
    for (unsigned i = 0; i < info.num_attrs && i < GPIO_V2_LINE_NUM_ATTRS_MAX; i++) {
        if (info.attrs[i].id == GPIO_V2_LINE_ATTR_ID_DEBOUNCE) {
            out->debounce_us = info.attrs[i].debounce_period_us;
        }
    }
    return 0;
}

/* Fill c from the device; a chip we may not open is kept with err set, so
 * look-ups can say why they failed. */
static void chip_read(px_gpio_chip *c, unsigned num) {
    c->num = num;
    snprintf(c->dev, sizeof c->dev, "gpiochip%u", num);
    int fd = chip_open(num);
    if (fd < 0) {
        c->err = errno;
        return;
    }
    struct gpiochip_info info;
    memset(&info, 0, sizeof info);
    if (ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &info) < 0) {
        c->err = errno;
        close(fd);
        return;
    }
    memcpy(c->label, info.label, sizeof c->label - 1);
    c->names = px_gc_try_alloc((size_t)info.lines * PX_GPIO_NAME_MAX + 1, PX_GC_LEAF);
    if (c->names == NULL) {
        close(fd);
        px_raise_memory_error();
    }
    c->nlines = info.lines;
    for (unsigned i = 0; i < info.lines; i++) {
        px_gpio_line_info li;
        if (line_info_fd(fd, i, &li) == 0) {
            memcpy(c->names[i], li.name, PX_GPIO_NAME_MAX);
        }
    }
    close(fd);
}

const px_gpio_chip *px_gpio_chips(size_t *n, bool rescan) {
    if (!disc.scanned || rescan) {
        if (!disc.rooted) {
            px_gc_add_root(&disc.chips, sizeof disc.chips);
            disc.rooted = true;
        }
        unsigned nums[MAX_CHIPS];
        size_t count = list_chip_numbers(nums, MAX_CHIPS);
        px_gpio_chip *chips = px_gc_alloc((count ? count : 1) * sizeof *chips, 0);
        for (size_t i = 0; i < count; i++) {
            chip_read(&chips[i], nums[i]);
        }
        disc.chips = chips; /* old Pins keep the old table alive */
        disc.n = count;
        disc.scanned = true;
    }
    *n = disc.n;
    return disc.chips;
}

static bool text_is(const char *s, const char *text, size_t len) {
    return strlen(s) == len && memcmp(s, text, len) == 0;
}

static const px_gpio_chip *find_chip_once(const char *id, size_t len, bool rescan) {
    size_t n;
    const px_gpio_chip *chips = px_gpio_chips(&n, rescan);
    if (len > 5 && memcmp(id, "/dev/", 5) == 0) {
        id += 5;
        len -= 5;
    }
    for (size_t i = 0; i < n; i++) {
        if (text_is(chips[i].dev, id, len) || (chips[i].label[0] && text_is(chips[i].label, id, len))) {
            return &chips[i];
        }
    }
    return NULL;
}

const px_gpio_chip *px_gpio_chip_find(const char *id, size_t len) {
    const px_gpio_chip *c = find_chip_once(id, len, false);
    return c != NULL ? c : find_chip_once(id, len, true); /* plugged in since? */
}

static bool find_line_once(const char *name, size_t len, bool rescan, const px_gpio_chip **chip,
                           unsigned *line) {
    size_t n;
    const px_gpio_chip *chips = px_gpio_chips(&n, rescan);
    for (size_t i = 0; i < n; i++) {
        for (unsigned k = 0; k < chips[i].nlines; k++) {
            if (text_is(chips[i].names[k], name, len)) {
                *chip = &chips[i];
                *line = k;
                return true;
            }
        }
    }
    return false;
}

bool px_gpio_line_find(const char *name, size_t len, const px_gpio_chip **chip, unsigned *line) {
    return len > 0 && len < PX_GPIO_NAME_MAX &&
           (find_line_once(name, len, false, chip, line) || find_line_once(name, len, true, chip, line));
}

/* A Raspberry-Pi-style header name: "GPIO" and digits. */
static bool is_header_name(const char *s) {
    if (strncmp(s, "GPIO", 4) != 0 || s[4] == '\0') {
        return false;
    }
    for (s += 4; *s; s++) {
        if (*s < '0' || *s > '9') {
            return false;
        }
    }
    return true;
}

const px_gpio_chip *px_gpio_default_chip(void) {
    const px_gpio_chip *c = px_gpio_board_default_chip();
    if (c != NULL) {
        return c;
    }
    size_t n;
    const px_gpio_chip *chips = px_gpio_chips(&n, false);
    if (n == 0) {
        chips = px_gpio_chips(&n, true);
    }
    if (n == 0) {
        px_gpio_raise_no_chip("/dev/gpiochip0");
    }
    for (size_t i = 0; i < n; i++) {
        for (unsigned k = 0; k < chips[i].nlines; k++) {
            if (is_header_name(chips[i].names[k])) {
                return &chips[i];
            }
        }
    }
    return &chips[0];
}

bool px_gpio_chip_present(const px_gpio_chip *chip) {
    if (chip->err != 0) {
        return true; /* as unopenable as before: the request says why */
    }
    int fd = chip_open(chip->num);
    if (fd < 0) {
        return errno != ENOENT && errno != ENODEV && errno != ENXIO;
    }
    struct gpiochip_info info;
    memset(&info, 0, sizeof info);
    int r = ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &info);
    close(fd);
    return r == 0 && info.lines == chip->nlines && strncmp(info.label, chip->label, sizeof chip->label) == 0;
}

int px_gpio_line_info_get(const px_gpio_chip *chip, unsigned line, px_gpio_line_info *out) {
    int fd = chip_open(chip->num);
    if (fd < 0) {
        return errno;
    }
    int err = line_info_fd(fd, line, out);
    close(fd);
    return err;
}
