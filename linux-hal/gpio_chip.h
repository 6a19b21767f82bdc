/* The GPIO character device (uAPI v2): chip and line discovery, line
 * requests and their configuration. Functions return 0 or an errno value;
 * px_gpio_raise turns one into an OSError naming the line and the fix. */
#ifndef PX_GPIO_CHIP_H
#define PX_GPIO_CHIP_H

#include <linux/gpio.h>
#include <stdbool.h>
#include <stdint.h>

#include "hal_error.h"
#include "runtime.h"

#define PX_GPIO_NAME_MAX GPIO_MAX_NAME_SIZE

/* One chip as discovered (a GC block; line names in a leaf block). */
typedef struct px_gpio_chip {
    unsigned num;                 /* N of /dev/gpiochipN */
    unsigned nlines;
    int err;                      /* errno from opening it (EACCES), or 0 */
    char dev[PX_GPIO_NAME_MAX];   /* "gpiochipN" */
    char label[PX_GPIO_NAME_MAX]; /* the driver's label, e.g. "pinctrl-rp1" */
    char (*names)[PX_GPIO_NAME_MAX]; /* line names, "" when unnamed */
} px_gpio_chip;

/* What GPIO_V2_GET_LINEINFO_IOCTL says about a line. */
typedef struct px_gpio_line_info {
    char name[PX_GPIO_NAME_MAX];
    char consumer[PX_GPIO_NAME_MAX];
    uint64_t flags; /* GPIO_V2_LINE_FLAG_* */
    uint32_t debounce_us;
} px_gpio_line_info;

/* A requested line's configuration. */
typedef struct px_gpio_config {
    uint64_t flags;       /* GPIO_V2_LINE_FLAG_*; no direction: leave as is */
    int value;            /* initial output value for outputs */
    uint32_t debounce_us; /* 0: none */
} px_gpio_config;

/* An edge read from a request. */
typedef struct px_gpio_edge {
    uint64_t timestamp_ns;
    uint32_t seqno;
    bool rising;
} px_gpio_edge;

/* ---- discovery (gpio_chip.c) */
/* All chips, scanned once (again when rescan is true). */
const px_gpio_chip *px_gpio_chips(size_t *n, bool rescan);
/* A chip by device name ("gpiochip1") or label; NULL if none. */
const px_gpio_chip *px_gpio_chip_find(const char *id, size_t len);
/* A line by name over every chip; false if none. */
bool px_gpio_line_find(const char *name, size_t len, const px_gpio_chip **chip, unsigned *line);
/* The chip behind Pin(int): the board file's default, else the chip whose
 * lines carry header names ("GPIO17"), else the first chip. Raises when
 * there is none. */
const px_gpio_chip *px_gpio_default_chip(void);
int px_gpio_line_info_get(const px_gpio_chip *chip, unsigned line, px_gpio_line_info *out);
/* Whether /dev/gpiochipN is still the chip discovered (false once it is
 * unplugged, or another chip took its number). */
bool px_gpio_chip_present(const px_gpio_chip *chip);

/* ---- requests (gpio_request.c) */
/* Request one line; *fd receives the request (non-blocking, close-on-exec). */
int px_gpio_request(const px_gpio_chip *chip, unsigned line, const char *consumer,
                    const px_gpio_config *cfg, uint32_t event_buffer, int *fd);
int px_gpio_set_config(int fd, const px_gpio_config *cfg);
int px_gpio_get_value(int fd, int *value);
int px_gpio_set_value(int fd, int value);
/* Read up to max edges without blocking: the count, or -errno (0 when
 * none is queued). */
long px_gpio_read_edges(int fd, px_gpio_edge *out, size_t max);
void px_gpio_close(int fd);

/* ---- the board file (gpio_board.c) */
/* Look a header pin name up ("P1_11"): false if the board file has none. */
bool px_gpio_board_pin(const char *name, size_t len, const px_gpio_chip **chip, unsigned *line);
/* The PWM channel the board file puts behind a pin name ("pwm GPIO18 =
 * CHIP CHANNEL"): the chip's words (in the board text, which stays) and
 * the channel; false if the board file has none. */
bool px_gpio_board_pwm(const char *pin, size_t len, const char **chip, size_t *chiplen, unsigned *channel);
/* The board file's default chip, or NULL. */
const px_gpio_chip *px_gpio_board_default_chip(void);
/* The board file in use ($MICROPYTHON_BOARD or /etc/micropython/board). */
const char *px_gpio_board_path(void);

/* ---- errors (gpio_errors.c) */
/* OSError(err, message naming the line and what to do). chip may be NULL. */
PX_NORETURN void px_gpio_raise(int err, const px_gpio_chip *chip, unsigned line);
/* OSError for a missing GPIO subsystem / chip. */
PX_NORETURN void px_gpio_raise_no_chip(const char *what);

#endif
