/* The machine module on the RP2040: the classes share the pin table and
 * the event collection that runs between bytecodes. */
#ifndef RP_MACHINE_H
#define RP_MACHINE_H

#include "gpio.h"
#include "machine_args.h"
#include "runtime.h"

typedef struct rp_pin_irq rp_pin_irq;

typedef struct rp_pin {
    px_obj base;     /* &rp_type_pin */
    uint8_t gpio;    /* 0..29 */
    int8_t mode;     /* PX_PIN_IN/OUT/OPEN_DRAIN, or PX_PIN_ASIS before one is set */
    int8_t pull;     /* PX_PIN_PULL_* (KEEP: as the pad is) */
    int8_t out_value;
    bool sio;        /* routed to SIO (software control), not PWM/I2C/SPI/UART */
    rp_pin_irq *irq; /* NULL until irq() is first called */
} rp_pin;

extern const px_type rp_type_pin, rp_type_pin_irq, rp_type_pwm, rp_type_i2c, rp_type_spi, rp_type_adc,
    rp_type_wdt;

/* The Pin object for a GPIO (made once, kept for the program's life). */
rp_pin *rp_pin_get(unsigned gpio);
/* The GPIO a Pin, a number or a name ('GP25', 'LED') means; ValueError
 * or TypeError otherwise. */
unsigned rp_pin_resolve(px_val id);
/* Hand the pin to a peripheral function (RP_GPIO_FUNC_*): its Pin stops
 * driving it until Pin.init() takes it back. */
void rp_pin_give(unsigned gpio, uint32_t func);
void rp_pin_write(rp_pin *p, int v);
/* Pin.irq(...) (pin_irq.c) */
px_val rp_pin_irq_method(size_t argc, const px_val *argv, px_val kwnames);

/* Between bytecodes (the port's px_port_poll, which clears px_st.pending
 * first): turn what the interrupt handlers recorded (pin events, timer
 * expiries) into scheduled calls; what cannot be queued yet sets
 * px_st.pending again. */
void rp_machine_poll(void);
void rp_pin_irq_poll(void);
void rp_timer_poll(void);

#endif
