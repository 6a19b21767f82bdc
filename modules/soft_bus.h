/* The software buses, bit-banged over any machine.Pin through its Python
 * API (init, value): portable, for every port's machine module to list. */
#ifndef PX_SOFT_BUS_H
#define PX_SOFT_BUS_H

#include "runtime.h"

extern const px_type px_type_soft_spi; /* soft_spi.c: machine.SoftSPI */
extern const px_type px_type_soft_i2c; /* soft_i2c.c: machine.SoftI2C */

#endif
