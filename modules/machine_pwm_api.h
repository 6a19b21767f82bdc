/* machine.PWM's Python-facing layer, shared by every port: the settings
 * PWM(dest, *, freq, duty_u16, duty_ns, invert) and init() take (names,
 * checks, "not both" duty forms), and the freq/duty_u16/duty_ns getters
 * and setters, over a narrow driver each port provides. A port's PWM type
 * names px_type_pwm_bus as its base_type and its px_pwm_driver as its
 * `proto`; it keeps the destination (a pin, a chip channel), deinit and
 * the repr. A setting not given keeps what the output has; a duty set as
 * a ratio (duty_u16) keeps its ratio across a change of frequency, one set
 * as a pulse width (duty_ns) its width. Nothing here touches an OS or a
 * register. */
#ifndef PX_MACHINE_PWM_API_H
#define PX_MACHINE_PWM_API_H

#include "runtime.h"

enum { PX_PWM_DUTY_KEEP, PX_PWM_DUTY_U16, PX_PWM_DUTY_NS };

typedef struct px_pwm_settings {
    uint32_t freq; /* Hz, 0: keep */
    int duty_kind; /* PX_PWM_DUTY_*: KEEP keeps the last setting */
    uint64_t duty; /* the duty_u16 value (0..65535), or ns */
    int invert;    /* 0 or 1, -1: keep */
} px_pwm_settings;

typedef struct px_pwm_driver {
    /* ValueError when the output was released by deinit(). */
    void (*check)(px_val self);
    /* The output as it is: frequency in Hz, duty as 0..65535 and in ns. */
    uint64_t (*get_freq)(px_val self);
    uint32_t (*get_duty_u16)(px_val self);
    uint64_t (*get_duty_ns)(px_val self);
    /* Apply the settings (taking the output again after deinit()) and
     * enable it. ValueError for a duty_ns longer than the period, or a
     * frequency the hardware cannot make. */
    void (*apply)(px_val self, const px_pwm_settings *s);
} px_pwm_driver;

/* The base of every PWM class: the shared methods. */
extern const px_type px_type_pwm_bus;

/* PWM(dest, **settings): dest (argv[0], checked to be the one positional
 * argument) is the port's to resolve; invert defaults to False. */
void px_pwm_parse_make(size_t argc, const px_val *argv, px_val kwnames, px_pwm_settings *s);

#endif
