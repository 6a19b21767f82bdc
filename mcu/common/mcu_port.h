/* Between the files of the shared MCU runtime (not for boards). */
#ifndef PX_MCU_PORT_H
#define PX_MCU_PORT_H

#include <stdbool.h>
#include <stdint.h>

/* The interrupt character arrived since the last call (console.c). */
bool mcu_console_take_interrupt(void);
/* Microseconds since power-on (port.c). */
uint64_t mcu_ticks_us(void);

#endif
