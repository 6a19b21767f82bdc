/* GPIO 0..29 of bank 0: function select, pads (pulls), SIO (value and
 * direction), edge and level interrupts on processor 0. */
#ifndef RP_GPIO_H
#define RP_GPIO_H

#include <stdbool.h>
#include <stdint.h>

#define RP_GPIO_COUNT 30u

/* Route the pin to a function (RP_GPIO_FUNC_*), its input buffer on. */
void rp_gpio_set_function(unsigned pin, uint32_t func);
/* Software control (SIO), as an input with its output latch at 0. */
void rp_gpio_init(unsigned pin);
void rp_gpio_set_pulls(unsigned pin, bool up, bool down);
/* Drive the pin: push-pull, or open drain (emulated: 0 drives low, 1
 * lets the line float, so the output enable follows the value). */
void rp_gpio_output(unsigned pin, bool open_drain, int value);
void rp_gpio_input(unsigned pin);
int rp_gpio_get(unsigned pin);

/* Interrupt events (RP_GPIO_EV_*) from portable trigger flags and back:
 * rising (1), falling (2), low level (4), high level (8). */
uint32_t rp_gpio_events_of_trigger(unsigned trigger);
unsigned rp_gpio_trigger_of_events(uint32_t events);
/* Enable exactly `events` on processor 0 for the pin (0: none); edges
 * latched before are cleared so an old edge does not fire. */
void rp_gpio_irq_set(unsigned pin, uint32_t events);
/* Turn some of a pin's enabled events off or back on (level events are
 * masked while their handler waits, or the interrupt would repeat). */
void rp_gpio_irq_mask(unsigned pin, uint32_t events);
void rp_gpio_irq_unmask(unsigned pin, uint32_t events);
/* In the IO_BANK0 interrupt: call fn for each pin with events pending
 * (after acknowledging its latched edges). Level events stay asserted
 * while the level lasts: fn must disable them, or the interrupt repeats. */
void rp_gpio_irq_service(void (*fn)(unsigned pin, uint32_t events, void *ctx), void *ctx);

#endif
