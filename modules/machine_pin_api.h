/* machine.Pin's Python-facing layer, shared by every port: value(),
 * on/off/high/low, toggle(), mode() and pull() with their checks,
 * calling a Pin, the constants (IN, OUT, OPEN_DRAIN, PULL_UP, PULL_DOWN,
 * IRQ_RISING...) and the settings part of the repr. A port's Pin type names px_type_pin_base as
 * its base_type and px_pin_call as its call slot, and provides the
 * functions below; it keeps what differs: naming a pin, the constructor
 * and init() (ports add their own keywords), irq(), deinit(). Nothing
 * here touches an OS or a register. */
#ifndef PX_MACHINE_PIN_API_H
#define PX_MACHINE_PIN_API_H

#include "runtime.h"

/* The base of every port's Pin: the shared methods and constants. */
extern const px_type px_type_pin_base;

/* ---- what the port provides (pin: the native Pin object) */
/* The level on the pin (also for an output). */
int px_pin_port_read(px_val pin);
/* Set the output buffer: driven at once by an output, kept by an input
 * for when it becomes one. */
void px_pin_port_write(px_val pin, int value);
/* The output buffer (toggle() flips it). */
int px_pin_port_out_value(px_val pin);
/* The mode (PX_PIN_IN/OUT/OPEN_DRAIN, PX_PIN_ASIS if none yet) and pull
 * (PX_PIN_PULL_*, KEEP if as the pin has it); ValueError if the pin was
 * released. */
int px_pin_port_mode(px_val pin);
int px_pin_port_pull(px_val pin);
/* Change the mode or the pull (a valid one; not ASIS/KEEP). */
void px_pin_port_set_mode(px_val pin, int mode);
void px_pin_port_set_pull(px_val pin, int pull);

/* ---- what the port uses */
/* Pin(): value() or value(x). */
px_val px_pin_call(px_val self, size_t argc, const px_val *argv, px_val kwnames);
/* ", mode=OUT, pull=PULL_UP)": the end of a Pin's repr. */
void px_pin_print_settings(px_out *out, int mode, int pull);

#endif
