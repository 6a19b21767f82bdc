/* The mps2-an385 firmware without floats, for a user who counts flash
 * (docs/mcu.md, "Size of each feature"): the board's settings, with
 * PX_HAS_FLOAT off. nofloat.ini, the cross file that names it, leaves
 * math out (it needs floats); CI builds and boots it (build-an385-nofloat
 * in tests/run.py). */
#include "px_config.h"
#define PX_HAS_FLOAT 0
