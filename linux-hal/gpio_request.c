/* Line requests on the GPIO character device (uAPI v2): one line per
 * request; configuration, values and edge events through the request fd. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "gpio_chip.h"

static void config_fill(struct gpio_v2_line_config *lc, const px_gpio_config *cfg) {
    memset(lc, 0, sizeof *lc);
    lc->flags = cfg->flags;
    unsigned n = 0;
    if (cfg->flags & GPIO_V2_LINE_FLAG_OUTPUT) {
        lc->attrs[n].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
        lc->attrs[n].attr.values = cfg->value ? 1 : 0;
        lc->attrs[n].mask = 1;
        n++;
    }
    if (cfg->debounce_us != 0 && (cfg->flags & GPIO_V2_LINE_FLAG_INPUT)) {
        lc->attrs[n].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
        lc->attrs[n].attr.debounce_period_us = cfg->debounce_us;
        lc->attrs[n].mask = 1;
        n++;
    }
    lc->num_attrs = n;
}

int px_gpio_request(const px_gpio_chip *chip, unsigned line, const char *consumer,
                    const px_gpio_config *cfg, uint32_t event_buffer, int *fd) {
    char path[48];
    snprintf(path, sizeof path, "/dev/gpiochip%u", chip->num);
    int cfd = open(path, O_RDWR | O_CLOEXEC);
    if (cfd < 0) {
        return errno;
    }
    struct gpio_v2_line_request req;
    memset(&req, 0, sizeof req);
    req.offsets[0] = line;
    req.num_lines = 1;
    snprintf(req.consumer, sizeof req.consumer, "%s", consumer);
    config_fill(&req.config, cfg);
    req.event_buffer_size = event_buffer;
    int err = ioctl(cfd, GPIO_V2_GET_LINE_IOCTL, &req) < 0 ? errno : 0;
    close(cfd);
    if (err != 0) {
        return err;
    }
    /* edges are read by the event poller's callback: never block there */
    int fl = fcntl(req.fd, F_GETFL);
    if (fl >= 0) {
        fcntl(req.fd, F_SETFL, fl | O_NONBLOCK);
    }
    *fd = req.fd;
    return 0;
}

int px_gpio_set_config(int fd, const px_gpio_config *cfg) {
    struct gpio_v2_line_config lc;
    config_fill(&lc, cfg);
    return ioctl(fd, GPIO_V2_LINE_SET_CONFIG_IOCTL, &lc) < 0 ? errno : 0;
}

int px_gpio_get_value(int fd, int *value) {
    struct gpio_v2_line_values v;
    memset(&v, 0, sizeof v);
    v.mask = 1;
    if (ioctl(fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &v) < 0) {
        return errno;
    }
    *value = (int)(v.bits & 1);
    return 0;
}

int px_gpio_set_value(int fd, int value) {
    struct gpio_v2_line_values v;
    memset(&v, 0, sizeof v);
    v.mask = 1;
    v.bits = value ? 1 : 0;
    return ioctl(fd, GPIO_V2_LINE_SET_VALUES_IOCTL, &v) < 0 ? errno : 0;
}

long px_gpio_read_edges(int fd, px_gpio_edge *out, size_t max) {
    struct gpio_v2_line_event ev[16];
    if (max > sizeof ev / sizeof ev[0]) {
        max = sizeof ev / sizeof ev[0];
    }
    ssize_t r;
    do {
        r = read(fd, ev, max * sizeof ev[0]);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        return errno == EAGAIN ? 0 : -(long)errno;
    }
    size_t n = (size_t)r / sizeof ev[0];
    for (size_t i = 0; i < n; i++) {
        out[i].timestamp_ns = ev[i].timestamp_ns;
        out[i].seqno = ev[i].line_seqno;
        out[i].rising = ev[i].id == GPIO_V2_LINE_EVENT_RISING_EDGE;
    }
    return (long)n;
}

void px_gpio_close(int fd) {
    if (fd >= 0) {
        close(fd);
    }
}
