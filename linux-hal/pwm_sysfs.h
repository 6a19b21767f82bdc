/* PWM through sysfs (/sys/class/pwm): chips, exporting a channel, and its
 * attributes period, duty_cycle (nanoseconds), polarity and enable.
 * Chip numbers are not stable (they follow probe order), so a chip is
 * found by its device or driver name. Functions return 0 or an errno
 * value; px_pwm_raise turns one into an OSError naming the file and the
 * fix. */
#ifndef PX_PWM_SYSFS_H
#define PX_PWM_SYSFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hal_error.h"

#define PX_PWM_CLASS "/sys/class/pwm"

typedef struct px_pwm_chip {
    unsigned num;    /* N of pwmchipN */
    unsigned npwm;   /* channels */
    char device[64]; /* its device's name: "px-pwm-sim.0", "1f00098000.pwm" */
    char driver[48]; /* its driver's name, "" if none */
} px_pwm_chip;

/* ---- pwm_sysfs.c */
/* The chip id names: "pwmchipN", a device name, a driver name that only
 * one chip has, or the sysfs path of the device or chip. Raises when
 * there is none or several. */
void px_pwm_find_chip(const char *id, size_t len, px_pwm_chip *out);
/* Export the channel unless it already is (by us before, or another
 * program), then wait up to PX_PWM_UDEV_WAIT_MS for its files to become
 * writable: udev sets their group after the export. */
#define PX_PWM_UDEV_WAIT_MS 2000
int px_pwm_export(const px_pwm_chip *c, unsigned ch, char *failed, size_t size);
int px_pwm_unexport(const px_pwm_chip *c, unsigned ch);
/* Read or write one attribute of the channel. */
int px_pwm_read(const px_pwm_chip *c, unsigned ch, const char *attr, char *buf, size_t size);
int px_pwm_read_u64(const px_pwm_chip *c, unsigned ch, const char *attr, uint64_t *v);
int px_pwm_write(const px_pwm_chip *c, unsigned ch, const char *attr, const char *value);
int px_pwm_write_u64(const px_pwm_chip *c, unsigned ch, const char *attr, uint64_t v);

/* ---- pwm_errors.c */
/* OSError for err on the channel; `what` names the file or the step. */
PX_NORETURN void px_pwm_raise(int err, const px_pwm_chip *c, unsigned ch, const char *what);

#endif
